package dev.authfeedback.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A failed store call is described by its operation and the database's error state, never a value. */
class StoreExceptionTest {

    @Test
    void namesTheOperationAndTheSqlStateButNotTheDatabasesMessage() {
        StoreException failure = new StoreException("find user by alias",
                new SQLException("duplicate key value (jane@example.com)", "23505"));
        assertThat(failure).hasMessage("find user by alias failed: SQL state 23505 (SQLException)");
    }

    @Test
    void withoutAStateTheCauseIsNamedByItsClass() {
        assertThat(new StoreException("insert pool", new SQLException("jane@example.com")))
                .hasMessage("insert pool failed: SQLException");
        assertThat(new StoreException("insert pool", new IllegalStateException("jane@example.com")))
                .hasMessage("insert pool failed: IllegalStateException");
    }
}
