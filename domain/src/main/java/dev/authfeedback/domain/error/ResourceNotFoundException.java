package dev.authfeedback.domain.error;

/** A user pool or auth event does not exist. */
public final class ResourceNotFoundException extends CognitoServiceException {
    private static final long serialVersionUID = 1L;

    /** The error with the message to answer. */
    public ResourceNotFoundException(String message) {
        super(message);
    }

    @Override
    public ErrorType type() {
        return ErrorType.RESOURCE_NOT_FOUND;
    }
}
