package dev.authfeedback.domain.error;

/**
 * AWS's error shapes for a caller the transport could not authenticate (no credentials, a
 * malformed or wrong signature, an unknown key). The transports raise them before any use case
 * runs; they are named here once so that every transport answers with the same names.
 */
public enum CallerAuthenticationError {
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException"),
    INCOMPLETE_SIGNATURE("IncompleteSignatureException"),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException"),
    INVALID_SIGNATURE("InvalidSignatureException");

    private final String shapeName;

    CallerAuthenticationError(String shapeName) {
        this.shapeName = shapeName;
    }

    /** The AWS error shape, as the {@code __type} of the answer. */
    public String shapeName() {
        return shapeName;
    }
}
