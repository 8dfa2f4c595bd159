package dev.authfeedback.domain.error;

/**
 * The AWS error shapes this service answers with. Inbound adapters map errors by switching over this
 * enum without a {@code default}, so adding a constant fails their compilation until they map it.
 */
public enum ErrorType {
    INVALID_PARAMETER("InvalidParameterException", false),
    NOT_AUTHORIZED("NotAuthorizedException", false),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", false),
    USER_NOT_FOUND("UserNotFoundException", false),
    USER_POOL_ADD_ON_NOT_ENABLED("UserPoolAddOnNotEnabledException", false),
    TOO_MANY_REQUESTS("TooManyRequestsException", false),
    USERNAME_EXISTS("UsernameExistsException", false),
    ALIAS_EXISTS("AliasExistsException", false),
    FEATURE_UNAVAILABLE_IN_TIER("FeatureUnavailableInTierException", false),
    INTERNAL_ERROR("InternalErrorException", true);

    private final String shapeName;
    private final boolean serverFault;

    ErrorType(String shapeName, boolean serverFault) {
        this.shapeName = shapeName;
        this.serverFault = serverFault;
    }

    /** The bare shape name of the service model, e.g. {@code InvalidParameterException}. */
    public String shapeName() {
        return shapeName;
    }

    /** True for the model's {@code fault} shapes (HTTP 500); false for client errors (HTTP 400). */
    public boolean serverFault() {
        return serverFault;
    }
}
