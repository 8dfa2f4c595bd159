package dev.authfeedback.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authfeedback.domain.port.in.AdminCreateUserCommand;
import dev.authfeedback.domain.port.in.AdminDeleteUserCommand;
import dev.authfeedback.domain.port.in.AdminGetUserCommand;
import dev.authfeedback.domain.port.in.AdminListUserAuthEventsCommand;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.AttributeInput;
import dev.authfeedback.domain.port.in.DescribeRiskConfigurationCommand;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import dev.authfeedback.domain.port.in.SetRiskConfigurationCommand;
import dev.authfeedback.domain.port.in.UpdateAuthEventFeedbackCommand;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Records end up in logs: each says what it is and which pool, event or attribute it concerns,
 * and never a username, an attribute value, an address, a device, a place, a token or a key.
 */
class PersonalDataStaysOutOfToStringTest {

    private static final String POOL = "us-east-1_abcdefghi";
    private static final String EVENT = "3f1c0a52-8d4e-4b6a-9a1e-0c2d4e6f8a10";
    private static final String USERNAME = "jane.private";
    private static final String EMAIL = "jane.private@example.com";
    private static final String TOKEN = "v1.k1.secretpayload.secretmac";
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private static void assertShows(Object value, String identifying, String... secrets) {
        String printed = value.toString();
        assertThat(printed).startsWith(value.getClass().getSimpleName() + "[").contains(identifying);
        for (String secret : secrets) {
            assertThat(printed).doesNotContain(secret);
        }
    }

    @Test
    void modelRecords() {
        EventContextData context = new EventContextData("198.51.100.7", "Jane's phone", "Europe/Oslo", "Oslo",
                "Norway");
        assertShows(context, "ipAddress=(redacted)", "198.51.100.7", "Jane's phone", "Europe/Oslo", "Oslo",
                "Norway");
        assertThat(new EventContextData(null, null, null, null, null).toString()).contains("ipAddress=null");
        AuthEvent event = new AuthEvent(POOL, "sub-1", EVENT, EventType.SIGN_IN, T0, EventResponse.PASS, null,
                List.of(), context, null, List.of(RiskReason.NEW_COUNTRY));
        assertShows(event, EVENT, "198.51.100.7", "Jane's phone", "Oslo");
        assertShows(new User(POOL, USERNAME, "sub-1", Map.of("email", EMAIL), true, UserStatus.CONFIRMED, T0, T0,
                List.of(new AliasKey("email", EMAIL))), POOL, USERNAME, EMAIL);
        assertShows(new AliasKey("email", EMAIL), "email", EMAIL);
        assertShows(new RecordedAuthEvent(EVENT, TOKEN, null, EventResponse.PASS, List.of(RiskReason.NEW_DEVICE),
                AccountTakeoverEventAction.NO_ACTION), EVENT, TOKEN);
        byte[] secret = new byte[32];
        secret[0] = 42;
        assertShows(new TokenSigningKey("key-1", secret, T0, null), "key-1", "42", "[B@");
    }

    @Test
    void commands() {
        assertShows(new AttributeInput("email", EMAIL), "email", EMAIL);
        assertShows(new AdminCreateUserCommand(POOL, USERNAME, List.of(new AttributeInput("email", EMAIL))), POOL,
                USERNAME, EMAIL);
        assertShows(new AdminGetUserCommand(POOL, USERNAME), POOL, USERNAME);
        assertShows(new AdminDeleteUserCommand(POOL, USERNAME), POOL, USERNAME);
        assertShows(new AdminListUserAuthEventsCommand(POOL, USERNAME, 10, null), POOL, USERNAME);
        assertShows(new AdminUpdateAuthEventFeedbackCommand(POOL, USERNAME, EVENT, "Valid"), EVENT, USERNAME);
        assertShows(new UpdateAuthEventFeedbackCommand(POOL, USERNAME, EVENT, TOKEN, "Invalid"), EVENT, USERNAME,
                TOKEN);
        assertShows(new RecordAuthEventCommand(POOL, USERNAME, "SignIn"), POOL, USERNAME);
        // the model marks client ids sensitive
        assertShows(new SetRiskConfigurationCommand(POOL, "secretclient1"), POOL, "secretclient1");
        assertShows(new DescribeRiskConfigurationCommand(POOL, "secretclient1"), POOL, "secretclient1");
    }
}
