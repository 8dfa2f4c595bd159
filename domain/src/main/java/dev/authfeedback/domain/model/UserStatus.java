package dev.authfeedback.domain.model;

/** The model's UserStatusType. */
public enum UserStatus implements WireEnum {
    UNCONFIRMED("UNCONFIRMED"),
    CONFIRMED("CONFIRMED"),
    ARCHIVED("ARCHIVED"),
    COMPROMISED("COMPROMISED"),
    UNKNOWN("UNKNOWN"),
    RESET_REQUIRED("RESET_REQUIRED"),
    FORCE_CHANGE_PASSWORD("FORCE_CHANGE_PASSWORD"),
    EXTERNAL_PROVIDER("EXTERNAL_PROVIDER");

    private final String wireValue;

    UserStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
