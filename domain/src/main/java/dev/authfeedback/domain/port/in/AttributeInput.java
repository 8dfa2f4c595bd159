package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.ATTRIBUTE_NAME;
import static dev.authfeedback.domain.validation.Shapes.ATTRIBUTE_VALUE;

import dev.authfeedback.domain.validation.RequestValidator;

/**
 * AttributeType as it arrives: Name required, Value optional and sensitive.
 *
 * @param name the attribute's name (AttributeNameType)
 * @param value the attribute's value (AttributeValueType), or null
 */
public record AttributeInput(String name, String value) {

    static void check(RequestValidator validator, AttributeInput attribute) {
        validator.required("Name", ATTRIBUTE_NAME, attribute.name())
                .optional("Value", ATTRIBUTE_VALUE, attribute.value());
    }

    @Override
    public String toString() {
        return "AttributeInput[name=" + name + "]";
    }
}
