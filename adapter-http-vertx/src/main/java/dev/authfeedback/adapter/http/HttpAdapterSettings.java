package dev.authfeedback.adapter.http;

import dev.authfeedback.domain.port.in.SourceAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the AWS JSON endpoint listens and whom it trusts.
 *
 * @param host               address to bind, e.g. 127.0.0.1
 * @param port               port to bind; 0 picks a free one
 * @param maxBodyBytes       larger request bodies are answered 413 before they are read in full
 * @param region             the region signatures must be scoped to
 * @param credentials        secret access keys by access key id, for SigV4
 * @param limits             connection count and timeouts that keep slow or idle clients from holding the server
 * @param tls                the certificate and key to serve HTTPS with (TLS 1.2 and 1.3 only), or null for plain HTTP
 * @param trustedProxyHeader the header a trusted proxy puts the caller's address in (such as
 *                           {@code X-Forwarded-For}), or null to take the connection's peer as the caller
 * @param eventLoops         how many event loops serve connections (each takes the next new one);
 *                           0 for one per core
 */
public record HttpAdapterSettings(String host, int port, long maxBodyBytes, String region,
                                  Map<String, String> credentials, ConnectionLimits limits, Tls tls,
                                  String trustedProxyHeader, int eventLoops) {

    /**
     * HTTPS: a certificate chain and its private key, both PEM files.
     *
     * @param certificateChain the server's certificate, then its intermediates (PEM)
     * @param privateKey       the certificate's private key (PKCS#8 or PKCS#1 PEM)
     */
    public record Tls(Path certificateChain, Path privateKey) {
        public Tls {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    public static final long DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    /**
     * At most {@code maxConnections} open at once (more are closed at once); a connection with no
     * request in flight for {@code idleTimeout} is closed, as is one that sends no request within
     * {@code requestTimeout}; a request must arrive in full within {@code requestTimeout}, and be
     * answered within it, or its connection is closed.
     */
    public record ConnectionLimits(int maxConnections, Duration idleTimeout, Duration requestTimeout) {

        public static final ConnectionLimits DEFAULTS =
                new ConnectionLimits(10_000, Duration.ofSeconds(60), Duration.ofSeconds(30));

        public ConnectionLimits {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be positive");
            }
            if (idleTimeout.toMillis() < 1 || requestTimeout.toMillis() < 1) {
                throw new IllegalArgumentException("timeouts must be at least a millisecond");
            }
        }
    }

    public HttpAdapterSettings(String host, int port, long maxBodyBytes, String region,
                               Map<String, String> credentials) {
        this(host, port, maxBodyBytes, region, credentials, ConnectionLimits.DEFAULTS);
    }

    /** Plain HTTP. */
    public HttpAdapterSettings(String host, int port, long maxBodyBytes, String region,
                               Map<String, String> credentials, ConnectionLimits limits) {
        this(host, port, maxBodyBytes, region, credentials, limits, null, null, 0);
    }

    /** One event loop per core. */
    public HttpAdapterSettings(String host, int port, long maxBodyBytes, String region,
                               Map<String, String> credentials, ConnectionLimits limits, Tls tls,
                               String trustedProxyHeader) {
        this(host, port, maxBodyBytes, region, credentials, limits, tls, trustedProxyHeader, 0);
    }

    /** The same settings, taking callers' addresses from {@code header} (null: from the connection). */
    public HttpAdapterSettings withTrustedProxyHeader(String header) {
        return new HttpAdapterSettings(host, port, maxBodyBytes, region, credentials, limits, tls, header, eventLoops);
    }

    /** The same settings with {@code count} event loops (0: one per core). */
    public HttpAdapterSettings withEventLoops(int count) {
        return new HttpAdapterSettings(host, port, maxBodyBytes, region, credentials, limits, tls, trustedProxyHeader,
                count);
    }

    /** The event loops to serve on: as set, or one per core. */
    public int eventLoopCount() {
        return eventLoops == 0 ? Runtime.getRuntime().availableProcessors() : eventLoops;
    }

    public HttpAdapterSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(region, "region");
        credentials = Map.copyOf(credentials);
        Objects.requireNonNull(limits, "limits");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("at least one access key is needed to verify signatures");
        }
        SourceAddress.requireHeaderNameOrNull(trustedProxyHeader);
        if (eventLoops < 0 || eventLoops > 1024) {
            throw new IllegalArgumentException("eventLoops must be 0 (one per core) to 1024, was " + eventLoops);
        }
    }

    /** Never prints the secrets: settings end up in logs. */
    @Override
    public String toString() {
        return "HttpAdapterSettings[host=" + host + ", port=" + port + ", maxBodyBytes=" + maxBodyBytes
                + ", region=" + region + ", accessKeyIds=" + credentials.keySet()
                + ", limits=" + limits + ", tls=" + (tls != null) + ", trustedProxyHeader=" + trustedProxyHeader
                + ", eventLoops=" + eventLoops + "]";
    }
}
