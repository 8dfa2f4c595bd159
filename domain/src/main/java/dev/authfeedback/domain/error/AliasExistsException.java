package dev.authfeedback.domain.error;

/** A verified alias is already linked to another user and ForceAliasCreation was not set. */
public final class AliasExistsException extends CognitoServiceException {
    private static final long serialVersionUID = 1L;

    /** The error with the message to answer. */
    public AliasExistsException(String message) {
        super(message);
    }

    @Override
    public ErrorType type() {
        return ErrorType.ALIAS_EXISTS;
    }
}
