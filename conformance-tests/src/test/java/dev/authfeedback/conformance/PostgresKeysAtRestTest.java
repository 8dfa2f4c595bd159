package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authfeedback.adapter.postgres.MasterKey;
import dev.authfeedback.adapter.postgres.PostgresSettings;
import dev.authfeedback.adapter.postgres.PostgresStorage;
import dev.authfeedback.domain.model.RecordedAuthEvent;
import dev.authfeedback.domain.model.TokenSigningKey;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.AdminCreateUserCommand;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.CreateUserPoolCommand;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import dev.authfeedback.domain.port.in.RotateFeedbackTokenKeyCommand;
import dev.authfeedback.domain.port.in.UpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.UserPoolAddOnsInput;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The token signing keys at rest in PostgreSQL: with a master key, a dump of every table holds no
 * key in any encoding; keys stored without one are encrypted at the next start with one; a server
 * with no or another master key does not serve; tokens keep working across all of it.
 */
class PostgresKeysAtRestTest {

    private static final MasterKey MASTER = MasterKey.fromBase64(Base64.getEncoder().encodeToString(bytes(1)));
    private static final MasterKey OTHER = MasterKey.fromBase64(Base64.getEncoder().encodeToString(bytes(2)));

    private static byte[] bytes(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }

    private static PostgresStorage started(String url, MasterKey masterKey) {
        PostgresStorage storage = PostgresStorage.open(new PostgresSettings(url, "postgres", "postgres")
                .withMasterKey(masterKey));
        assertThat(storage.start()).as("usable").isTrue();
        return storage;
    }

    private static AuthEventFeedbackUseCases service(PostgresStorage storage) {
        return AuthEventFeedbackService.builder().stores(storage.stores())
                .rateLimiter(new TokenBucketRateLimiter(RateLimits.unlimited())).build();
    }

    /** A pool with a user and a recorded event; answers the pool, event and its token. */
    private record SignIn(UserPool pool, RecordedAuthEvent event) {
        void feedback(AuthEventFeedbackUseCases service, String value) {
            service.updateAuthEventFeedback(new UpdateAuthEventFeedbackCommand(pool.id(), "jane", event.eventId(),
                    event.feedbackToken(), value));
        }
    }

    private static SignIn signIn(AuthEventFeedbackUseCases service) {
        UserPool pool = service.createUserPool(new CreateUserPoolCommand("at rest", new UserPoolAddOnsInput("ENFORCED"),
                "PLUS", null, null));
        service.adminCreateUser(new AdminCreateUserCommand(pool.id(), "jane", List.of()));
        RecordedAuthEvent event = service.recordAuthEvent(new RecordAuthEventCommand(pool.id(), "jane", "SignIn",
                "Pass", null, null, null, null));
        return new SignIn(pool, event);
    }

    /** Every row of every table of the schema, as COPY writes it (what a data dump holds). */
    private static String dump(PostgresStorage storage) throws SQLException {
        StringWriter dump = new StringWriter();
        try (Connection connection = storage.dataSource().getConnection()) {
            List<String> tables = new ArrayList<>();
            try (var rows = connection.createStatement().executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("user_pools", "token_signing_keys");
            for (String table : tables) {
                try {
                    connection.unwrap(PGConnection.class).getCopyAPI()
                            .copyOut("COPY " + table + " TO STDOUT", dump);
                } catch (java.io.IOException e) {
                    throw new SQLException(e);
                }
            }
        }
        return dump.toString();
    }

    /** Fails if the dump holds any of the keys' secrets in any encoding a reader might try. */
    private static void assertHoldsNoKey(String dump, List<TokenSigningKey> keys) {
        for (TokenSigningKey key : keys) {
            byte[] secret = key.secret();
            assertThat(dump).doesNotContain(Base64.getEncoder().encodeToString(secret))
                    .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(secret))
                    .doesNotContain(HexFormat.of().formatHex(secret))
                    .doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void withAMasterKeyADumpHoldsNoKeyAndTokensVerifyAcrossARestartAndRotations() throws Exception {
        String url = PostgresTestDatabase.newDatabase();
        SignIn before;
        List<TokenSigningKey> keys;
        try (PostgresStorage storage = started(url, MASTER)) {
            AuthEventFeedbackUseCases service = service(storage);
            before = signIn(service);
            service.rotateFeedbackTokenKey(new RotateFeedbackTokenKeyCommand(before.pool().id()));
            keys = storage.stores().tokenSigningKeys().keys(before.pool().id());
            assertThat(keys).hasSize(2);
            String dump = dump(storage);
            assertHoldsNoKey(dump, keys);
            assertThat(dump).contains("aes-gcm:" + MASTER.id() + ":");
        }
        try (PostgresStorage storage = started(url, MASTER)) {
            assertThat(storage.stores().tokenSigningKeys().keys(before.pool().id())).isEqualTo(keys);
            before.feedback(service(storage), "Invalid");
        }
    }

    @Test
    void keysStoredUnencryptedAreEncryptedAtTheFirstStartWithAMasterKey() throws Exception {
        String url = PostgresTestDatabase.newDatabase();
        SignIn before;
        List<TokenSigningKey> keys;
        try (PostgresStorage storage = started(url, null)) {
            before = signIn(service(storage));
            keys = storage.stores().tokenSigningKeys().keys(before.pool().id());
            // the check below can fail: without a master key the dump holds the key
            assertThatThrownBy(() -> assertHoldsNoKey(dump(storage), keys)).isInstanceOf(AssertionError.class);
        }
        try (PostgresStorage storage = started(url, MASTER)) {
            assertHoldsNoKey(dump(storage), keys);
            before.feedback(service(storage), "Valid");
        }
    }

    @Test
    void aServerWithoutTheMasterKeyTheKeysNeedDoesNotServe() {
        String url = PostgresTestDatabase.newDatabase();
        try (PostgresStorage storage = started(url, MASTER)) {
            signIn(service(storage));
        }
        for (MasterKey wrong : new MasterKey[] {null, OTHER}) {
            try (PostgresStorage storage = PostgresStorage.open(new PostgresSettings(url, "postgres", "postgres")
                    .withMasterKey(wrong))) {
                assertThat(storage.start()).as("usable with " + wrong).isFalse();
            }
        }
        try (PostgresStorage storage = started(url, MASTER)) {
            assertThat(storage.stores().health().usable()).isTrue();
        }
    }

    @Test
    void aMasterKeyIsThirtyTwoBytesOfBase64AndNeverShown() {
        assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ=")).hasMessageEndingWith("this one is 5 bytes")
                .hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> MasterKey.fromBase64("not base64!")).hasMessageEndingWith("this one is not base64");
        assertThat(MASTER.toString()).isEqualTo("MasterKey[id=" + MASTER.id() + "]").hasSize(30);
        assertThat(MASTER.id()).isNotEqualTo(OTHER.id()).matches("[0-9a-f]{16}");
    }
}
