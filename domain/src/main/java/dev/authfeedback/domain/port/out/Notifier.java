package dev.authfeedback.domain.port.out;

import dev.authfeedback.domain.model.Notification;

/** Sends notification emails (SMTP, say). Called off the request path; may block. */
public interface Notifier {

    /** The server has no mail server: notifications stay in the outbox for administrators to read. */
    Notifier NONE = notification -> {
        throw new IllegalStateException("no mail server configured");
    };

    /**
     * Hands the notification to the mail server; throws {@link NotificationRefused} when the server
     * refuses it for good, and any other RuntimeException for a failure worth trying again.
     */
    void send(Notification notification);

    /**
     * The mail server will never take this message (an address it rejects, say): retrying is pointless.
     */
    final class NotificationRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** {@code reason}: the mail server's answer, without secrets. */
        public NotificationRefused(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
