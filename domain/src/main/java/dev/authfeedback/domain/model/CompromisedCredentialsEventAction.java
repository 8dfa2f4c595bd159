package dev.authfeedback.domain.model;

/** The model's CompromisedCredentialsEventActionType. */
public enum CompromisedCredentialsEventAction implements WireEnum {
    BLOCK("BLOCK"),
    NO_ACTION("NO_ACTION");

    private final String wireValue;

    CompromisedCredentialsEventAction(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
