package dev.authfeedback.adapter.grpc;

import dev.authfeedback.domain.port.in.SourceAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How the gRPC endpoint listens and whom it lets call the admin rpcs.
 *
 * @param host            address to bind
 * @param port            port to bind; 0 picks a free one
 * @param adminKeys       keys accepted in {@code authorization: Bearer <key>}
 * @param maxMessageBytes larger request messages are refused (RESOURCE_EXHAUSTED)
 * @param tlsCertificate  PEM certificate chain; with {@code tlsPrivateKey}, turns TLS on (null: plaintext)
 * @param tlsPrivateKey   PEM private key (PKCS#8)
 * @param trustedProxyHeader the metadata key a trusted proxy puts the caller's address in (such as
 *                        {@code x-forwarded-for}), or null to take the connection's peer as the caller
 */
public record GrpcAdapterSettings(String host, int port, List<String> adminKeys, int maxMessageBytes,
                                  Path tlsCertificate, Path tlsPrivateKey, String trustedProxyHeader) {

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024;

    public GrpcAdapterSettings {
        Objects.requireNonNull(host, "host");
        adminKeys = List.copyOf(adminKeys);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("gRPC port must be 0..65535, was " + port);
        }
        if (adminKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one gRPC admin key is needed");
        }
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be positive");
        }
        if ((tlsCertificate == null) != (tlsPrivateKey == null)) {
            throw new IllegalArgumentException("TLS needs both a certificate and a private key");
        }
        SourceAddress.requireHeaderNameOrNull(trustedProxyHeader);
    }

    public GrpcAdapterSettings(String host, int port, List<String> adminKeys) {
        this(host, port, adminKeys, DEFAULT_MAX_MESSAGE_BYTES, null, null);
    }

    /** Plaintext or TLS, the caller's address taken from the connection. */
    public GrpcAdapterSettings(String host, int port, List<String> adminKeys, int maxMessageBytes,
                               Path tlsCertificate, Path tlsPrivateKey) {
        this(host, port, adminKeys, maxMessageBytes, tlsCertificate, tlsPrivateKey, null);
    }

    /** The same settings, taking callers' addresses from the metadata key {@code header} (null: from the connection). */
    public GrpcAdapterSettings withTrustedProxyHeader(String header) {
        return new GrpcAdapterSettings(host, port, adminKeys, maxMessageBytes, tlsCertificate, tlsPrivateKey, header);
    }

    public boolean tls() {
        return tlsCertificate != null;
    }

    /** Never prints the keys: settings end up in logs. */
    @Override
    public String toString() {
        return "GrpcAdapterSettings[host=" + host + ", port=" + port + ", adminKeys=" + adminKeys.size()
                + ", maxMessageBytes=" + maxMessageBytes + ", tls=" + tls() + ", trustedProxyHeader=" + trustedProxyHeader
                + "]";
    }
}
