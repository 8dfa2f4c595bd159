package dev.authfeedback.domain.model;

/** The model's DeliveryMediumType (AdminCreateUser). Accepted and validated; this service sends no messages. */
public enum DeliveryMedium implements WireEnum {
    SMS("SMS"),
    EMAIL("EMAIL");

    private final String wireValue;

    DeliveryMedium(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
