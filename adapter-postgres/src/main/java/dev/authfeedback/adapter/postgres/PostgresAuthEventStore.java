package dev.authfeedback.adapter.postgres;

import static dev.authfeedback.adapter.postgres.Jdbc.instant;
import static dev.authfeedback.adapter.postgres.Jdbc.nanos;
import static dev.authfeedback.adapter.postgres.Jdbc.textArray;
import static dev.authfeedback.adapter.postgres.Jdbc.texts;

import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.ChallengeName;
import dev.authfeedback.domain.model.ChallengeResponse;
import dev.authfeedback.domain.model.ChallengeResult;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.EventFeedback;
import dev.authfeedback.domain.model.EventResponse;
import dev.authfeedback.domain.model.EventRisk;
import dev.authfeedback.domain.model.EventType;
import dev.authfeedback.domain.model.FeedbackProvider;
import dev.authfeedback.domain.model.FeedbackValue;
import dev.authfeedback.domain.model.RiskDecision;
import dev.authfeedback.domain.model.RiskLevel;
import dev.authfeedback.domain.model.RiskReason;
import dev.authfeedback.domain.model.WireEnum;
import dev.authfeedback.domain.port.out.AuthEventStore;
import dev.authfeedback.domain.risk.RiskLesson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Events in {@code auth_events}; "newest first" is descending {@code seq}, the order of insertion.
 * An insert or a feedback update is one transaction with the lesson it teaches the risk model; a
 * feedback update is one statement that locks the event's row and answers the feedback it replaced,
 * so concurrent ones apply one after the other; on an event without a context, which teaches nothing,
 * it is the only statement. Feedback writes that arrive together commit together ({@link FeedbackCommits}).
 */
final class PostgresAuthEventStore implements AuthEventStore {

    private static final String COLUMNS = "pool_id, user_sub, event_id, event_type, creation_nanos, event_response, "
            + "has_risk, risk_decision, risk_level, compromised_credentials, challenge_names, challenge_results, "
            + "has_context, ip_address, device_name, timezone, city, country, feedback_value, feedback_provider, "
            + "feedback_nanos, risk_reasons";
    private static final String PREFIXED_COLUMNS = "e." + COLUMNS.replace(", ", ", e.");
    private static final String PROVIDER_ADMIN = FeedbackProvider.ADMIN.wireValue();
    /** Writes committed together lock their events in this order, so that two batches never wait on each other in a cycle. */
    private static final Comparator<FeedbackCommits.Write> EVENT_ORDER = Comparator
            .comparing(FeedbackCommits.Write::poolId).thenComparing(FeedbackCommits.Write::userSub)
            .thenComparing(FeedbackCommits.Write::eventId);

    private final Jdbc jdbc;
    private final FeedbackCommits commits;

    PostgresAuthEventStore(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.commits = new FeedbackCommits(jdbc, this::recordAlone, PostgresAuthEventStore::recordTogether);
    }

    /** Feedback writes so far and the transactions they took. */
    FeedbackCommitCounts feedbackCommits() {
        return commits.counts();
    }

    /** Stops committing feedback; writes still waiting fail as the store being closed. */
    void close() {
        commits.close();
    }

    @Override
    public boolean insert(AuthEvent event) {
        int inserted = jdbc.inTransaction("insert event", connection -> {
            int rows = insert(connection, event);
            if (rows == 1) {
                PostgresRiskModelStore.learn(connection, event.poolId(), event.userSub(), RiskLesson.recorded(event));
            } else {
                connection.rollback(); // nothing written; the failed statement ended the transaction anyway
            }
            return rows;
        });
        if (inserted < 0) {
            return false;
        }
        if (inserted == 0) {
            throw new IllegalStateException("event id already taken: " + event.eventId());
        }
        return true;
    }

