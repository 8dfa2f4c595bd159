package dev.authfeedback.adapter.grpc;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import dev.authfeedback.domain.model.WireEnum;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Between proto enums ({@code FEEDBACK_VALUE_VALID}) and the domain's wire values ({@code Valid}): a
 * proto value is its enum's prefix plus the domain constant's name, so one rule maps them all.
 * Zero ({@code _UNSPECIFIED}) is absent; a number the proto does not know travels as its decimal
 * text, which validation then reports as outside the enum.
 */
public final class ProtoEnums {

    private static final ConcurrentHashMap<String, String> PREFIXES = new ConcurrentHashMap<>();

    private ProtoEnums() {
    }

    /** The wire value for a request enum field given by number; null when unspecified. */
    public static <E extends Enum<E> & WireEnum> String toWire(int number, EnumDescriptor descriptor, Class<E> domain) {
        if (number == 0) {
            return null;
        }
        EnumValueDescriptor value = descriptor.findValueByNumber(number);
        if (value == null) {
            return String.valueOf(number);
        }
        return Enum.valueOf(domain, value.getName().substring(prefix(descriptor).length())).wireValue();
    }

    /** Like {@link #toWire} for each element of a repeated enum field; null when the list is empty. */
    static <E extends Enum<E> & WireEnum> List<String> toWire(List<Integer> numbers, EnumDescriptor descriptor,
                                                              Class<E> domain) {
        return numbers.isEmpty() ? null
                : numbers.stream().map(number -> toWire(number, descriptor, domain)).toList();
    }

    /** The proto number of a wire value ({@code Valid}), if the enum has one. */
    public static <E extends Enum<E> & WireEnum> OptionalInt numberOfWire(String wireValue, EnumDescriptor descriptor,
                                                                          Class<E> domain) {
        return WireEnum.fromWire(domain, wireValue)
                .map(constant -> OptionalInt.of(number(constant, descriptor))).orElse(OptionalInt.empty());
    }

    /** The proto number for a domain constant. */
    public static <E extends Enum<E> & WireEnum> int number(E value, EnumDescriptor descriptor) {
        EnumValueDescriptor proto = descriptor.findValueByName(prefix(descriptor) + value.name());
        if (proto == null) {
            throw new IllegalStateException(descriptor.getName() + " lacks " + value.name());
        }
        return proto.getNumber();
    }

    /** {@code AdvancedSecurityMode} → {@code ADVANCED_SECURITY_MODE_}. */
    static String prefix(EnumDescriptor descriptor) {
        return PREFIXES.computeIfAbsent(descriptor.getFullName(), name ->
                descriptor.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT) + "_");
    }
}
