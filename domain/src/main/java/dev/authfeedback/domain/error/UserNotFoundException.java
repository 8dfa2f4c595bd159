package dev.authfeedback.domain.error;

/** No user of the pool has the given username, alias or sub. */
public final class UserNotFoundException extends CognitoServiceException {
    private static final long serialVersionUID = 1L;

    /** Cognito's text for a username that resolves to no user. */
    public static final String MESSAGE = "User does not exist.";

    /** The error with the message to answer. */
    public UserNotFoundException(String message) {
        super(message);
    }

    @Override
    public ErrorType type() {
        return ErrorType.USER_NOT_FOUND;
    }
}
