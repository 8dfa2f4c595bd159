package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.DELIVERY_MEDIUM;
import static dev.authfeedback.domain.validation.Shapes.MESSAGE_ACTION;
import static dev.authfeedback.domain.validation.Shapes.PASSWORD;
import static dev.authfeedback.domain.validation.Shapes.USERNAME;
import static dev.authfeedback.domain.validation.Shapes.USER_POOL_ID;

import dev.authfeedback.domain.validation.RequestValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * AdminCreateUserRequest, the members this product uses. TemporaryPassword, MessageAction and
 * DesiredDeliveryMediums are validated and otherwise ignored: this service signs no one in and
 * sends no messages. Validates itself on construction.
 *
 * @param userPoolId the user pool's id (UserPoolIdType)
 * @param username the new user's username, or its email or phone number where the pool takes those as usernames (UsernameType)
 * @param userAttributes the user's attributes
 * @param temporaryPassword a temporary password (PasswordType), or null; validated, never stored; a secret
 * @param forceAliasCreation whether to take an alias already held by another user, or null
 * @param messageAction RESEND or SUPPRESS (MessageActionType), or null; validated, and no message is sent either way
 * @param desiredDeliveryMediums EMAIL or SMS (DeliveryMediumType), or null; validated, and no message is sent
 */
public record AdminCreateUserCommand(String userPoolId, String username, List<AttributeInput> userAttributes,
                                     String temporaryPassword, Boolean forceAliasCreation, String messageAction,
                                     List<String> desiredDeliveryMediums) {

    public AdminCreateUserCommand {
        userAttributes = copyOrNull(userAttributes);
        desiredDeliveryMediums = copyOrNull(desiredDeliveryMediums);
        RequestValidator.validate()
                .required("UserPoolId", USER_POOL_ID, userPoolId)
                .required("Username", USERNAME, username)
                .eachStructure("UserAttributes", userAttributes, AttributeInput::check)
                .optional("TemporaryPassword", PASSWORD, temporaryPassword)
                .optional("MessageAction", MESSAGE_ACTION, messageAction)
                .optionalEnumList("DesiredDeliveryMediums", DELIVERY_MEDIUM, desiredDeliveryMediums)
                .throwIfInvalid();
    }

    /** Simple constructor for the members that matter here. */
    public AdminCreateUserCommand(String userPoolId, String username, List<AttributeInput> userAttributes) {
        this(userPoolId, username, userAttributes, null, null, null, null);
    }

    /** Whether ForceAliasCreation was given and true. */
    public boolean forceAliasCreationRequested() {
        return Boolean.TRUE.equals(forceAliasCreation);
    }

    static <T> List<T> copyOrNull(List<T> list) {
        // null elements are kept so that validation can report them
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    @Override
    public String toString() {
        return "AdminCreateUserCommand[userPoolId=" + userPoolId + "]";
    }
}