    /** Rows inserted; -1 when the event's user does not exist. */
    private static int insert(Connection connection, AuthEvent event) throws SQLException {
        try {
            return Jdbc.update(connection,
                "INSERT INTO auth_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?) ON CONFLICT DO NOTHING", statement -> {
                    EventRisk risk = event.eventRisk();
                    EventContextData context = event.eventContextData();
                    EventFeedback feedback = event.eventFeedback();
                    statement.setString(1, event.poolId());
                    statement.setString(2, event.userSub());
                    statement.setString(3, event.eventId());
                    statement.setString(4, event.eventType().wireValue());
                    statement.setLong(5, nanos(event.creationDate()));
                    statement.setString(6, wire(event.eventResponse()));
                    statement.setBoolean(7, risk != null);
                    statement.setString(8, risk == null ? null : wire(risk.riskDecision()));
                    statement.setString(9, risk == null ? null : wire(risk.riskLevel()));
                    statement.setObject(10, risk == null ? null : risk.compromisedCredentialsDetected(), Types.BOOLEAN);
                    List<String> names = new ArrayList<>();
                    List<String> results = new ArrayList<>();
                    for (ChallengeResponse challenge : event.challengeResponses()) {
                        names.add(wire(challenge.challengeName()));
                        results.add(wire(challenge.challengeResponse()));
                    }
                    statement.setArray(11, textArray(connection, names));
                    statement.setArray(12, textArray(connection, results));
                    statement.setBoolean(13, context != null);
                    statement.setString(14, context == null ? null : context.ipAddress());
                    statement.setString(15, context == null ? null : context.deviceName());
                    statement.setString(16, context == null ? null : context.timezone());
                    statement.setString(17, context == null ? null : context.city());
                    statement.setString(18, context == null ? null : context.country());
                    statement.setString(19, feedback == null ? null : feedback.feedbackValue().wireValue());
                    statement.setString(20, feedback == null ? null : feedback.provider().wireValue());
                    statement.setObject(21, feedback == null ? null : nanos(feedback.feedbackDate()), Types.BIGINT);
                    statement.setArray(22, textArray(connection,
                            event.riskReasons().stream().map(RiskReason::wireValue).toList()));
                });
        } catch (SQLException failure) {
            if (Jdbc.referencedRowMissing(failure)) {
                return -1;
            }
            throw failure;
        }
    }

    @Override
    public Optional<AuthEvent> find(String poolId, String userSub, String eventId) {
        return jdbc.queryOne("find event", "SELECT " + COLUMNS + " FROM auth_events "
                + "WHERE pool_id = ? AND user_sub = ? AND event_id = ?", statement -> {
                    statement.setString(1, poolId);
                    statement.setString(2, userSub);
                    statement.setString(3, eventId);
                }, PostgresAuthEventStore::event);
    }

    @Override
    public Optional<AuthEvent> recordFeedback(String poolId, String userSub, String eventId, EventFeedback feedback) {
        return commits.record(poolId, userSub, eventId, feedback);
    }

    /** One write in transactions of its own: on an event without a context, one statement committed on its own. */
    private Optional<AuthEvent> recordAlone(FeedbackCommits.Write write) {
        Optional<AuthEvent> withoutContext = jdbc.withConnection("record feedback",
                connection -> recordWithoutContext(connection, write));
        if (withoutContext.isPresent()) {
            return withoutContext;
        }
        return jdbc.inTransaction("record feedback", connection -> recordWithContext(connection, write));
    }

    /**
     * Several writes in the caller's transaction. The first write to each event without a context
     * is one statement for all of them; every other (an event with a context, one not found, a
     * second write to an event) follows alone, in one order of events and, for each event, in the
     * order the writes came, so that the last one to an event is its value as if they had come one
     * by one.
     */
    private static Map<FeedbackCommits.Write, Optional<AuthEvent>> recordTogether(
            Connection connection, List<FeedbackCommits.Write> writes) throws SQLException {
        Map<FeedbackCommits.Write, Optional<AuthEvent>> results = new IdentityHashMap<>();
        Map<List<String>, FeedbackCommits.Write> firsts = new LinkedHashMap<>();
        for (FeedbackCommits.Write write : writes) {
            firsts.putIfAbsent(List.of(write.poolId(), write.userSub(), write.eventId()), write);
        }
        List<FeedbackCommits.Write> ordered = new ArrayList<>(firsts.values());
        ordered.sort(EVENT_ORDER);
        // every event of the batch locked first, in the order of their keys: the UPDATE below locks
        // rows in whatever order its plan reads them (a scan's order changes as rows are updated), and
        // two batches locking in different orders deadlock
        Jdbc.query(connection, "SELECT 1 FROM auth_events e JOIN unnest(?::text[], ?::text[], ?::text[]) "
                + "AS w(pool_id, user_sub, event_id) ON e.pool_id = w.pool_id AND e.user_sub = w.user_sub "
                + "AND e.event_id = w.event_id ORDER BY e.pool_id COLLATE \"C\", e.user_sub COLLATE \"C\", "
                + "e.event_id COLLATE \"C\" FOR UPDATE OF e", statement -> bindEventKeys(connection, statement, ordered),
                row -> 1);
        List<AuthEvent> updated = Jdbc.query(connection, "UPDATE auth_events e SET feedback_value = w.value, "
                + "feedback_provider = w.provider, feedback_nanos = w.nanos FROM unnest(?::text[], ?::text[], "
                + "?::text[], ?::text[], ?::text[], ?::bigint[]) AS w(pool_id, user_sub, event_id, value, provider, "
                + "nanos) WHERE e.pool_id = w.pool_id AND e.user_sub = w.user_sub "
                + "AND e.event_id = w.event_id AND NOT e.has_context RETURNING " + PREFIXED_COLUMNS, statement -> {
                    bindEventKeys(connection, statement, ordered);
                    statement.setArray(4, textArray(connection, ordered.stream()
                            .map(write -> write.feedback().feedbackValue().wireValue()).toList()));
                    statement.setArray(5, textArray(connection, ordered.stream()
                            .map(write -> write.feedback().provider().wireValue()).toList()));
                    statement.setArray(6, connection.createArrayOf("bigint", ordered.stream()
                            .map(write -> nanos(write.feedback().feedbackDate())).toArray()));
                }, PostgresAuthEventStore::event);
        for (AuthEvent event : updated) {
            results.put(firsts.get(List.of(event.poolId(), event.userSub(), event.eventId())), Optional.of(event));
        }
        List<FeedbackCommits.Write> rest = new ArrayList<>();
        for (FeedbackCommits.Write write : writes) {
            if (!results.containsKey(write)) {
                rest.add(write);
            }
        }
        rest.sort(EVENT_ORDER); // stable: the writes to one event stay in the order they came
        // every writer locks events first, then profiles, then the pools' figures, each kind in one
        // order: so no two transactions wait on each other in a cycle
        Map<FeedbackCommits.Write, RiskLesson> lessons = new LinkedHashMap<>();
        for (FeedbackCommits.Write write : rest) {
            // one statement whatever the event: on one without a context the lesson is empty
            Optional<ReplacedFeedback> replaced = replaceFeedback(connection, write);
            results.put(write, replaced.map(ReplacedFeedback::event));
            replaced.ifPresent(event -> lessons.put(write, event.lesson(write.feedback())));
        }
        Map<String, List<RiskLesson>> poolLessons = new TreeMap<>();
        for (Map.Entry<FeedbackCommits.Write, RiskLesson> lesson : lessons.entrySet()) {
            FeedbackCommits.Write write = lesson.getKey();
            if (PostgresRiskModelStore.learnProfile(connection, write.poolId(), write.userSub(), lesson.getValue())) {
                poolLessons.computeIfAbsent(write.poolId(), pool -> new ArrayList<>()).add(lesson.getValue());
            }
        }
        for (Map.Entry<String, List<RiskLesson>> pool : poolLessons.entrySet()) {
            PostgresRiskModelStore.addToPoolFigures(connection, pool.getKey(), pool.getValue());
        }
        return results;
    }

