package dev.authfeedback.domain.port.out;

import dev.authfeedback.domain.model.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox: notifications with what became of each. A pool's notifications go with the pool.
 * Implementations are thread-safe; several servers may share one store.
 */
public interface NotificationStore {

    /** Queues a new notification; false if its pool no longer exists. */
    boolean insert(Notification notification);

    /** The pool's notification with this id, if any. */
    Optional<Notification> find(String poolId, String notificationId);

    /**
     * Up to {@code limit} of the pool's notifications, newest first (by creation, then id), starting
     * after {@code afterNotificationId} (null: from the newest).
     */
    List<Notification> listNewestFirst(String poolId, String afterNotificationId, int limit);

    /**
     * Claims up to {@code limit} pending notifications due at {@code now} (oldest due first): each
     * comes back with its next attempt moved to {@code claimUntil}, so that no other sender takes it
     * meanwhile; one a sender claimed and never settled is due again after that.
     */
    List<Notification> claimDue(Instant now, Instant claimUntil, int limit);

    /** Records what became of an attempt: replaces the notification of the same id (no-op if its pool is gone). */
    void update(Notification notification);
}
