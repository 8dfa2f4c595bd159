package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.CLIENT_ID;
import static dev.authfeedback.domain.validation.Shapes.USER_POOL_ID;

import dev.authfeedback.domain.validation.RequestValidator;

/**
 * DescribeRiskConfigurationRequest; validates itself on construction.
 *
 * @param userPoolId the user pool's id (UserPoolIdType)
 * @param clientId an app client id whose own configuration applies, or null for the pool's (ClientIdType)
 */
public record DescribeRiskConfigurationCommand(String userPoolId, String clientId) {

    public DescribeRiskConfigurationCommand {
        RequestValidator.validate()
                .required("UserPoolId", USER_POOL_ID, userPoolId)
                .optional("ClientId", CLIENT_ID, clientId)
                .throwIfInvalid();
    }

    /** The client id is sensitive in the model: keep it out of logs. */
    @Override
    public String toString() {
        return "DescribeRiskConfigurationCommand[userPoolId=" + userPoolId + "]";
    }
}
