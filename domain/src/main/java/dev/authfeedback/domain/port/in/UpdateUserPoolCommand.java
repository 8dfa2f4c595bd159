package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.USER_POOL_ID;
import static dev.authfeedback.domain.validation.Shapes.USER_POOL_NAME;
import static dev.authfeedback.domain.validation.Shapes.USER_POOL_TIER;

import dev.authfeedback.domain.validation.RequestValidator;

/**
 * UpdateUserPoolRequest, the members this product uses. As in Cognito, an absent UserPoolAddOns
 * resets the add-on to OFF; an absent PoolName or UserPoolTier keeps the current one.
 *
 * @param userPoolId the user pool's id (UserPoolIdType)
 * @param poolName the pool's new name (UserPoolNameType), or null to keep it
 * @param userPoolAddOns the pool's add-ons, or null: the threat protection mode turns OFF
 * @param userPoolTier LITE, ESSENTIALS or PLUS, or null to keep it
 */
public record UpdateUserPoolCommand(String userPoolId, String poolName, UserPoolAddOnsInput userPoolAddOns,
                                    String userPoolTier) {

    public UpdateUserPoolCommand {
        RequestValidator.validate()
                .required("UserPoolId", USER_POOL_ID, userPoolId)
                .optionalStructure("UserPoolAddOns", userPoolAddOns, UserPoolAddOnsInput::check)
                .optional("PoolName", USER_POOL_NAME, poolName)
                .optional("UserPoolTier", USER_POOL_TIER, userPoolTier)
                .throwIfInvalid();
    }
}
