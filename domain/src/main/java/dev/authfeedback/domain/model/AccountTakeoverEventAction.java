package dev.authfeedback.domain.model;

/** The model's AccountTakeoverEventActionType: what the sign-in flow does at a risk level. */
public enum AccountTakeoverEventAction implements WireEnum {
    BLOCK("BLOCK"),
    MFA_IF_CONFIGURED("MFA_IF_CONFIGURED"),
    MFA_REQUIRED("MFA_REQUIRED"),
    NO_ACTION("NO_ACTION");

    private final String wireValue;

    AccountTakeoverEventAction(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
