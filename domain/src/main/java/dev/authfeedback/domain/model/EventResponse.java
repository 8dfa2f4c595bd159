package dev.authfeedback.domain.model;

/** The model's EventResponseType: the outcome of the event. */
public enum EventResponse implements WireEnum {
    PASS("Pass"),
    FAIL("Fail"),
    IN_PROGRESS("InProgress");

    private final String wireValue;

    EventResponse(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
