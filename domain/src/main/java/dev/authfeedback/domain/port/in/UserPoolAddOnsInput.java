package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.ADVANCED_SECURITY_MODE;

import dev.authfeedback.domain.validation.RequestValidator;

/**
 * UserPoolAddOnsType as it arrives; checked by the command that carries it.
 *
 * @param advancedSecurityMode the threat protection mode: OFF, AUDIT or ENFORCED
 */
public record UserPoolAddOnsInput(String advancedSecurityMode) {

    static void check(RequestValidator validator, UserPoolAddOnsInput addOns) {
        validator.required("AdvancedSecurityMode", ADVANCED_SECURITY_MODE, addOns.advancedSecurityMode());
    }
}
