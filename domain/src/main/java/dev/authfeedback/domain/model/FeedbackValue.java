package dev.authfeedback.domain.model;

/** The model's FeedbackValueType: Valid means the sign-in was the user, Invalid that it was not. */
public enum FeedbackValue implements WireEnum {
    VALID("Valid"),
    INVALID("Invalid");

    private final String wireValue;

    FeedbackValue(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
