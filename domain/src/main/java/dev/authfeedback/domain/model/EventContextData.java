package dev.authfeedback.domain.model;

/** The model's EventContextDataType; every member may be absent (null). */
public record EventContextData(String ipAddress, String deviceName, String timezone, String city, String country) {

    /** IP address, device and place are personal data: logs learn only which members are present. */
    @Override
    public String toString() {
        return "EventContextData[ipAddress=" + redacted(ipAddress) + ", deviceName=" + redacted(deviceName)
                + ", timezone=" + redacted(timezone) + ", city=" + redacted(city) + ", country=" + redacted(country)
                + "]";
    }

    private static String redacted(String value) {
        return value == null ? "null" : "(redacted)";
    }
}
