package dev.authfeedback.domain.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Each wire enum's constants by wire value, read once: {@link Class#getEnumConstants} answers a
 * fresh copy on every call, an allocation on every request that parses a value (a feedback's, an
 * event's type).
 */
final class WireEnumConstants {

    private static final ClassValue<Map<String, Object>> BY_WIRE_VALUE = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> byWireValue = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byWireValue.putIfAbsent(((WireEnum) constant).wireValue(), constant);
            }
            return Map.copyOf(byWireValue);
        }
    };

    private WireEnumConstants() {
    }

    /** The constant of {@code type} whose wire value is {@code value}, or null. */
    static Object byWireValue(Class<?> type, String value) {
        return value == null ? null : BY_WIRE_VALUE.get(type).get(value);
    }
}
