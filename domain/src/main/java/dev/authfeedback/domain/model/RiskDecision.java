package dev.authfeedback.domain.model;

/** The model's RiskDecisionType. */
public enum RiskDecision implements WireEnum {
    NO_RISK("NoRisk"),
    ACCOUNT_TAKEOVER("AccountTakeover"),
    BLOCK("Block");

    private final String wireValue;

    RiskDecision(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
