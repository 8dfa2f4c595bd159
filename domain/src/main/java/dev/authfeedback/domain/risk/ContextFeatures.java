package dev.authfeedback.domain.risk;

import dev.authfeedback.domain.model.EventContextData;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An event's context as the evaluator sees it: one 64-bit key per {@link RiskFeature}, 0 where the
 * context lacks the feature. Values are normalised first (addresses parsed, text trimmed and
 * lower-cased), so {@code 2001:DB8::1} and {@code 2001:db8:0::1} are one address. Keys instead of
 * the text keep the model's size fixed whatever the caller sends; a collision merges two values'
 * counts, which gains an attacker nothing that sending the other value would not.
 */
public final class ContextFeatures {

    /** The features of an event without a context: it teaches nothing and scores no risk. */
    public static final ContextFeatures NONE = new ContextFeatures(new long[RiskFeature.ALL.length], null);

    private final long[] keys;
    private final byte[] address;

    private ContextFeatures(long[] keys, byte[] address) {
        this.keys = keys;
        this.address = address;
    }

    /** The features of {@code context}; {@link #NONE} for a null context. */
    public static ContextFeatures of(EventContextData context) {
        if (context == null) {
            return NONE;
        }
        long[] keys = new long[RiskFeature.ALL.length];
        byte[] bytes = null;
        String ip = trimmed(context.ipAddress());
        if (ip != null) {
            Optional<byte[]> address = IpRange.addressBytes(ip);
            if (address.isPresent()) {
                bytes = address.get();
                keys[RiskFeature.IP_ADDRESS.ordinal()] = key(RiskFeature.IP_ADDRESS, bytes, bytes.length);
                keys[RiskFeature.NETWORK.ordinal()] = key(RiskFeature.NETWORK, bytes, bytes.length == 4 ? 3 : 6);
            } else {
                keys[RiskFeature.IP_ADDRESS.ordinal()] = key(RiskFeature.IP_ADDRESS, lower(ip));
            }
        }
        String country = lower(trimmed(context.country()));
        if (country != null) {
            keys[RiskFeature.COUNTRY.ordinal()] = key(RiskFeature.COUNTRY, country);
        }
        String city = lower(trimmed(context.city()));
        if (city != null) {
            keys[RiskFeature.CITY.ordinal()] = key(RiskFeature.CITY, (country == null ? "" : country) + '\n' + city);
        }
        String device = lower(trimmed(context.deviceName()));
        if (device != null) {
            keys[RiskFeature.DEVICE.ordinal()] = key(RiskFeature.DEVICE, device);
        }
        String timezone = lower(trimmed(context.timezone()));
        if (timezone != null) {
            keys[RiskFeature.TIMEZONE.ordinal()] = key(RiskFeature.TIMEZONE, timezone);
        }
        return new ContextFeatures(keys, bytes);
    }

    /** The context's IP address as bytes (4 or 16), null when it has none or it is not an address. */
    public byte[] address() {
        return address == null ? null : address.clone();
    }

    /** The key of {@code feature}, 0 when the context lacks it. */
    public long key(RiskFeature feature) {
        return keys[feature.ordinal()];
    }

    /** True for an event without a context. */
    public boolean isEmpty() {
        for (long key : keys) {
            if (key != 0) {
                return false;
            }
        }
        return true;
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    // FNV-1a over the feature and the value, then a 64-bit finaliser so that similar values spread
    private static long key(RiskFeature feature, String value) {
        long hash = start(feature);
        for (int i = 0; i < value.length(); i++) {
            hash = (hash ^ value.charAt(i)) * FNV_PRIME;
        }
        return finish(hash);
    }

    private static long key(RiskFeature feature, byte[] bytes, int length) {
        long hash = start(feature);
        for (int i = 0; i < length; i++) {
            hash = (hash ^ (bytes[i] & 0xFF)) * FNV_PRIME;
        }
        return finish(hash);
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private static long start(RiskFeature feature) {
        return (FNV_OFFSET ^ feature.ordinal()) * FNV_PRIME;
    }

    private static long finish(long hash) {
        long mixed = hash;
        mixed = (mixed ^ (mixed >>> 33)) * 0xff51afd7ed558ccdL;
        mixed = (mixed ^ (mixed >>> 33)) * 0xc4ceb9fe1a85ec53L;
        mixed ^= mixed >>> 33;
        return mixed == 0 ? 1 : mixed; // 0 means "absent"
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContextFeatures features && Arrays.equals(keys, features.keys);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keys);
    }

    /** Keys only: they stand for personal data but are not it. */
    @Override
    public String toString() {
        return "ContextFeatures" + Arrays.toString(keys);
    }
}
