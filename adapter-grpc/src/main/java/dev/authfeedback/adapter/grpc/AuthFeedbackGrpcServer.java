package dev.authfeedback.adapter.grpc;

import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.out.StoreHealth;
import io.grpc.BindableService;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gRPC endpoint: the authfeedback.v1 services behind the admin-key check, plus the
 * standard health service and server reflection (so grpcurl works without the .proto file).
 * Listens on Netty (TLS when configured) or, for tests and embedding, in process.
 */
public final class AuthFeedbackGrpcServer {

    /**
     * Threads for calls whose use cases block on their stores; more calls wait in the queue (a call
     * whose deadline passes meanwhile is not served). Calls that never block run on the transport's
     * own threads.
     */
    public static final int BLOCKING_CALL_THREADS = 32;

    private final Server server;
    private final HealthStatusManager health = new HealthStatusManager();
    /** The API's services by their full names: health answers for each, as for the server as a whole. */
    private final List<String> serviceNames = new java.util.ArrayList<>();
    private final ExecutorService blockingCalls;
    private final StoreHealth storeHealth;

    private AuthFeedbackGrpcServer(ServerBuilder<?> builder, AuthEventFeedbackUseCases service,
                                   GrpcAdapterSettings settings) {
        AdminKeyInterceptor adminKeys = new AdminKeyInterceptor(settings.adminKeys());
        SourceAddressInterceptor sources = new SourceAddressInterceptor(settings.trustedProxyHeader());
        this.storeHealth = service.storeHealth();
        if (service.blocking()) {
            blockingCalls = Executors.newFixedThreadPool(BLOCKING_CALL_THREADS, new ThreadFactory() {
                private final AtomicInteger count = new AtomicInteger();

                @Override
                public Thread newThread(Runnable task) {
                    Thread thread = new Thread(task, "grpc-call-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }
            });
            builder.executor(blockingCalls);
        } else {
            blockingCalls = null;
            builder.directExecutor();
        }
        for (BindableService api : List.<BindableService>of(new FeedbackGrpcService(service),
                new EventsGrpcService(service), new UserPoolsGrpcService(service), new UsersGrpcService(service),
                new RiskConfigurationGrpcService(service), new NotificationsGrpcService(service))) {
            // only the token-authorized feedback counts by the caller's address
            builder.addService(api instanceof FeedbackGrpcService
                    ? ServerInterceptors.intercept(UnreadableRequests.refusedAsInvalid(api.bindService()), adminKeys,
                            sources)
                    : ServerInterceptors.intercept(UnreadableRequests.refusedAsInvalid(api.bindService()), adminKeys));
            serviceNames.add(api.bindService().getServiceDescriptor().getName());
        }
        this.server = builder
                .intercept(new AccessLogInterceptor())
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance())
                .maxInboundMessageSize(settings.maxMessageBytes())
                .maxInboundMetadataSize(16 * 1024)
                .build();
    }

    /** A network server on the settings' host and port. */
    public static AuthFeedbackGrpcServer network(AuthEventFeedbackUseCases service, GrpcAdapterSettings settings) {
        ServerCredentials credentials;
        try {
            credentials = settings.tls()
                    ? TlsServerCredentials.create(settings.tlsCertificate().toFile(), settings.tlsPrivateKey().toFile())
                    : InsecureServerCredentials.create();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the TLS certificate or key", unreadable);
        }
        NettyServerBuilder builder = NettyServerBuilder
                .forAddress(new InetSocketAddress(settings.host(), settings.port()), credentials)
                .permitKeepAliveTime(10, TimeUnit.SECONDS)
                .maxConnectionIdle(5, TimeUnit.MINUTES);
        return new AuthFeedbackGrpcServer(builder, service, settings);
    }

    /** An in-process server reachable by {@code InProcessChannelBuilder.forName(name)}. */
    public static AuthFeedbackGrpcServer inProcess(String name, AuthEventFeedbackUseCases service,
                                                   GrpcAdapterSettings settings) {
        return new AuthFeedbackGrpcServer(InProcessServerBuilder.forName(name), service, settings);
    }

    /** Starts serving; answers the bound port (-1 in process). */
    public int start() {
        try {
            server.start();
        } catch (IOException cannotBind) {
            throw new UncheckedIOException("the gRPC server cannot listen: " + cannotBind.getMessage(), cannotBind);
        }
        // NOT_SERVING while the stores cannot serve (a database that is down), and back when they can
        storeHealth.onChange(this::reportServing);
        reportServing(storeHealth.usable());
        return server.getPort();
    }

    private void reportServing(boolean serving) {
        ServingStatus status = serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
        health.setStatus("", status);
        for (String name : serviceNames) {
            health.setStatus(name, status);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** Reports NOT_SERVING, stops accepting calls, lets calls in flight finish for up to {@code grace}. */
    public void stop(Duration grace) {
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        } finally {
            if (blockingCalls != null) {
                blockingCalls.shutdownNow();
            }
        }
    }
}
