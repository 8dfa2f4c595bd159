package dev.authfeedback.adapter.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access log line per call, as the HTTP endpoint writes them: the method, the status, the
 * error type (the reason of its ErrorInfo), the duration. Never metadata or messages, so no admin
 * key, token or personal data. Costs nothing while the {@code authfeedback.access} logger is off.
 */
final class AccessLogInterceptor implements ServerInterceptor {

    private static final Logger ACCESS_LOG = LoggerFactory.getLogger("authfeedback.access");

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        if (!ACCESS_LOG.isInfoEnabled()) {
            return next.startCall(call, headers);
        }
        long arrived = System.nanoTime();
        return next.startCall(new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                log(call.getMethodDescriptor().getFullMethodName(), status, trailers, arrived);
                super.close(status, trailers);
            }
        }, headers);
    }

    private static void log(String method, Status status, Metadata trailers, long arrived) {
        String code = status.getCode().name();
        String error = status.isOk() ? "-" : errorType(status, trailers);
        String duration = String.format(Locale.ROOT, "%.3f", (System.nanoTime() - arrived) / 1e6);
        ACCESS_LOG.atInfo().addKeyValue("operation", method).addKeyValue("status", code)
                .addKeyValue("error", error).addKeyValue("duration_ms", duration)
                .log("{} status={} error={} duration_ms={}", method, code, error, duration);
    }

    private static String errorType(Status status, Metadata trailers) {
        com.google.rpc.Status details = StatusProto.fromStatusAndTrailers(status, trailers);
        for (Any detail : details.getDetailsList()) {
            if (detail.is(ErrorInfo.class)) {
                try {
                    return detail.unpack(ErrorInfo.class).getReason();
                } catch (InvalidProtocolBufferException unreadable) {
                    return "-";
                }
            }
        }
        return "-";
    }
}
