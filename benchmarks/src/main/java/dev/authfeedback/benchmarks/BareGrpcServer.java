package dev.authfeedback.benchmarks;

import dev.authfeedback.adapter.grpc.v1.AdminUpdateAuthEventFeedbackRequest;
import dev.authfeedback.adapter.grpc.v1.AdminUpdateAuthEventFeedbackResponse;
import dev.authfeedback.adapter.grpc.v1.FeedbackServiceGrpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;

/**
 * The gRPC baseline: a plain grpc-java unary service with the same messages and the same server
 * setup (Netty, default executor) that answers at once.
 */
public final class BareGrpcServer {

    /** A load generator closing its streams at the end of a run is no news; held, as JUL keeps loggers weakly. */
    private static final java.util.logging.Logger STREAM_ERRORS =
            java.util.logging.Logger.getLogger("io.grpc.netty.shaded.io.grpc.netty.NettyServerHandler");

    private BareGrpcServer() {
    }

    public static void main(String[] args) throws Exception {
        STREAM_ERRORS.setLevel(java.util.logging.Level.SEVERE);
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0),
                        InsecureServerCredentials.create())
                .addService(new FeedbackServiceGrpc.FeedbackServiceImplBase() {
                    @Override
                    public void adminUpdateAuthEventFeedback(AdminUpdateAuthEventFeedbackRequest request,
                                                             StreamObserver<AdminUpdateAuthEventFeedbackResponse> out) {
                        out.onNext(AdminUpdateAuthEventFeedbackResponse.getDefaultInstance());
                        out.onCompleted();
                    }
                })
                .maxInboundMessageSize(256 * 1024)
                .build().start();
        System.out.println("ready grpc=127.0.0.1:" + server.getPort());
        server.awaitTermination();
    }
}