    /** The writes' pools, users and event ids as the first three parameters, arrays in the writes' order. */
    private static void bindEventKeys(Connection connection, PreparedStatement statement,
                                      List<FeedbackCommits.Write> writes) throws SQLException {
        statement.setArray(1, textArray(connection, writes.stream().map(FeedbackCommits.Write::poolId).toList()));
        statement.setArray(2, textArray(connection, writes.stream().map(FeedbackCommits.Write::userSub).toList()));
        statement.setArray(3, textArray(connection, writes.stream().map(FeedbackCommits.Write::eventId).toList()));
    }

    /** Sets the feedback of an event without a context (which teaches the model nothing); empty if it has one or is not found. */
    private static Optional<AuthEvent> recordWithoutContext(Connection connection, FeedbackCommits.Write write)
            throws SQLException {
        List<AuthEvent> updated = Jdbc.query(connection, "UPDATE auth_events SET feedback_value = ?, "
                + "feedback_provider = ?, feedback_nanos = ? WHERE pool_id = ? AND user_sub = ? AND event_id = ? "
                + "AND NOT has_context RETURNING " + COLUMNS, feedbackOf(write), PostgresAuthEventStore::event);
        return updated.isEmpty() ? Optional.empty() : Optional.of(updated.get(0));
    }

    /** Sets the feedback of any event and teaches the model, in the caller's transaction; empty if not found. */
    private static Optional<AuthEvent> recordWithContext(Connection connection, FeedbackCommits.Write write)
            throws SQLException {
        Optional<ReplacedFeedback> replaced = replaceFeedback(connection, write);
        if (replaced.isPresent()) {
            PostgresRiskModelStore.learn(connection, write.poolId(), write.userSub(),
                    replaced.get().lesson(write.feedback()));
        }
        return replaced.map(ReplacedFeedback::event);
    }

    /** Sets the feedback of any event, locking its row until commit; answers it with the feedback it replaced. */
    private static Optional<ReplacedFeedback> replaceFeedback(Connection connection, FeedbackCommits.Write write)
            throws SQLException {
        // one statement sets the feedback and answers the one it replaced: the sub-select locks the
        // row, so a concurrent update waits and then sees this one's value as the one it replaces
        List<ReplacedFeedback> updated = Jdbc.query(connection, "UPDATE auth_events e SET feedback_value = ?, "
                + "feedback_provider = ?, feedback_nanos = ? FROM (SELECT seq, feedback_value AS old_value, "
                + "feedback_provider AS old_provider, feedback_nanos AS old_nanos FROM auth_events "
                + "WHERE pool_id = ? AND user_sub = ? AND event_id = ? FOR UPDATE) old WHERE e.seq = old.seq "
                + "RETURNING " + PREFIXED_COLUMNS + ", old.old_value, old.old_provider, old.old_nanos",
                feedbackOf(write), row -> new ReplacedFeedback(event(row),
                        feedback(row.getString("old_value"), row.getString("old_provider"), row.getLong("old_nanos"))));
        return updated.isEmpty() ? Optional.empty() : Optional.of(updated.get(0));
    }

