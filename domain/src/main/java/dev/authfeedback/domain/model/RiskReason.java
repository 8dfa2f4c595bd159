package dev.authfeedback.domain.model;

/**
 * A factor that decided an event's risk evaluation, kept with the event and returned by
 * RecordAuthEvent. Not in the service model: the wire values are this project's own.
 */
public enum RiskReason implements WireEnum {
    NEW_IP_ADDRESS("NewIpAddress"),
    NEW_NETWORK("NewNetwork"),
    NEW_COUNTRY("NewCountry"),
    NEW_CITY("NewCity"),
    NEW_DEVICE("NewDevice"),
    NEW_TIMEZONE("NewTimezone"),
    CONTEXT_REPORTED_INVALID("ContextReportedInvalid"),
    CONTEXT_CONFIRMED_VALID("ContextConfirmedValid"),
    BLOCKED_IP_RANGE("BlockedIpRange"),
    SKIPPED_IP_RANGE("SkippedIpRange"),
    COMPROMISED_CREDENTIALS("CompromisedCredentials");

    private final String wireValue;

    RiskReason(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
