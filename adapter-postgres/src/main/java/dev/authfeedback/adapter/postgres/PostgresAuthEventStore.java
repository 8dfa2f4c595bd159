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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Events in {@code auth_events}; "newest first" is descending {@code seq}, the order of insertion.
 * An insert or a feedback update is one transaction with the lesson it teaches the risk model; a
 * feedback update is one statement that locks the event's row and answers the feedback it replaced,
 * so concurrent ones apply one after the other; on an event without a context, which teaches nothing,
 * it is the only statement and commits on its own.
 */
final class PostgresAuthEventStore implements AuthEventStore {

    private static final String COLUMNS = "pool_id, user_sub, event_id, event_type, creation_nanos, event_response, "
            + "has_risk, risk_decision, risk_level, compromised_credentials, challenge_names, challenge_results, "
            + "has_context, ip_address, device_name, timezone, city, country, feedback_value, feedback_provider, "
            + "feedback_nanos, risk_reasons";
    private static final String PREFIXED_COLUMNS = "e." + COLUMNS.replace(", ", ", e.");
    private static final String PROVIDER_ADMIN = FeedbackProvider.ADMIN.wireValue();

    private final Jdbc jdbc;

    PostgresAuthEventStore(Jdbc jdbc) {
        this.jdbc = jdbc;
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
        // an event without a context teaches the model nothing: one statement, committed on its own
        Optional<AuthEvent> withoutContext = jdbc.queryOne("record feedback", "UPDATE auth_events SET "
                + "feedback_value = ?, feedback_provider = ?, feedback_nanos = ? WHERE pool_id = ? AND user_sub = ? "
                + "AND event_id = ? AND NOT has_context RETURNING " + COLUMNS,
                feedbackOfEvent(feedback, poolId, userSub, eventId), PostgresAuthEventStore::event);
        if (withoutContext.isPresent()) {
            return withoutContext;
        }
        return jdbc.inTransaction("record feedback", connection -> {
            // one statement sets the feedback and answers the one it replaced: the sub-select locks the
            // row, so a concurrent update waits and then sees this one's value as the one it replaces
            List<ReplacedFeedback> updated = Jdbc.query(connection, "UPDATE auth_events e SET feedback_value = ?, "
                    + "feedback_provider = ?, feedback_nanos = ? FROM (SELECT seq, feedback_value AS old_value, "
                    + "feedback_provider AS old_provider, feedback_nanos AS old_nanos FROM auth_events "
                    + "WHERE pool_id = ? AND user_sub = ? AND event_id = ? FOR UPDATE) old WHERE e.seq = old.seq "
                    + "RETURNING " + PREFIXED_COLUMNS + ", old.old_value, old.old_provider, old.old_nanos",
                    feedbackOfEvent(feedback, poolId, userSub, eventId), row -> new ReplacedFeedback(event(row),
                            feedback(row.getString("old_value"), row.getString("old_provider"),
                                    row.getLong("old_nanos"))));
            if (updated.isEmpty()) {
                return Optional.empty();
            }
            AuthEvent after = updated.get(0).event();
            PostgresRiskModelStore.learn(connection, poolId, userSub,
                    RiskLesson.relabelled(after, updated.get(0).replaced(), feedback));
            return Optional.of(after);
        });
    }

    /** Binds the feedback's value, provider and date, then the event's pool, user and id. */
    private static Jdbc.Binder feedbackOfEvent(EventFeedback feedback, String poolId, String userSub, String eventId) {
        return statement -> {
            statement.setString(1, feedback.feedbackValue().wireValue());
            statement.setString(2, feedback.provider().wireValue());
            statement.setLong(3, nanos(feedback.feedbackDate()));
            statement.setString(4, poolId);
            statement.setString(5, userSub);
            statement.setString(6, eventId);
        };
    }

    /** An event as updated, and the feedback the update replaced (null: none). */
    private record ReplacedFeedback(AuthEvent event, EventFeedback replaced) {
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
