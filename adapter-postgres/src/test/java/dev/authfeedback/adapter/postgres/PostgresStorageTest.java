package dev.authfeedback.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.authfeedback.domain.port.out.StoreUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings are checked before anything opens; opening needs no database; closing releases the pool. */
class PostgresStorageTest {

    @Test
    void onlyAPostgresqlJdbcUrlIsTakenAndItsParametersAreNeverRepeated() {
        for (String url : new String[] {null, "", "jdbc:mysql://localhost/authfeedback", "postgresql://localhost/x"}) {
            assertThatThrownBy(() -> new PostgresSettings(url, "user", "secret"))
                    .as(String.valueOf(url))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("jdbc:postgresql://host:port/database");
        }
        assertThatThrownBy(() -> new PostgresSettings("jdbc:mysql://db/x?password=hunter2", "user", "secret"))
                .hasMessageEndingWith("was: jdbc:mysql://db/x");
        assertThat(new PostgresSettings("jdbc:postgresql://db/x?password=hunter2", "user", "secret").toString())
                .isEqualTo("PostgresSettings[jdbc:postgresql://db/x, user=user, schema=authfeedback, "
                        + "connectionTimeout=PT1S, masterKey=null, poolSize=16]");
        MasterKey master = MasterKey.fromBase64("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        assertThat(new PostgresSettings("jdbc:postgresql://db/x", "user", "secret").withMasterKey(master).toString())
                .endsWith("masterKey=MasterKey[id=" + master.id() + "], poolSize=16]");
    }

    @Test
    void theSchemaIsAPlainLowercaseNameAndTheTimeoutAtLeastHikarisFloor() {
        String url = "jdbc:postgresql://db/x";
        for (String schema : new String[] {"authfeedback", "a", "_x9", "a".repeat(63)}) {
            assertThat(new PostgresSettings(url, null, null, schema, Duration.ofSeconds(1)).schema()).isEqualTo(schema);
        }
        for (String schema : new String[] {"", "Public", "9lives", "a-b", "a b", "x;drop", "\"q\"", "a".repeat(64)}) {
            assertThatThrownBy(() -> new PostgresSettings(url, null, null, schema, Duration.ofSeconds(1)))
                    .as(schema).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema");
        }
        assertThat(new PostgresSettings(url, null, null, "s", Duration.ofMillis(250)).connectionTimeout())
                .isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> new PostgresSettings(url, null, null, "s", Duration.ofMillis(249)))
                .hasMessageContaining("at least PT0.25S");
        assertThat(new PostgresSettings(url, "u", "p")).extracting(PostgresSettings::schema,
                PostgresSettings::connectionTimeout).containsExactly("authfeedback", Duration.ofSeconds(1));
    }

    @Test
    void opensWithoutADatabaseAndClosesItsPool() {
        // nothing listens on port 1: opening must not need the database (the server starts without it)
        PostgresStorage storage = PostgresStorage.open(new PostgresSettings("jdbc:postgresql://127.0.0.1:1/none", "user",
                "secret", "tenant_a", Duration.ofMillis(1500)));
        HikariDataSource pool = (HikariDataSource) storage.dataSource();
        assertThat(storage.stores().blocking()).isTrue();
        assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:1/none");
        assertThat(pool.getUsername()).isEqualTo("user");
        assertThat(pool.getPassword()).isEqualTo("secret");
        assertThat(pool.getSchema()).isEqualTo("tenant_a");
        assertThat(pool.getConnectionTimeout()).isEqualTo(1500);
        assertThat(pool.getMaximumPoolSize()).isEqualTo(PostgresSettings.DEFAULT_POOL_SIZE);
        assertThat(storage.stores().health().usable()).as("unknown until started").isFalse();
        storage.close();
        assertThat(pool.isClosed()).isTrue();
    }

    @Test
    void thePoolSizeIsFourToAThousandConnectionsAndKeptWithTheMasterKey() {
        PostgresSettings settings = new PostgresSettings("jdbc:postgresql://127.0.0.1:1/none", "user", "secret");
        for (int size : new int[] {4, 40, 1000}) {
            try (PostgresStorage storage = PostgresStorage.open(settings.withPoolSize(size))) {
                assertThat(((HikariDataSource) storage.dataSource()).getMaximumPoolSize()).isEqualTo(size);
            }
        }
        for (int size : new int[] {-1, 0, 3, 1001}) {
            assertThatThrownBy(() -> settings.withPoolSize(size)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the pool size must be from 4 to 1000 connections, was: " + size);
        }
        MasterKey master = MasterKey.fromBase64("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        assertThat(settings.withPoolSize(8).withMasterKey(master).poolSize()).isEqualTo(8);
    }

    @Test
    void startingWithoutADatabaseAnswersUnusableAndCallsFailAsUnavailable() {
        try (PostgresStorage storage = PostgresStorage.open(new PostgresSettings("jdbc:postgresql://127.0.0.1:1/none",
                "user", "secret", "authfeedback", Duration.ofMillis(250)))) {
            assertThat(storage.start()).isFalse();
            assertThat(storage.stores().health().usable()).isFalse();
            assertThatThrownBy(() -> storage.stores().userPools().find("us-east-1_abc"))
                    .isInstanceOf(StoreUnavailableException.class);
        }
    }
}
