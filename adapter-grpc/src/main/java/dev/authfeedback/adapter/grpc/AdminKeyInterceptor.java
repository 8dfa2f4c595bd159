package dev.authfeedback.adapter.grpc;

import com.google.rpc.Code;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * Admin rpcs need {@code authorization: Bearer <key>} with one of the configured keys; the
 * token-authorized rpc and the standard health and reflection services do not. Keys are compared as
 * SHA-256 digests in constant time, so neither content nor length leaks through timing.
 */
final class AdminKeyInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final String MISSING = "MissingAuthenticationTokenException";
    static final String UNRECOGNIZED = "UnrecognizedClientException";

    private final List<byte[]> keyDigests;
    private final Set<String> openMethods;

    AdminKeyInterceptor(List<String> adminKeys, Set<String> openMethods) {
        if (adminKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one admin key is needed");
        }
        this.keyDigests = adminKeys.stream().map(AdminKeyInterceptor::digest).toList();
        this.openMethods = Set.copyOf(openMethods);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        if (openMethods.contains(method) || !method.startsWith("authfeedback.")) {
            return next.startCall(call, headers);
        }
        String authorization = headers.get(AUTHORIZATION);
        StatusRuntimeException refusal = null;
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refusal = GrpcErrors.of(Code.UNAUTHENTICATED, MISSING,
                    "Call metadata must carry 'authorization: Bearer <admin key>'.");
        } else if (!known(authorization.substring(7).strip())) {
            refusal = GrpcErrors.of(Code.UNAUTHENTICATED, UNRECOGNIZED, "The admin key in the call is not valid.");
        }
        if (refusal != null) {
            call.close(refusal.getStatus(), refusal.getTrailers() == null ? new Metadata() : refusal.getTrailers());
            return new ServerCall.Listener<>() { };
        }
        return next.startCall(call, headers);
    }

    private boolean known(String key) {
        byte[] given = digest(key);
        boolean match = false;
        for (byte[] candidate : keyDigests) {
            match |= MessageDigest.isEqual(candidate, given); // no early exit
        }
        return match;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
