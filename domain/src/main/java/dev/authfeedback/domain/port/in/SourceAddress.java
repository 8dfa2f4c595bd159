package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.risk.IpRange;
import java.util.Locale;

/**
 * Where a request came from, as a transport tells it: the connection's peer, or, behind a proxy
 * the operator trusts, the address that proxy put in its header. Used for the per-source quotas of
 * {@link UpdateAuthEventFeedbackCommand}.
 */
public final class SourceAddress {

    private SourceAddress() {
    }

    /**
     * The caller's address: from {@code trustedHeaderValue} when it holds one (the last entry of
     * an {@code X-Forwarded-For}-style list, which the trusted proxy wrote, or the {@code for=} of
     * an RFC 7239 {@code Forwarded} element), else the connection's {@code peerAddress}; null when
     * neither is an IP address.
     *
     * @param peerAddress the connection's remote address (a literal, perhaps with a zone such as {@code %eth0})
     * @param trustedHeaderValue the value of the configured proxy header, or null when none is configured or sent
     * @return an IPv4 or IPv6 literal, or null
     */
    public static String resolve(String peerAddress, String trustedHeaderValue) {
        String forwarded = trustedHeaderValue == null ? null : lastForwarded(trustedHeaderValue);
        if (forwarded != null && IpRange.addressBytes(forwarded).isPresent()) {
            return forwarded;
        }
        String peer = withoutZone(peerAddress);
        return peer != null && IpRange.addressBytes(peer).isPresent() ? peer : null;
    }

    /**
     * IllegalArgumentException unless {@code sourceAddress} is null or an IP address: commands take
     * it from their transport, which must have checked it (it is not a member of any request).
     */
    static void requireAddressOrNull(String sourceAddress) {
        if (sourceAddress != null && IpRange.addressBytes(sourceAddress).isEmpty()) {
            throw new IllegalArgumentException("the source address must be an IPv4 or IPv6 address");
        }
    }

    /**
     * IllegalArgumentException unless {@code name} is null (no proxy trusted) or a header name of
     * letters, digits and '-' (at most 64): the one rule every transport's setting follows.
     */
    public static void requireHeaderNameOrNull(String name) {
        if (name != null && !name.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("a proxy header name is letters, digits and '-', was: " + name);
        }
    }

    private static String lastForwarded(String headerValue) {
        String last = headerValue.substring(headerValue.lastIndexOf(',') + 1).strip();
        if (last.indexOf('=') < 0) {
            return forwardedNode(last);
        }
        for (String pair : last.split(";")) {
            String trimmed = pair.strip();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("for=")) {
                return forwardedNode(trimmed.substring(4));
            }
        }
        return null;
    }

    /** An address as proxies write it: maybe quoted, IPv6 maybe in brackets, maybe with a port. */
    private static String forwardedNode(String node) {
        String value = node.length() >= 2 && node.startsWith("\"") && node.endsWith("\"")
                ? node.substring(1, node.length() - 1) : node;
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? null : value.substring(1, end);
        }
        int colon = value.indexOf(':');
        boolean ipv4WithPort = colon > 0 && colon == value.lastIndexOf(':');
        return ipv4WithPort ? value.substring(0, colon) : withoutZone(value);
    }

    private static String withoutZone(String address) {
        if (address == null) {
            return null;
        }
        int zone = address.indexOf('%');
        return zone < 0 ? address : address.substring(0, zone);
    }
}
