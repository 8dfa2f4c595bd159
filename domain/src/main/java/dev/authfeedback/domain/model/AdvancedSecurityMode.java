package dev.authfeedback.domain.model;

/** The model's AdvancedSecurityModeType: the threat-protection (advanced security) add-on mode. */
public enum AdvancedSecurityMode implements WireEnum {
    OFF("OFF"),
    AUDIT("AUDIT"),
    ENFORCED("ENFORCED");

    private final String wireValue;

    AdvancedSecurityMode(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
