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
            boolean allowed = Character.isDigit(c) || c == '.' || (ipv6 && (c == ':' || (c >= 'a' && c <= 'f')
                    || (c >= 'A' && c <= 'F')));
            if (!allowed) {
                return Optional.empty();
            }
        }
        if (!ipv6 && literal.chars().filter(c -> c == '.').count() != 3) {
            return Optional.empty(); // InetAddress would take "10" or "10.1" as shorthand
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }
}
