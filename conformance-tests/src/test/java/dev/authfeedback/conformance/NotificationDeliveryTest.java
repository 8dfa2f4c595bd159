package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.adapter.smtp.SmtpNotifier;
import dev.authfeedback.adapter.smtp.SmtpSettings;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.Notification;
import dev.authfeedback.domain.model.NotificationStatus;
import dev.authfeedback.domain.port.in.AdminCreateUserCommand;
import dev.authfeedback.domain.port.in.AttributeInput;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.CreateUserPoolCommand;
import dev.authfeedback.domain.port.in.ListNotificationsCommand;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import dev.authfeedback.domain.port.in.SetRiskConfigurationCommand;
import dev.authfeedback.domain.port.in.UserPoolAddOnsInput;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Delivery through a real SMTP server (GreenMail) or one that is not there, on the service's own
 * clock: what is sent, when a failure is tried again, when it is given up.
 */
class NotificationDeliveryTest {

    private static final EventContextData HOME = new EventContextData("203.0.113.5", "Firefox 120, Linux", "+01:00",
            "Oslo", "Norway");
    private static final EventContextData STRANGER = new EventContextData("198.51.100.9", "Chrome 119, Windows",
            "-03:00", "Recife", "Brazil");

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));

    private AuthEventFeedbackUseCases service(int smtpPort) {
        return AuthEventFeedbackService.builder().stores(InMemoryStores.create())
                .rateLimiter(new TokenBucketRateLimiter(RateLimits.unlimited())).clock(clock)
                .notifier(new SmtpNotifier(new SmtpSettings("127.0.0.1", smtpPort, SmtpSettings.StartTls.OFF, null,
                        null, Duration.ofSeconds(2))))
                .build();
    }

    /** A pool that notifies at high risk; jane with {@code email}; her sign-in from afar. Answers the pool id. */
    private static String riskySignIn(AuthEventFeedbackUseCases service, String email) {
        String pool = service.createUserPool(new CreateUserPoolCommand("p", new UserPoolAddOnsInput("ENFORCED"),
                "PLUS", null, null)).id();
        service.setRiskConfiguration(new SetRiskConfigurationCommand(pool, null, null,
                new SetRiskConfigurationCommand.AccountTakeoverInput(null, new SetRiskConfigurationCommand.ActionsInput(
                        null, null, new SetRiskConfigurationCommand.LevelActionInput(true, "BLOCK"))), null));
        service.adminCreateUser(new AdminCreateUserCommand(pool, "jane", List.of(new AttributeInput("email", email))));
        for (int i = 0; i < 20; i++) {
            service.recordAuthEvent(new RecordAuthEventCommand(pool, "jane", "SignIn", "Pass", null, null, HOME, null));
        }
        service.recordAuthEvent(new RecordAuthEventCommand(pool, "jane", "SignIn", "Pass", null, null, STRANGER, null));
        return pool;
    }

    private static Notification only(AuthEventFeedbackUseCases service, String pool) {
        return service.listNotifications(new ListNotificationsCommand(pool, null, null)).items().get(0);
    }

    @Test
    void aDueNotificationIsSentOnceAndSaysSo() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            AuthEventFeedbackUseCases service = service(mail.getSmtp().getPort());
            String pool = riskySignIn(service, "jane@example.com");
            assertThat(only(service, pool).status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(service.deliverDueNotifications(20)).isEqualTo(1);
            assertThat(only(service, pool)).extracting(Notification::status, Notification::attempts,
                    Notification::nextAttemptAt).containsExactly(NotificationStatus.SENT, 1, null);
            assertThat(service.deliverDueNotifications(20)).isZero();
            assertThat(mail.getReceivedMessages()).hasSize(1);
        } finally {
            mail.stop();
        }
    }

    @Test
    void failuresAreTriedAgainAfter1416And64And256SecondsThenGivenUp() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        AuthEventFeedbackUseCases service = service(closed);
        String pool = riskySignIn(service, "jane@example.com");
        long[] waits = {1, 4, 16, 64, 256};
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(service.deliverDueNotifications(20)).as("none sent").isZero();
            Notification failed = only(service, pool);
            assertThat(failed.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(failed.attempts()).isEqualTo(attempt);
            assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(waits[attempt - 1]));
            assertThat(failed.lastError()).contains("Connection refused");
            clock.advance(Duration.ofSeconds(waits[attempt - 1]).minusMillis(1));
            service.deliverDueNotifications(20);
            assertThat(only(service, pool).attempts()).as("not due yet").isEqualTo(attempt);
            clock.advance(Duration.ofMillis(1));
        }
        service.deliverDueNotifications(20);
        assertThat(only(service, pool)).extracting(Notification::status, Notification::attempts,
                Notification::nextAttemptAt).containsExactly(NotificationStatus.FAILED, 6, null);
        clock.advance(Duration.ofDays(1));
        service.deliverDueNotifications(20);
        assertThat(only(service, pool).attempts()).as("given up").isEqualTo(6);
    }

    @Test
    void anAddressTheMailServerCannotTakeFailsAtOnce() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            AuthEventFeedbackUseCases service = service(mail.getSmtp().getPort());
            String pool = riskySignIn(service, "jane at example dot com");
            service.deliverDueNotifications(20);
            assertThat(only(service, pool)).extracting(Notification::status, Notification::attempts)
                    .containsExactly(NotificationStatus.FAILED, 1);
            assertThat(only(service, pool).lastError()).startsWith("not an email address");
        } finally {
            mail.stop();
        }
    }
}
