package dev.authfeedback.adapter.grpc;

import com.google.rpc.Code;
import dev.authfeedback.domain.error.CallerAuthenticationError;
import dev.authfeedback.domain.port.in.Operation;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;

/**
 * Admin rpcs need {@code authorization: Bearer <key>} with one of the configured keys; the
 * token-authorized rpcs and the standard health and reflection services do not. Keys are compared as
 * SHA-256 digests in constant time, so neither content nor length leaks through timing.
 */
final class AdminKeyInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final List<byte[]> keyDigests;

    AdminKeyInterceptor(List<String> adminKeys) {
        if (adminKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one admin key is needed");
        }
        this.keyDigests = adminKeys.stream().map(AdminKeyInterceptor::digest).toList();
    }

    /**
     * Only this product's rpcs are checked, and of those only the ones the catalogue authorizes
     * with admin credentials; an rpc is named as its operation.
     */
    private static boolean needsAdminKey(String fullMethodName) {
        if (!fullMethodName.startsWith("authfeedback.")) {
            return false;
        }
        return Operation.byAwsName(MethodDescriptor.extractBareMethodName(fullMethodName))
                .map(operation -> operation.authorization() == Operation.Authorization.ADMIN)
                .orElse(true);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        if (!needsAdminKey(call.getMethodDescriptor().getFullMethodName())) {
            return next.startCall(call, headers);
        }
        String authorization = headers.get(AUTHORIZATION);
        StatusRuntimeException refusal = null;
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refusal = GrpcErrors.of(Code.UNAUTHENTICATED,
                    CallerAuthenticationError.MISSING_AUTHENTICATION_TOKEN.shapeName(),
                    "Call metadata must carry 'authorization: Bearer <admin key>'.");
        } else if (!known(authorization.substring(7).strip())) {
            refusal = GrpcErrors.of(Code.UNAUTHENTICATED,
                    CallerAuthenticationError.UNRECOGNIZED_CLIENT.shapeName(), "The admin key in the call is not valid.");
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
