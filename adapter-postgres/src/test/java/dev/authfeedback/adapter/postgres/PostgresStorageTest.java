package dev.authfeedback.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

/** Opening needs a PostgreSQL URL and no database; closing releases the pool. */
class PostgresStorageTest {

    @Test
    void onlyAPostgresqlJdbcUrlIsTaken() {
        for (String url : new String[] {null, "", "jdbc:mysql://localhost/authfeedback", "postgresql://localhost/x"}) {
            assertThatThrownBy(() -> PostgresStorage.open(url, "user", "secret"))
                    .as(String.valueOf(url))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("jdbc:postgresql://host:port/database");
        }
    }

    @Test
    void opensWithoutADatabaseAndClosesItsPool() {
        // nothing listens on port 1: opening must not need the database (the server starts without it)
        PostgresStorage storage = PostgresStorage.open("jdbc:postgresql://127.0.0.1:1/none", "user", "secret");
        HikariDataSource pool = (HikariDataSource) storage.dataSource();
        assertThat(storage.stores().blocking()).isTrue();
        assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:1/none");
        assertThat(pool.getUsername()).isEqualTo("user");
        assertThat(pool.getPassword()).isEqualTo("secret");
        storage.close();
        assertThat(pool.isClosed()).isTrue();
    }
}
