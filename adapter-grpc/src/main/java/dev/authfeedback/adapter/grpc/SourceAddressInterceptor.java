package dev.authfeedback.adapter.grpc;

import dev.authfeedback.domain.port.in.SourceAddress;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Tells the handlers where a call came from ({@link #SOURCE}): the trusted proxy's metadata entry
 * when one is configured and holds an address, else the connection's peer; null in process.
 */
final class SourceAddressInterceptor implements ServerInterceptor {

    /** The caller's IP address, or null when unknown. */
    static final Context.Key<String> SOURCE = Context.key("authfeedback-source-address");

    private final Metadata.Key<String> trustedHeader;

    /** {@code trustedHeader}: the metadata key a trusted proxy writes, or null to trust none. */
    SourceAddressInterceptor(String trustedHeader) {
        this.trustedHeader = trustedHeader == null ? null
                : Metadata.Key.of(trustedHeader, Metadata.ASCII_STRING_MARSHALLER);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        String peer = remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : null;
        Iterable<String> forwarded = trustedHeader == null ? null : headers.getAll(trustedHeader);
        String source = SourceAddress.resolve(peer, forwarded == null ? null : String.join(",", forwarded));
        return Contexts.interceptCall(Context.current().withValue(SOURCE, source), call, headers, next);
    }
}
