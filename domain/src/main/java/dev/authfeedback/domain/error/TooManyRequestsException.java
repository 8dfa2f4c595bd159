package dev.authfeedback.domain.error;

/** The pool's quota for the operation's category is used up for now. */
public final class TooManyRequestsException extends CognitoServiceException {
    private static final long serialVersionUID = 1L;

    /** Cognito's text for a quota that is used up. */
    public static final String MESSAGE = "Rate exceeded";

    /** The error with the message to answer. */
    public TooManyRequestsException(String message) {
        super(message);
    }

    @Override
    public ErrorType type() {
        return ErrorType.TOO_MANY_REQUESTS;
    }
}
