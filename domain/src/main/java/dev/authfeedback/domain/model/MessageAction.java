package dev.authfeedback.domain.model;

/** The model's MessageActionType (AdminCreateUser). Accepted and validated; this service sends no messages. */
public enum MessageAction implements WireEnum {
    RESEND("RESEND"),
    SUPPRESS("SUPPRESS");

    private final String wireValue;

    MessageAction(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
