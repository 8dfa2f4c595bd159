package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.USER_POOL_ID;

import dev.authfeedback.domain.validation.RequestValidator;

/**
 * DescribeUserPoolRequest; validates itself on construction.
 *
 * @param userPoolId the user pool's id (UserPoolIdType)
 */
public record DescribeUserPoolCommand(String userPoolId) {

    public DescribeUserPoolCommand {
        RequestValidator.validate().required("UserPoolId", USER_POOL_ID, userPoolId).throwIfInvalid();
    }
}
