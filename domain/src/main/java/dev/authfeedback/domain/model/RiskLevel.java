package dev.authfeedback.domain.model;

/** The model's RiskLevelType. */
public enum RiskLevel implements WireEnum {
    LOW("Low"),
    MEDIUM("Medium"),
    HIGH("High");

    private final String wireValue;

    RiskLevel(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
