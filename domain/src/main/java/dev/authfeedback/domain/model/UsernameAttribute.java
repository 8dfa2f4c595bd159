package dev.authfeedback.domain.model;

/** The model's UsernameAttributeType: attributes that replace the username at sign-up. */
public enum UsernameAttribute implements WireEnum {
    PHONE_NUMBER("phone_number"),
    EMAIL("email");

    private final String wireValue;

    UsernameAttribute(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
