package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.USERNAME;
import static dev.authfeedback.domain.validation.Shapes.USER_POOL_ID;

import dev.authfeedback.domain.validation.RequestValidator;

/**
 * AdminGetUserRequest: the user is named by username, alias or sub. Validates itself on construction.
 *
 * @param userPoolId the user pool's id (UserPoolIdType)
 * @param username the user's username or one of its aliases (UsernameType)
 */
public record AdminGetUserCommand(String userPoolId, String username) {

    public AdminGetUserCommand {
        RequestValidator.validate()
                .required("UserPoolId", USER_POOL_ID, userPoolId)
                .required("Username", USERNAME, username)
                .throwIfInvalid();
    }

    @Override
    public String toString() {
        return "AdminGetUserCommand[userPoolId=" + userPoolId + "]";
    }
}
