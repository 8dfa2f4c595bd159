package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.USERNAME;
import static dev.authfeedback.domain.validation.Shapes.USER_POOL_ID;

import dev.authfeedback.domain.validation.RequestValidator;

/**
 * AdminDeleteUserRequest: the user is named by username, alias or sub. Validates itself on construction.
 *
 * @param userPoolId the user pool's id (UserPoolIdType)
 * @param username the user's username or one of its aliases (UsernameType)
 */
public record AdminDeleteUserCommand(String userPoolId, String username) {

    public AdminDeleteUserCommand {
        RequestValidator.validate()
                .required("UserPoolId", USER_POOL_ID, userPoolId)
                .required("Username", USERNAME, username)
                .throwIfInvalid();
    }

    @Override
    public String toString() {
        return "AdminDeleteUserCommand[userPoolId=" + userPoolId + "]";
    }
}
