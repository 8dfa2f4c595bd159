package dev.authfeedback.domain.error;

/**
 * Base of every error the service answers with, one final subclass per AWS error shape.
 * Client errors carry no stack trace: they are answers, not bugs, and filling one in would
 * dominate the cost of a rejected request.
 */
public abstract sealed class CognitoServiceException extends RuntimeException
        permits InvalidParameterException, NotAuthorizedException, ResourceNotFoundException,
                UserNotFoundException, UserPoolAddOnNotEnabledException, TooManyRequestsException,
                UsernameExistsException, AliasExistsException, FeatureUnavailableInTierException,
                InternalErrorException {

    private static final long serialVersionUID = 1L;

    CognitoServiceException(String message) {
        super(message, null, false, false);
    }

    CognitoServiceException(String message, Throwable cause) {
        super(message, cause, false, true);
    }

    /** The AWS error shape this answer is, which decides its status. */
    public abstract ErrorType type();
}
