package dev.authfeedback.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authfeedback.domain.error.InternalErrorException;
import dev.authfeedback.domain.port.out.StoreUnavailableException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The database's health as the storage tracks it, and how Jdbc fails while the database is down. */
class DatabaseHealthTest {

    /** A check that fails with whatever is set, or passes when nothing is. */
    private static final class Switchable implements DatabaseHealth.Check {
        final AtomicReference<Exception> failure = new AtomicReference<>();
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public void run() throws Exception {
            runs.incrementAndGet();
            Exception now = failure.get();
            if (now != null) {
                throw now;
            }
        }
    }

    private static SQLException refused() {
        return new SQLException("Connection refused", "08001");
    }

    @Test
    void startingOnAReachableDatabaseIsUsableAndTellsTheListeners() {
        Switchable check = new Switchable();
        DatabaseHealth health = new DatabaseHealth("db", check);
        List<Boolean> heard = new CopyOnWriteArrayList<>();
        health.onChange(heard::add);
        assertThat(health.usable()).as("unknown before the first check").isFalse();
        try {
            assertThat(health.start()).isTrue();
            assertThat(health.usable()).isTrue();
            assertThat(heard).containsExactly(true);
            assertThat(health.start()).as("a second start checks nothing more").isTrue();
            assertThat(check.runs.get()).isEqualTo(1);
        } finally {
            health.close();
        }
    }

    @Test
    void anOutageIsReportedOnceAndTheRecoveryFoundByTheBackgroundCheck() throws Exception {
        Switchable check = new Switchable();
        check.failure.set(refused());
        DatabaseHealth health = new DatabaseHealth("db", check);
        List<Boolean> heard = new CopyOnWriteArrayList<>();
        health.onChange(heard::add);
        try {
            assertThat(health.start()).isFalse();
            assertThat(heard).as("unknown to down is no change of usable").isEmpty();
            check.failure.set(null);
            await(health::usable);
            assertThat(heard).containsExactly(true);
            health.down(refused());
            health.down(refused());
            assertThat(heard).as("told once per outage").containsExactly(true, false);
            assertThat(health.usable()).isFalse();
            await(health::usable);
            assertThat(heard).containsExactly(true, false, true);
        } finally {
            health.close();
        }
    }

    @Test
    void whileUpOnlyAnUnreachableDatabaseTakesItDownNotABusyPool() throws Exception {
        Switchable check = new Switchable();
        DatabaseHealth health = new DatabaseHealth("db", check);
        try {
            assertThat(health.start()).isTrue();
            // every connection busy: the check times out with no SQL state, and the database is fine
            check.failure.set(new SQLTransientConnectionException("Connection is not available, request timed out"));
            int before = check.runs.get();
            await(() -> check.runs.get() >= before + 2);
            assertThat(health.usable()).isTrue();
            check.failure.set(new SQLException("connection lost", "08006"));
            await(() -> !health.usable());
        } finally {
            health.close();
        }
    }

    @Test
    void unreachableMeansAConnectionStateNotAFailedStatement() {
        for (String state : List.of("08001", "08006", "08003", "57P01", "57P02", "57P03")) {
            assertThat(DatabaseHealth.unreachable(new SQLException("x", state))).as(state).isTrue();
        }
        for (String state : new String[] {"23505", "23503", "40001", "57014", null}) {
            assertThat(DatabaseHealth.unreachable(new SQLException("x", state))).as(String.valueOf(state)).isFalse();
        }
    }

    @Test
    void theReasonIsTheInnermostMessage() {
        assertThat(DatabaseHealth.reason(new RuntimeException("outer", new SQLException("Connection refused"))))
                .isEqualTo("Connection refused");
        assertThat(DatabaseHealth.reason(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void whileDownJdbcFailsAtOnceWithoutAskingForAConnection() {
        CountingDataSource dataSource = new CountingDataSource(refused());
        DatabaseHealth health = new DatabaseHealth("db", () -> { });
        Jdbc jdbc = new Jdbc(dataSource, health);
        try {
            assertThatThrownBy(() -> jdbc.withConnection("find pool", connection -> 1))
                    .isInstanceOf(StoreUnavailableException.class).hasMessage("find pool failed: PostgreSQL is not usable");
            assertThatThrownBy(() -> jdbc.inTransaction("insert event", connection -> 1))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(dataSource.asked.get()).isZero();

            health.start();
            assertThatThrownBy(() -> jdbc.withConnection("find pool", connection -> 1))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("find pool failed: PostgreSQL is not reachable")
                    .hasCauseInstanceOf(SQLException.class);
            assertThat(health.usable()).as("a refused connection takes the database down").isFalse();
            int asked = dataSource.asked.get();
            assertThatThrownBy(() -> jdbc.inTransaction("insert event", connection -> 1))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(dataSource.asked.get()).isEqualTo(asked);
            InternalErrorException answered = new InternalErrorException(
                    catchStoreFailure(() -> jdbc.withConnection("find pool", connection -> 1)));
            assertThat(answered.storeUnavailable()).isTrue();
        } finally {
            health.close();
        }
    }

    @Test
    void aFailedStatementIsAStoreExceptionAndLeavesTheDatabaseUp() {
        DatabaseHealth health = new DatabaseHealth("db", () -> { });
        Jdbc jdbc = new Jdbc(new CountingDataSource(null), health);
        try {
            health.start();
            assertThatThrownBy(() -> jdbc.withConnection("insert user", connection -> {
                throw new SQLException("duplicate key", "23505");
            })).isInstanceOf(StoreException.class).hasMessageContaining("SQL state 23505");
            assertThat(health.usable()).isTrue();
            assertThat(new InternalErrorException(catchStoreFailure(() -> jdbc.withConnection("insert user",
                    connection -> {
                        throw new SQLException("duplicate key", "23505");
                    }))).storeUnavailable()).isFalse();
        } finally {
            health.close();
        }
    }

    private static RuntimeException catchStoreFailure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException failure) {
            return failure;
        }
        throw new AssertionError("no failure");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition within 20 s").isBefore(deadline);
            Thread.sleep(20);
        }
    }

    /**
     * A data source that counts the connections asked of it and fails each with {@code failure}, or
     * hands out a connection whose statements the test's work throws itself.
     */
    private static final class CountingDataSource implements DataSource {
        final AtomicInteger asked = new AtomicInteger();
        private final SQLException failure;

        CountingDataSource(SQLException failure) {
            this.failure = failure;
        }

        @Override
        public Connection getConnection() throws SQLException {
            asked.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getReturnType() == boolean.class) {
                            return false;
                        }
                        return null;
                    });
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            return null;
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
