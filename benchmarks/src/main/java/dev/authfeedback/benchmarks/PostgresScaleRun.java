package dev.authfeedback.benchmarks;

import dev.authfeedback.adapter.postgres.PostgresSettings;
import dev.authfeedback.adapter.postgres.PostgresStorage;
import dev.authfeedback.domain.model.UserPool;
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
import java.util.Random;

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
                    measure(service, pool, size, rounds, result);
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

    /** Microseconds per call (as the in-memory scale run times them), for random users and events. */
    private static void measure(AuthEventFeedbackUseCases service, UserPool pool, long size, int rounds,
                                JsonObject result) {
        Random random = new Random(size);
        long users = size / EVENTS_PER_USER;
        result.put("postgres_scale.admin_feedback.us_at_" + size, micros(rounds, () -> {
            long event = (long) (random.nextDouble() * size);
            service.adminUpdateAuthEventFeedback(new AdminUpdateAuthEventFeedbackCommand(pool.id(),
                    "user" + event / EVENTS_PER_USER, "event-" + event, "Valid"));
        }));
        result.put("postgres_scale.list_page.us_at_" + size, micros(rounds, () ->
                service.adminListUserAuthEvents(new AdminListUserAuthEventsCommand(pool.id(),
                        "user" + (long) (random.nextDouble() * users), 60, null))));
        result.put("postgres_scale.record.us_at_" + size, micros(rounds, () ->
                service.recordAuthEvent(new RecordAuthEventCommand(pool.id(),
                        "user" + (long) (random.nextDouble() * users), "SignIn"))));
    }
}
