package dev.authfeedback.domain.model;

/**
 * Each enum's constants, read once: {@link Class#getEnumConstants} answers a fresh copy on every
 * call, an allocation on every request that parses a value (a feedback's, an event's type).
 */
final class WireEnumConstants {

    private static final ClassValue<Object[]> CONSTANTS = new ClassValue<>() {
        @Override
        protected Object[] computeValue(Class<?> type) {
            return type.getEnumConstants();
        }
    };

    private WireEnumConstants() {
    }

    /** The constants of {@code type} in declaration order; shared, so never handed out. */
    static Object[] of(Class<?> type) {
        return CONSTANTS.get(type);
    }
}
