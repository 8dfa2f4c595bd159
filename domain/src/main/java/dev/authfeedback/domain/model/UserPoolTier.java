package dev.authfeedback.domain.model;

/** The model's UserPoolTierType: the pool's feature plan. */
public enum UserPoolTier implements WireEnum {
    LITE("LITE"),
    ESSENTIALS("ESSENTIALS"),
    PLUS("PLUS");

    private final String wireValue;

    UserPoolTier(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
