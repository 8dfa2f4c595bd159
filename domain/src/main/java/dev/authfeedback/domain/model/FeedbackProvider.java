package dev.authfeedback.domain.model;

/** Who gave an event's feedback: the Provider member of EventFeedbackType (a plain string in the model). */
public enum FeedbackProvider implements WireEnum {
    ADMIN("Admin"),
    USER("User");

    private final String wireValue;

    FeedbackProvider(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