    /** Binds the feedback's value, provider and date, then the event's pool, user and id. */
    private static Jdbc.Binder feedbackOf(FeedbackCommits.Write write) {
        return statement -> {
            statement.setString(1, write.feedback().feedbackValue().wireValue());
            statement.setString(2, write.feedback().provider().wireValue());
            statement.setLong(3, nanos(write.feedback().feedbackDate()));
            statement.setString(4, write.poolId());
            statement.setString(5, write.userSub());
            statement.setString(6, write.eventId());
        };
    }

    /** An event as updated, and the feedback the update replaced (null: none). */
    private record ReplacedFeedback(AuthEvent event, EventFeedback replaced) {

        /** What replacing {@link #replaced} by {@code feedback} teaches the model. */
        RiskLesson lesson(EventFeedback feedback) {
            return RiskLesson.relabelled(event, replaced, feedback);
        }
    }

    @Override
    public List<AuthEvent> listNewestFirst(String poolId, String userSub, String afterEventId, int limit) {
        if (afterEventId == null) {
            return jdbc.query("list events", "SELECT " + COLUMNS + " FROM auth_events WHERE pool_id = ? AND user_sub = ? "
                    + "ORDER BY seq DESC LIMIT ?", statement -> {
                        statement.setString(1, poolId);
                        statement.setString(2, userSub);
                        statement.setInt(3, limit);
                    }, PostgresAuthEventStore::event);
        }
        // an unknown cursor makes the subquery NULL, and seq < NULL selects nothing
        return jdbc.query("list events", "SELECT " + COLUMNS + " FROM auth_events WHERE pool_id = ? AND user_sub = ? "
                + "AND seq < (SELECT seq FROM auth_events WHERE pool_id = ? AND user_sub = ? AND event_id = ?) "
                + "ORDER BY seq DESC LIMIT ?", statement -> {
                    statement.setString(1, poolId);
                    statement.setString(2, userSub);
                    statement.setString(3, poolId);
                    statement.setString(4, userSub);
                    statement.setString(5, afterEventId);
                    statement.setInt(6, limit);
                }, PostgresAuthEventStore::event);
    }

    private static String wire(WireEnum value) {
        return value == null ? null : value.wireValue();
    }

    private static EventFeedback feedback(String value, String provider, long nanos) {
        if (value == null) {
            return null;
        }
        return new EventFeedback(WireEnum.parseValidated(FeedbackValue.class, value),
                PROVIDER_ADMIN.equals(provider) ? FeedbackProvider.ADMIN : FeedbackProvider.USER, instant(nanos));
    }

    private static AuthEvent event(ResultSet row) throws SQLException {
        EventRisk risk = null;
        if (row.getBoolean("has_risk")) {
            boolean compromised = row.getBoolean("compromised_credentials");
            risk = new EventRisk(WireEnum.parseValidated(RiskDecision.class, row.getString("risk_decision")),
                    WireEnum.parseValidated(RiskLevel.class, row.getString("risk_level")),
                    row.wasNull() ? null : compromised);
        }
        List<String> names = texts(row, "challenge_names");
        List<String> results = texts(row, "challenge_results");
        List<ChallengeResponse> challenges = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            challenges.add(new ChallengeResponse(WireEnum.parseValidated(ChallengeName.class, names.get(i)),
                    WireEnum.parseValidated(ChallengeResult.class, results.get(i))));
        }
        EventContextData context = row.getBoolean("has_context") ? new EventContextData(row.getString("ip_address"),
                row.getString("device_name"), row.getString("timezone"), row.getString("city"),
                row.getString("country")) : null;
        EventFeedback feedback = feedback(row.getString("feedback_value"), row.getString("feedback_provider"),
                row.getLong("feedback_nanos"));
        return new AuthEvent(row.getString("pool_id"), row.getString("user_sub"), row.getString("event_id"),
                WireEnum.parseValidated(EventType.class, row.getString("event_type")),
                instant(row.getLong("creation_nanos")),
                WireEnum.parseValidated(EventResponse.class, row.getString("event_response")),
                risk, challenges, context, feedback,
                texts(row, "risk_reasons").stream().map(reason -> WireEnum.parseValidated(RiskReason.class, reason))
                        .toList());
    }
}
