package dev.authfeedback.domain.risk;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IPv4 or IPv6 CIDR block ({@code 203.0.113.0/24}, {@code 2001:db8::/32}); a bare address is
 * the block of that address alone. Parsing never looks a name up: only address literals parse.
 */
public final class IpRange {

    private final byte[] network;
    private final int prefixLength;

    private IpRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** The block {@code cidr} names, or empty when it is not an IPv4 or IPv6 CIDR block. */
    public static Optional<IpRange> parse(String cidr) {
        if (cidr == null) {
            return Optional.empty();
        }
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        Optional<byte[]> bytes = addressBytes(address);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        int bits = bytes.get().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = cidr.substring(slash + 1);
            if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(length);
            if (prefix > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new IpRange(bytes.get(), prefix));
    }

    /** True when {@code ip} (an address literal) lies in this block; false for anything else. */
    public boolean contains(String ip) {
        return addressBytes(ip).map(this::contains).orElse(false);
    }

    /** True when the address with these bytes (4 for IPv4, 16 for IPv6) lies in this block. */
    public boolean contains(byte[] candidate) {
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = 0xFF << (8 - remainingBits) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** The bytes of an IPv4 or IPv6 literal; empty for anything else, never a name lookup. */
    public static Optional<byte[]> addressBytes(String literal) {
        if (literal == null || literal.isEmpty() || literal.length() > 45) {
            return Optional.empty();
        }
        boolean ipv6 = literal.indexOf(':') >= 0;
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || c == '.' || (ipv6 && (c == ':' || (c >= 'a' && c <= 'f')
                    || (c >= 'A' && c <= 'F')));
            if (!allowed) {
                return Optional.empty();
            }
        }
        if (!ipv6) {
            // by hand: InetAddress would look up "10.0.0.999" as a host name, and take "10" as shorthand
            return ipv4Bytes(literal);
        }
        try {
            // with a ':' InetAddress parses or fails; it never turns to the name service
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    /** Four dot-separated decimal numbers of 0 to 255, each of one to three digits. */
    private static Optional<byte[]> ipv4Bytes(String literal) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= literal.length(); i++) {
            char c = i == literal.length() ? '.' : literal.charAt(i);
            if (c == '.') {
                if (digits == 0 || part == 4) {
                    return Optional.empty();
                }
                bytes[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                value = value * 10 + (c - '0');
                digits++;
                if (digits > 3 || value > 255) {
                    return Optional.empty();
                }
            }
        }
        return part == 4 ? Optional.of(bytes) : Optional.empty();
    }
}
