package dev.authfeedback.benchmarks;

import dev.authfeedback.adapter.postgres.PostgresSettings;
import dev.authfeedback.adapter.postgres.PostgresStorage;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.AdminGetUserCommand;
import dev.authfeedback.domain.port.in.AdminListUserAuthEventsCommand;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Scale on PostgreSQL, in a JVM of its own: a database grown to each given number of events, spread
 * over users of {@value #EVENTS_PER_USER} events each (10 million events: 100,000 users); the bytes an
 * event takes on disk (its table, indexes and TOAST, divided by the events); and the cost of each
 * operation through the service at each size, which should not grow with it. Users and events
 * beyond the first are copies, made by the database itself, of a user and an event the service
 * stored (with names and ids of their own), so that growing to 10 million takes minutes, not hours.
 * Prints one {@code result {json}} line.
 */
public final class PostgresScaleRun {

    static final int EVENTS_PER_USER = 100;
    private static final String USER_COLUMNS = "pool_id, sub, username, attribute_names, attribute_values, enabled, "
            + "status, create_nanos, last_modified_nanos, alias_names, alias_values";
    private static final String EVENT_COLUMNS = "pool_id, user_sub, event_id, event_type, creation_nanos, "
            + "event_response, has_risk, risk_decision, risk_level, compromised_credentials, challenge_names, "
            + "challenge_results, has_context, ip_address, device_name, timezone, city, country, feedback_value, "
            + "feedback_provider, feedback_nanos, risk_reasons";

    private PostgresScaleRun() {
    }

    /** Arguments: the JDBC URL of an empty database, then the sizes to measure at, ascending. */
    public static void main(String[] args) throws SQLException {
        try (PostgresStorage storage = PostgresStorage.open(new PostgresSettings(args[0], "postgres", "postgres"))) {
            if (!storage.start()) {
                throw new IllegalStateException("the scale run's database is not usable");
            }
            try (Connection connection = storage.dataSource().getConnection();
                 Statement extension = connection.createStatement()) {
                extension.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            AuthEventFeedbackUseCases service = Fixtures.service(storage.stores());
            UserPool pool = Fixtures.advancedPool(service);
            Fixtures.createUser(service, pool, "template");
            String templateEvent = Fixtures.record(service, pool, "template", 1, true).get(0).eventId();
            JsonObject result = new JsonObject();
            long stored = 0;
            int rounds = Integer.getInteger("bench.scaleRounds", 2000);
            try (Connection connection = storage.dataSource().getConnection()) {
                for (int i = 1; i < args.length; i++) {
                    long size = Long.parseLong(args[i]);
                    long started = System.nanoTime();
                    grow(connection, pool.id(), templateEvent, stored, size);
                    stored = size;
                    LoadRun.progress(String.format("postgres scale: %d events stored (grown in %.0f s)", size,
                            (System.nanoTime() - started) / 1e9));
                    result.put("postgres_scale.bytes_per_event_at_" + size, bytesPerEvent(connection, size));
                    measure(service, pool, size, rounds, connection, result);
                }
            }
            String first = args[1];
            String last = args[args.length - 1];
            for (String operation : new String[] {"admin_feedback", "list_page", "record"}) {
                result.put("postgres_scale." + operation + ".growth_ratio",
                        result.getDouble("postgres_scale." + operation + ".us_at_" + last)
                                / result.getDouble("postgres_scale." + operation + ".us_at_" + first));
            }
            result.put("postgres_scale.events", stored);
            result.put("postgres_scale.bytes_per_event", result.getDouble("postgres_scale.bytes_per_event_at_" + last));
            System.out.println("result " + result.encode());
        }
    }

    /** Adds users {@code from / 100 ..} and their events up to {@code to} events in all, copies of the templates. */
    private static void grow(Connection connection, String poolId, String templateEvent, long from, long to)
            throws SQLException {
        try (PreparedStatement users = connection.prepareStatement("INSERT INTO users (" + USER_COLUMNS + ") "
                + "SELECT pool_id, 'sub-' || u, 'user' || u, attribute_names, attribute_values, enabled, status, "
                + "create_nanos, last_modified_nanos, alias_names, alias_values FROM users, generate_series(?, ?) u "
                + "WHERE pool_id = ? AND username = 'template'");
             PreparedStatement events = connection.prepareStatement("INSERT INTO auth_events (" + EVENT_COLUMNS + ") "
                     + "SELECT pool_id, 'sub-' || (g / " + EVENTS_PER_USER + "), 'event-' || g, event_type, "
                     + "creation_nanos + g, event_response, has_risk, risk_decision, risk_level, "
                     + "compromised_credentials, challenge_names, challenge_results, has_context, ip_address, "
                     + "device_name, timezone, city, country, feedback_value, feedback_provider, feedback_nanos, "
                     + "risk_reasons FROM auth_events, generate_series(?, ?) g WHERE pool_id = ? AND event_id = ?")) {
            users.setLong(1, from / EVENTS_PER_USER);
            users.setLong(2, to / EVENTS_PER_USER - 1);
            users.setString(3, poolId);
            users.executeUpdate();
            // in slices of a million, so that each transaction stays of a moderate size
            for (long slice = from; slice < to; slice += 1_000_000) {
                events.setLong(1, slice);
                events.setLong(2, Math.min(to, slice + 1_000_000) - 1);
                events.setString(3, poolId);
                events.setString(4, templateEvent);
                events.executeUpdate();
            }
        }
        try (Statement analyze = connection.createStatement()) {
            analyze.execute("VACUUM ANALYZE auth_events");
            analyze.execute("VACUUM ANALYZE users");
        }
    }

    /** The events table with its indexes and TOAST, per event. */
    private static double bytesPerEvent(Connection connection, long events) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet size = statement.executeQuery("SELECT pg_total_relation_size('auth_events')")) {
            size.next();
            return size.getLong(1) / (double) events;
        }
    }

    private static double micros(int rounds, Runnable operation) {
        return ScaleRun.timed(rounds, operation) / 1e3;
    }

    /**
     * Microseconds per call (as the in-memory scale run times them), for random users and events. The
     * users the calls will name are looked up once first, so that every size is timed with the server
     * knowing its users, as one that has been serving them does: otherwise the 100 users at 10,000
     * events are all known after a few calls and the random ones of 100,000 at 10,000,000 nearly
     * never, and the extra statement a user new to the server costs is counted at one size only.
     */
    private static void measure(AuthEventFeedbackUseCases service, UserPool pool, long size, int rounds,
                                Connection connection, JsonObject result) throws SQLException {
        long users = size / EVENTS_PER_USER;
        // each call's event or user drawn up front: the users they name are looked up from these
        Random random = new Random(size);
        int calls = ScaleRun.callsTimed(rounds);
        long[] feedbackEvents = new long[calls];
        long[] listedUsers = new long[calls];
        long[] recordingUsers = new long[calls];
        Set<Long> named = new HashSet<>();
        for (int call = 0; call < calls; call++) {
            feedbackEvents[call] = (long) (random.nextDouble() * size);
            named.add(feedbackEvents[call] / EVENTS_PER_USER);
        }
        for (long[] drawn : new long[][] {listedUsers, recordingUsers}) {
            for (int call = 0; call < calls; call++) {
                drawn[call] = (long) (random.nextDouble() * users);
                named.add(drawn[call]);
            }
        }
        long started = System.nanoTime();
        for (long user : named) {
            service.adminGetUser(new AdminGetUserCommand(pool.id(), "user" + user));
        }
        LoadRun.progress(String.format("postgres scale: the %d users the calls name looked up once (%.1f s)",
                named.size(), (System.nanoTime() - started) / 1e9));
        timeWithStatements(connection, "admin_feedback", size, rounds, result, call -> {
            long event = feedbackEvents[call];
            service.adminUpdateAuthEventFeedback(new AdminUpdateAuthEventFeedbackCommand(pool.id(),
                    "user" + event / EVENTS_PER_USER, "event-" + event, "Valid"));
        });
        timeWithStatements(connection, "list_page", size, rounds, result, call ->
                service.adminListUserAuthEvents(new AdminListUserAuthEventsCommand(pool.id(),
                        "user" + listedUsers[call], 60, null)));
        timeWithStatements(connection, "record", size, rounds, result, call ->
                service.recordAuthEvent(new RecordAuthEventCommand(pool.id(), "user" + recordingUsers[call],
                        "SignIn")));
    }

    /**
     * Times the operation, and from pg_stat_statements (reset before) what the database did for it per
     * call: statements, their execution time, the 8 kB pages they touched and had to read in (not in
     * shared buffers), and the WAL they wrote with its full-page images. A progress line per statement.
     * {@code call} is given each call's number, from 0.
     */
    private static void timeWithStatements(Connection connection, String operation, long size, int rounds,
                                           JsonObject result, IntConsumer call) throws SQLException {
        try (Statement reset = connection.createStatement()) {
            reset.execute("SELECT pg_stat_statements_reset()");
        }
        String key = "postgres_scale." + operation;
        int[] made = {0};
        result.put(key + ".us_at_" + size, micros(rounds, () -> call.accept(made[0]++)));
        double calls = made[0]; // the warm-up's too: the statistics cover them
        double statements = 0;
        double databaseMicros = 0;
        double pages = 0;
        double pagesRead = 0;
        double walBytes = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT calls, total_exec_time, shared_blks_hit, "
                     + "shared_blks_read, wal_bytes, wal_fpi, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) "
                     + "FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC")) {
            while (rows.next()) {
                long statementCalls = rows.getLong(1);
                if (statementCalls < calls / 10) {
                    continue; // the listener's and the pool's housekeeping, not the operation
                }
                statements += statementCalls / calls;
                databaseMicros += rows.getDouble(2) * 1e3 / calls;
                pages += (rows.getLong(3) + rows.getLong(4)) / calls;
                pagesRead += rows.getLong(4) / calls;
                walBytes += rows.getDouble(5) / calls;
                LoadRun.progress(String.format("  %s at %d: %.2f/call, %.1f us, %.1f pages (%.2f read), "
                                + "%.0f WAL bytes (%.2f full pages): %s", operation, size, statementCalls / calls,
                        rows.getDouble(2) * 1e3 / statementCalls, (rows.getLong(3) + rows.getLong(4))
                                / (double) statementCalls, rows.getLong(4) / (double) statementCalls,
                        rows.getDouble(5) / statementCalls, rows.getLong(6) / (double) statementCalls,
                        rows.getString(7)));
            }
        }
        result.put(key + ".statements_per_call_at_" + size, statements);
        result.put(key + ".database_us_at_" + size, databaseMicros);
        result.put(key + ".pages_per_call_at_" + size, pages);
        result.put(key + ".pages_read_per_call_at_" + size, pagesRead);
        result.put(key + ".wal_bytes_per_call_at_" + size, walBytes);
    }
}
