package dev.authfeedback.domain.model;

/** The model's ChallengeName (of ChallengeResponseType). */
public enum ChallengeName implements WireEnum {
    PASSWORD("Password"),
    MFA("Mfa");

    private final String wireValue;

    ChallengeName(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
