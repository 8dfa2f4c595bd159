package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.USER_POOL_ID;

import dev.authfeedback.domain.validation.RequestValidator;

/**
 * DeleteUserPoolRequest; validates itself on construction.
 *
 * @param userPoolId the user pool's id (UserPoolIdType)
 */
public record DeleteUserPoolCommand(String userPoolId) {

    public DeleteUserPoolCommand {
        RequestValidator.validate().required("UserPoolId", USER_POOL_ID, userPoolId).throwIfInvalid();
    }
}
