package dev.authfeedback.domain.model;

/** The model's EventFilterType: which events compromised-credentials detection looks at. */
public enum EventFilter implements WireEnum {
    SIGN_IN("SIGN_IN"),
    PASSWORD_CHANGE("PASSWORD_CHANGE"),
    SIGN_UP("SIGN_UP");

    private final String wireValue;

    EventFilter(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
