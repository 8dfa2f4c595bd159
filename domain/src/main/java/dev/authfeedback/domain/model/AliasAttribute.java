package dev.authfeedback.domain.model;

/** The model's AliasAttributeType: attributes a user may sign in with besides the username. */
public enum AliasAttribute implements WireEnum {
    PHONE_NUMBER("phone_number"),
    EMAIL("email"),
    PREFERRED_USERNAME("preferred_username");

    private final String wireValue;

    AliasAttribute(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
