package dev.authfeedback.domain.model;

/**
 * The model's EventContextDataType; every member may be absent (null).
 *
 * @param ipAddress the client's IP address
 * @param deviceName the device's name, such as the browser and its platform
 * @param timezone the device's time zone offset, such as -03:00
 * @param city the city the IP address is in
 * @param country the country the IP address is in
 */
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
