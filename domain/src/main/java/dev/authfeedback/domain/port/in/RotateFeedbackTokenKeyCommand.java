package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.USER_POOL_ID;

import dev.authfeedback.domain.validation.RequestValidator;

/**
 * RotateFeedbackTokenKey, this product's own operation; validates itself on construction.
 *
 * @param userPoolId the user pool's id (UserPoolIdType)
 */
public record RotateFeedbackTokenKeyCommand(String userPoolId) {

    public RotateFeedbackTokenKeyCommand {
        RequestValidator.validate().required("UserPoolId", USER_POOL_ID, userPoolId).throwIfInvalid();
    }
}
