package dev.authfeedback.domain.model;

/** The model's EventContextDataType; every member may be absent (null). */
public record EventContextData(String ipAddress, String deviceName, String timezone, String city, String country) {
}
