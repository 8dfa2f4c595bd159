package dev.authfeedback.domain.model;

import java.util.Optional;

/**
 * An enum of the service model whose constants stand for the exact strings on the wire.
 * The validation table takes its allowed-value lists from these enums, so each list exists once.
 */
public interface WireEnum {

    /** The value exactly as the service model spells it, e.g. {@code Valid} or {@code phone_number}. */
    String wireValue();

    /** The constant whose wire value is {@code value}, if any. */
    static <E extends Enum<E> & WireEnum> Optional<E> fromWire(Class<E> type, String value) {
        return Optional.ofNullable(type.cast(WireEnumConstants.byWireValue(type, value)));
    }

    /** Like {@link #fromWire} for a value that validation has already accepted; null stays null. */
    static <E extends Enum<E> & WireEnum> E parseValidated(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        return fromWire(type, value).orElseThrow(
                () -> new IllegalStateException(type.getSimpleName() + " has no value " + value));
    }
}
