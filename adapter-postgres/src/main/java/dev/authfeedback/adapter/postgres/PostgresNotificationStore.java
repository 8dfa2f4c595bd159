package dev.authfeedback.adapter.postgres;

import static dev.authfeedback.adapter.postgres.Jdbc.instant;
import static dev.authfeedback.adapter.postgres.Jdbc.nanos;

import dev.authfeedback.domain.model.Notification;
import dev.authfeedback.domain.model.NotificationStatus;
import dev.authfeedback.domain.model.WireEnum;
import dev.authfeedback.domain.port.out.NotificationStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox in {@code notifications}, a row each. Claiming takes the due rows with {@code FOR UPDATE
 * SKIP LOCKED}, so servers sharing the database never claim the same notification at once.
 */
final class PostgresNotificationStore implements NotificationStore {

    private static final String COLUMNS = "pool_id, notification_id, user_sub, event_id, recipient, sender, reply_to, "
            + "subject, html_body, text_body, status, attempts, created_nanos, next_attempt_nanos, last_error";

    private final Jdbc jdbc;

    PostgresNotificationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(Notification notification) {
        return jdbc.withConnection("insert notification", connection -> {
            try {
                return Jdbc.update(connection, "INSERT INTO notifications (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        statement -> bind(statement, notification)) == 1;
            } catch (SQLException failure) {
                if (Jdbc.referencedRowMissing(failure)) {
                    return false; // the pool was deleted meanwhile
                }
                throw failure;
            }
        });
    }

    @Override
    public Optional<Notification> find(String poolId, String notificationId) {
        return jdbc.queryOne("find notification", "SELECT " + COLUMNS
                        + " FROM notifications WHERE pool_id = ? AND notification_id = ?",
                statement -> {
                    statement.setString(1, poolId);
                    statement.setString(2, notificationId);
                }, PostgresNotificationStore::notification);
    }

    @Override
    public List<Notification> listNewestFirst(String poolId, String afterNotificationId, int limit) {
        if (afterNotificationId == null) {
            return jdbc.query("list notifications", "SELECT " + COLUMNS + " FROM notifications WHERE pool_id = ? "
                            + "ORDER BY created_nanos DESC, notification_id DESC LIMIT ?",
                    statement -> {
                        statement.setString(1, poolId);
                        statement.setInt(2, limit);
                    }, PostgresNotificationStore::notification);
        }
        return jdbc.query("list notifications", "SELECT " + COLUMNS + " FROM notifications n WHERE pool_id = ? "
                        + "AND (created_nanos, notification_id) < (SELECT created_nanos, notification_id FROM "
                        + "notifications WHERE pool_id = n.pool_id AND notification_id = ?) "
                        + "ORDER BY created_nanos DESC, notification_id DESC LIMIT ?",
                statement -> {
                    statement.setString(1, poolId);
                    statement.setString(2, afterNotificationId);
                    statement.setInt(3, limit);
                }, PostgresNotificationStore::notification);
    }

    @Override
    public List<Notification> claimDue(Instant now, Instant claimUntil, int limit) {
        return jdbc.inTransaction("claim due notifications", connection -> Jdbc.query(connection,
                "UPDATE notifications SET next_attempt_nanos = ? WHERE (pool_id, notification_id) IN ("
                        + "SELECT pool_id, notification_id FROM notifications WHERE status = 'Pending' "
                        + "AND next_attempt_nanos <= ? ORDER BY next_attempt_nanos LIMIT ? FOR UPDATE SKIP LOCKED) "
                        + "RETURNING " + COLUMNS,
                statement -> {
                    statement.setLong(1, nanos(claimUntil));
                    statement.setLong(2, nanos(now));
                    statement.setInt(3, limit);
                }, PostgresNotificationStore::notification));
    }

    @Override
    public void update(Notification notification) {
        jdbc.withConnection("update notification", connection -> Jdbc.update(connection,
                "UPDATE notifications SET status = ?, attempts = ?, next_attempt_nanos = ?, last_error = ? "
                        + "WHERE pool_id = ? AND notification_id = ?",
                statement -> {
                    statement.setString(1, notification.status().wireValue());
                    statement.setInt(2, notification.attempts());
                    setNanos(statement, 3, notification.nextAttemptAt());
                    statement.setString(4, notification.lastError());
                    statement.setString(5, notification.poolId());
                    statement.setString(6, notification.notificationId());
                }));
    }

    private static void bind(PreparedStatement statement, Notification n) throws SQLException {
        statement.setString(1, n.poolId());
        statement.setString(2, n.notificationId());
        statement.setString(3, n.userSub());
        statement.setString(4, n.eventId());
        statement.setString(5, n.recipient());
        statement.setString(6, n.from());
        statement.setString(7, n.replyTo());
        statement.setString(8, n.subject());
        statement.setString(9, n.htmlBody());
        statement.setString(10, n.textBody());
        statement.setString(11, n.status().wireValue());
        statement.setInt(12, n.attempts());
        statement.setLong(13, nanos(n.createdAt()));
        setNanos(statement, 14, n.nextAttemptAt());
        statement.setString(15, n.lastError());
    }

    private static void setNanos(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, nanos(instant));
        }
    }

    private static Notification notification(ResultSet row) throws SQLException {
        long next = row.getLong("next_attempt_nanos");
        Instant nextAttempt = row.wasNull() ? null : instant(next);
        return new Notification(row.getString("notification_id"), row.getString("pool_id"), row.getString("user_sub"),
                row.getString("event_id"), row.getString("recipient"), row.getString("sender"),
                row.getString("reply_to"), row.getString("subject"), row.getString("html_body"),
                row.getString("text_body"), WireEnum.parseValidated(NotificationStatus.class, row.getString("status")),
                row.getInt("attempts"), instant(row.getLong("created_nanos")), nextAttempt, row.getString("last_error"));
    }
}
