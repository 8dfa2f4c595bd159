package dev.authfeedback.domain.model;

/** The model's ChallengeResponse enum (of ChallengeResponseType): whether the challenge was passed. */
public enum ChallengeResult implements WireEnum {
    SUCCESS("Success"),
    FAILURE("Failure");

    private final String wireValue;

    ChallengeResult(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
