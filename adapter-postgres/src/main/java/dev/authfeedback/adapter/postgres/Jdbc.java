package dev.authfeedback.adapter.postgres;

import dev.authfeedback.domain.port.out.StoreUnavailableException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The few JDBC moves the stores make, with SQLException turned into {@link StoreException}, or into
 * {@link StoreUnavailableException} when the database cannot be reached: then at once, without
 * waiting for a connection, until the database is back.
 */
final class Jdbc {

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final DatabaseHealth health;

    Jdbc(DataSource dataSource, DatabaseHealth health) {
        this.dataSource = dataSource;
        this.health = health;
    }

    <T> List<T> query(String operation, String sql, Binder binder, RowMapper<T> mapper) {
        return withConnection(operation, connection -> query(connection, sql, binder, mapper));
    }

    <T> Optional<T> queryOne(String operation, String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = query(operation, sql, binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    int update(String operation, String sql, Binder binder) {
        return withConnection(operation, connection -> update(connection, sql, binder));
    }

    static <T> List<T> query(Connection connection, String sql, Binder binder, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    static int update(Connection connection, String sql, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        }
    }

    /** Runs {@code work} on one connection in autocommit mode: each statement commits on its own. */
    <T> T withConnection(String operation, Work<T> work) {
        requireUsable(operation);
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    /** Runs {@code work} in one transaction, committed if it returns and rolled back if it throws. */
    <T> T inTransaction(String operation, Work<T> work) {
        requireUsable(operation);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    void requireUsable(String operation) {
        if (!health.usable()) {
            throw new StoreUnavailableException(operation + " failed: PostgreSQL is not usable", null);
        }
    }

    private RuntimeException failure(String operation, SQLException failure) {
        if (DatabaseHealth.unreachable(failure)) {
            health.down(failure);
            return new StoreUnavailableException(operation + " failed: PostgreSQL is not reachable", failure);
        }
        return new StoreException(operation, failure);
    }

    /** True when a statement failed because a row it refers to does not exist (its owner was deleted). */
    static boolean referencedRowMissing(SQLException failure) {
        return "23503".equals(failure.getSQLState());
    }

    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    static List<String> texts(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
