package dev.authfeedback.domain.error;

/** The pool already has a user with this username (or username attribute). */
public final class UsernameExistsException extends CognitoServiceException {
    private static final long serialVersionUID = 1L;

    /** The error with the message to answer. */
    public UsernameExistsException(String message) {
        super(message);
    }

    @Override
    public ErrorType type() {
        return ErrorType.USERNAME_EXISTS;
    }
}
