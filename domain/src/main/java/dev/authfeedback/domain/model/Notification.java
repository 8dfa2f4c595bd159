package dev.authfeedback.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A risk notification email in the outbox: what was rendered for one sign-in, and what became of
 * it. The bodies hold the event's feedback token and one-click links: only administrators read them.
 *
 * @param notificationId the notification's id (a UUID)
 * @param poolId the user's pool
 * @param userSub the user's sub
 * @param eventId the sign-in it tells of
 * @param recipient the user's email address, or null when the user has none
 * @param from the sender (NotifyConfiguration's From)
 * @param replyTo the reply-to address, or null
 * @param subject the rendered subject
 * @param htmlBody the rendered HTML body (values HTML-escaped), or null when the template has none
 * @param textBody the rendered plain-text body, or null when the template has none
 * @param status what became of it
 * @param attempts how many times sending was tried
 * @param createdAt when it was queued
 * @param nextAttemptAt when it is to be tried (again) while pending; null otherwise
 * @param lastError why the last attempt failed (the mail server's answer, never a secret), or null
 */
public record Notification(String notificationId, String poolId, String userSub, String eventId, String recipient,
                           String from, String replyTo, String subject, String htmlBody, String textBody,
                           NotificationStatus status, int attempts, Instant createdAt, Instant nextAttemptAt,
                           String lastError) {

    public Notification {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(userSub, "userSub");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (status == NotificationStatus.PENDING && nextAttemptAt == null) {
            throw new IllegalArgumentException("a pending notification needs a time for its next attempt");
        }
    }

    /** After an attempt: its new status, the time of the next attempt (pending only) and the error. */
    public Notification attempted(NotificationStatus newStatus, Instant next, String error) {
        return new Notification(notificationId, poolId, userSub, eventId, recipient, from, replyTo, subject,
                htmlBody, textBody, newStatus, attempts + 1, createdAt, next, error);
    }

    /** The same notification, pending until {@code until}: claimed by one sender, so that no other sends it meanwhile. */
    public Notification claimedUntil(Instant until) {
        return new Notification(notificationId, poolId, userSub, eventId, recipient, from, replyTo, subject,
                htmlBody, textBody, status, attempts, createdAt, until, lastError);
    }

    /** The bodies carry the feedback token, and the recipient is personal data: neither is printed. */
    @Override
    public String toString() {
        return "Notification[notificationId=" + notificationId + ", poolId=" + poolId + ", eventId=" + eventId
                + ", status=" + status + ", attempts=" + attempts + "]";
    }
}
