package dev.authfeedback.domain.model;

/** What became of a notification (this product's own values). */
public enum NotificationStatus implements WireEnum {
    /** Waiting to be sent, or to be tried again after a failure. */
    PENDING("Pending"),
    /** The mail server accepted it. */
    SENT("Sent"),
    /** Given up: the mail server refused it for good, or every attempt failed. */
    FAILED("Failed"),
    /** Never to be sent: the user has no email address. */
    NOT_SENDABLE("NotSendable"),
    /** Kept in the outbox only: the server has no mail server to send through. */
    OUTBOX_ONLY("OutboxOnly");

    private final String wireValue;

    NotificationStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
