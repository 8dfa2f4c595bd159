package dev.authfeedback.domain.error;

/** The caller is not allowed to do this, e.g. a feedback token that does not verify. */
public final class NotAuthorizedException extends CognitoServiceException {
    private static final long serialVersionUID = 1L;

    /** The one answer to every feedback-token failure, so that it tells nothing about users or events. */
    public static final String INVALID_FEEDBACK_TOKEN_MESSAGE = "The feedback token is not valid.";

    /** The error with the message to answer. */
    public NotAuthorizedException(String message) {
        super(message);
    }

    @Override
    public ErrorType type() {
        return ErrorType.NOT_AUTHORIZED;
    }
}
