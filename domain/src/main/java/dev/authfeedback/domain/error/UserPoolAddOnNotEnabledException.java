package dev.authfeedback.domain.error;

/** The pool's AdvancedSecurityMode is OFF. */
public final class UserPoolAddOnNotEnabledException extends CognitoServiceException {
    private static final long serialVersionUID = 1L;

    /** The error with the message to answer. */
    public UserPoolAddOnNotEnabledException(String message) {
        super(message);
    }

    @Override
    public ErrorType type() {
        return ErrorType.USER_POOL_ADD_ON_NOT_ENABLED;
    }
}
