package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.ALIAS_ATTRIBUTE;
import static dev.authfeedback.domain.validation.Shapes.USERNAME_ATTRIBUTE;
import static dev.authfeedback.domain.validation.Shapes.USER_POOL_NAME;
import static dev.authfeedback.domain.validation.Shapes.USER_POOL_TIER;

import dev.authfeedback.domain.validation.RequestValidator;
import java.util.List;

/**
 * CreateUserPoolRequest, the members this product uses (the others are ignored by the adapters).
 * Null means absent. Validates itself on construction.
 *
 * @param poolName the pool's name (UserPoolNameType)
 * @param userPoolAddOns the pool's add-ons: the threat protection mode
 * @param userPoolTier the pool's feature plan: LITE, ESSENTIALS or PLUS
 * @param aliasAttributes the attributes (email, phone_number, preferred_username) a user may sign in with
 * @param usernameAttributes the attributes (email, phone_number) that may be given as the username
 */
public record CreateUserPoolCommand(String poolName, UserPoolAddOnsInput userPoolAddOns, String userPoolTier,
                                    List<String> aliasAttributes, List<String> usernameAttributes) {

    public CreateUserPoolCommand {
        aliasAttributes = AdminCreateUserCommand.copyOrNull(aliasAttributes);
        usernameAttributes = AdminCreateUserCommand.copyOrNull(usernameAttributes);
        RequestValidator.validate()
                .required("PoolName", USER_POOL_NAME, poolName)
                .optionalEnumList("AliasAttributes", ALIAS_ATTRIBUTE, aliasAttributes)
                .optionalEnumList("UsernameAttributes", USERNAME_ATTRIBUTE, usernameAttributes)
                .optionalStructure("UserPoolAddOns", userPoolAddOns, UserPoolAddOnsInput::check)
                .optional("UserPoolTier", USER_POOL_TIER, userPoolTier)
                .throwIfInvalid();
    }
}
