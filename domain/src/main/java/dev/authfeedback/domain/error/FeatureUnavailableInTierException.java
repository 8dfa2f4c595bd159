package dev.authfeedback.domain.error;

/** The requested feature (threat protection) needs a higher user pool tier. */
public final class FeatureUnavailableInTierException extends CognitoServiceException {
    private static final long serialVersionUID = 1L;

    /** The error with the message to answer. */
    public FeatureUnavailableInTierException(String message) {
        super(message);
    }

    @Override
    public ErrorType type() {
        return ErrorType.FEATURE_UNAVAILABLE_IN_TIER;
    }
}
