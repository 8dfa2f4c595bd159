package dev.authfeedback.adapter.grpc;

import com.google.rpc.Code;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.StatusRuntimeException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A request whose bytes are not a valid message of its rpc is answered INVALID_ARGUMENT with the
 * reason SerializationException, as the HTTP endpoint answers an unreadable body. Left to itself,
 * grpc-java answers it UNKNOWN ("Application error processing RPC"), which reads as a server fault:
 * a failed parse is handed on as a null message, and the call is closed before the handler sees it.
 */
final class UnreadableRequests {

    private UnreadableRequests() {
    }

    /** The service with each rpc's requests read this way; same names and schema, for reflection. */
    static ServerServiceDefinition refusedAsInvalid(ServerServiceDefinition service) {
        ServiceDescriptor original = service.getServiceDescriptor();
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
                .setSchemaDescriptor(original.getSchemaDescriptor());
        List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
        for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
            ServerMethodDefinition<?, ?> strict = strict(method);
            descriptor.addMethod(strict.getMethodDescriptor());
            methods.add(strict);
        }
        ServerServiceDefinition.Builder builder = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(builder::addMethod);
        return builder.build();
    }

    private static <Q, R> ServerMethodDefinition<Q, R> strict(ServerMethodDefinition<Q, R> method) {
        MethodDescriptor<Q, R> original = method.getMethodDescriptor();
        MethodDescriptor.Marshaller<Q> requests = original.getRequestMarshaller();
        MethodDescriptor<Q, R> descriptor = original.toBuilder().setRequestMarshaller(new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(Q value) {
                return requests.stream(value);
            }

            @Override
            public Q parse(InputStream stream) {
                try {
                    return requests.parse(stream);
                } catch (RuntimeException unreadable) {
                    return null;
                }
            }
        }).build();
        ServerCallHandler<Q, R> handler = method.getServerCallHandler();
        return ServerMethodDefinition.create(descriptor, new ServerCallHandler<Q, R>() {
            @Override
            public ServerCall.Listener<Q> startCall(ServerCall<Q, R> call, Metadata headers) {
                return new Refusing<>(handler.startCall(call, headers), call);
            }
        });
    }

    /** Closes the call INVALID_ARGUMENT when its message could not be read, and hands on nothing more. */
    private static final class Refusing<Q, R> extends SimpleForwardingServerCallListener<Q> {
        private final ServerCall<Q, R> call;
        private boolean refused;

        Refusing(ServerCall.Listener<Q> delegate, ServerCall<Q, R> call) {
            super(delegate);
            this.call = call;
        }

        @Override
        public void onMessage(Q message) {
            if (refused) {
                return;
            }
            if (message == null) {
                refused = true;
                StatusRuntimeException answer = GrpcErrors.of(Code.INVALID_ARGUMENT, "SerializationException",
                        "The request could not be read.");
                Metadata trailers = answer.getTrailers() == null ? new Metadata() : answer.getTrailers();
                call.close(answer.getStatus(), trailers);
                return;
            }
            super.onMessage(message);
        }

        @Override
        public void onHalfClose() {
            if (!refused) {
                super.onHalfClose();
            }
        }
    }
}
