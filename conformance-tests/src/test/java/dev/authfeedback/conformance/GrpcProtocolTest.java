package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import dev.authfeedback.adapter.grpc.AuthFeedbackGrpcServer;
import dev.authfeedback.adapter.grpc.GrpcAdapterSettings;
import dev.authfeedback.adapter.grpc.v1.AdminUpdateAuthEventFeedbackRequest;
import dev.authfeedback.adapter.grpc.v1.CreateUserPoolRequest;
import dev.authfeedback.adapter.grpc.v1.FeedbackServiceGrpc;
import dev.authfeedback.adapter.grpc.v1.FeedbackValue;
import dev.authfeedback.adapter.grpc.v1.ListUserPoolsRequest;
import dev.authfeedback.adapter.grpc.v1.UpdateAuthEventFeedbackRequest;
import dev.authfeedback.adapter.grpc.v1.UserPoolsServiceGrpc;
import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.domain.model.TokenSigningKey;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.out.Stores;
import dev.authfeedback.domain.port.out.UserPoolStore;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only gRPC has: metadata auth, status details, deadlines, message size, reflection, health, TLS. */
class GrpcProtocolTest {

    private static final String KEY = "protocol-admin-key";

    private AuthFeedbackGrpcServer server;
    private ManagedChannel channel;

    private static AuthEventFeedbackUseCases service(Stores stores) {
        return AuthEventFeedbackService.builder().stores(stores)
                .rateLimiter(new TokenBucketRateLimiter(RateLimits.unlimited())).build();
    }

    private void start(AuthEventFeedbackUseCases service, GrpcAdapterSettings settings) {
        server = AuthFeedbackGrpcServer.network(service, settings);
        int port = server.start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    private void start() {
        start(service(InMemoryStores.create()), new GrpcAdapterSettings("127.0.0.1", 0, List.of(KEY)));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.stop(Duration.ZERO);
        }
    }

    private static Metadata bearer(String key) {
        Metadata metadata = new Metadata();
        metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + key);
        return metadata;
    }

    private UserPoolsServiceGrpc.UserPoolsServiceBlockingStub pools(String key) {
        UserPoolsServiceGrpc.UserPoolsServiceBlockingStub stub = UserPoolsServiceGrpc.newBlockingStub(channel);
        return key == null ? stub : stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer(key)));
    }

    private static <T> T detail(StatusRuntimeException failure, Class<T> type) throws Exception {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        assertThat(status).isNotNull();
        for (Any any : status.getDetailsList()) {
            if (any.is(type.asSubclass(com.google.protobuf.Message.class))) {
                return type.cast(any.unpack(type.asSubclass(com.google.protobuf.Message.class)));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + status);
    }

    // ---- metadata auth --------------------------------------------------------------------------

    @Test
    void adminCallsNeedABearerKey() throws Exception {
        start();
        ListUserPoolsRequest request = ListUserPoolsRequest.newBuilder().setMaxResults(5).build();
        StatusRuntimeException missing = catchThrowableOfType(StatusRuntimeException.class,
                () -> pools(null).listUserPools(request));
        assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(detail(missing, ErrorInfo.class).getReason()).isEqualTo("MissingAuthenticationTokenException");
        StatusRuntimeException wrong = catchThrowableOfType(StatusRuntimeException.class,
                () -> pools("not-the-key").listUserPools(request));
        assertThat(wrong.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(detail(wrong, ErrorInfo.class).getReason()).isEqualTo("UnrecognizedClientException");
        assertThat(wrong.getStatus().getDescription()).doesNotContain("not-the-key");
        assertThat(pools(KEY).listUserPools(request).getUserPoolsList()).isEmpty();
    }

    @Test
    void theTokenAuthorizedCallNeedsNoKeyAndTheAdminOneDoes() throws Exception {
        start();
        StatusRuntimeException tokenCall = catchThrowableOfType(StatusRuntimeException.class,
                () -> FeedbackServiceGrpc.newBlockingStub(channel).updateAuthEventFeedback(
                        UpdateAuthEventFeedbackRequest.newBuilder().setUserPoolId("us-east-1_none").setUsername("jane")
                                .setEventId("e1").setFeedbackToken("abc").setFeedbackValue(FeedbackValue.FEEDBACK_VALUE_VALID)
                                .build()));
        // past the key check: the domain answers (the pool does not exist)
        assertThat(tokenCall.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(detail(tokenCall, ErrorInfo.class).getReason()).isEqualTo("ResourceNotFoundException");
        StatusRuntimeException adminCall = catchThrowableOfType(StatusRuntimeException.class,
                () -> FeedbackServiceGrpc.newBlockingStub(channel).adminUpdateAuthEventFeedback(
                        AdminUpdateAuthEventFeedbackRequest.getDefaultInstance()));
        assertThat(adminCall.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    // ---- details --------------------------------------------------------------------------------

    @Test
    void validationErrorsCarryErrorInfoAndOneFieldViolationPerConstraint() throws Exception {
        start();
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
                () -> pools(KEY).createUserPool(CreateUserPoolRequest.newBuilder().setPoolName("")
                        .setUserPoolTierValue(42).build()));
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(failure.getStatus().getDescription()).isEqualTo("3 validation errors detected: "
                + "Value '' at 'poolName' failed to satisfy constraint: Member must have length greater than or equal to 1; "
                + "Value '' at 'poolName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "[\\w\\s+=,.@-]+; "
                + "Value '42' at 'userPoolTier' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[LITE, ESSENTIALS, PLUS]");
        ErrorInfo info = detail(failure, ErrorInfo.class);
        assertThat(info.getReason()).isEqualTo("InvalidParameterException");
        assertThat(info.getDomain()).isEqualTo("authfeedback.dev");
        BadRequest badRequest = detail(failure, BadRequest.class);
        assertThat(badRequest.getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
                .containsExactly("poolName", "poolName", "userPoolTier");
        assertThat(badRequest.getFieldViolations(2).getDescription())
                .isEqualTo("Member must satisfy enum value set: [LITE, ESSENTIALS, PLUS]");
    }

    // ---- deadlines and limits -------------------------------------------------------------------

    @Test
    void aCallWhoseDeadlinePassedWhileQueuedIsNotServed() throws Exception {
        // every call thread of a blocking store is held by a listing that waits on the gate
        CountDownLatch gate = new CountDownLatch(1);
        Stores healthy = InMemoryStores.create();
        GatedPoolStore gated = new GatedPoolStore(healthy.userPools(), gate);
        start(service(new Stores(gated, healthy.users(), healthy.authEvents(), healthy.riskConfigurations(),
                        healthy.riskModel(), healthy.tokenSigningKeys(), healthy.notifications(), true, healthy.health())),
                new GrpcAdapterSettings("127.0.0.1", 0, List.of(KEY)));
        UserPoolsServiceGrpc.UserPoolsServiceFutureStub async = UserPoolsServiceGrpc.newFutureStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer(KEY)));
        List<Future<?>> holding = new ArrayList<>();
        for (int i = 0; i < AuthFeedbackGrpcServer.BLOCKING_CALL_THREADS; i++) {
            holding.add(async.listUserPools(ListUserPoolsRequest.newBuilder().setMaxResults(1).build()));
        }
        assertThat(gated.waitingListings.tryAcquire(AuthFeedbackGrpcServer.BLOCKING_CALL_THREADS, 30, TimeUnit.SECONDS))
                .isTrue();
        // this call queues behind them, and its deadline passes before a thread is free for it
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
                () -> pools(KEY).withDeadlineAfter(200, TimeUnit.MILLISECONDS)
                        .createUserPool(CreateUserPoolRequest.newBuilder().setPoolName("too-late").build()));
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        // the server's deadline runs from when the call reached it, which may be a moment after the
        // client's started: past 200 ms more it has surely passed there too (one run served the call
        // when the gate opened at once)
        Thread.sleep(250);
        gate.countDown();
        for (Future<?> call : holding) {
            call.get(30, TimeUnit.SECONDS);
        }
        // once every call has finished, the late one has left no trace: it was not served
        server.stop(Duration.ofSeconds(10));
        server = null;
        assertThat(gated.inserted).isEmpty();
        assertThat(healthy.userPools().listAfter(null, 10)).isEmpty();
    }

    @Test
    void aMessageOverTheLimitIsRefused() {
        start(service(InMemoryStores.create()), new GrpcAdapterSettings("127.0.0.1", 0, List.of(KEY), 1024, null, null));
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
                () -> pools(KEY).createUserPool(CreateUserPoolRequest.newBuilder().setPoolName("x".repeat(4096)).build()));
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(pools(KEY).listUserPools(ListUserPoolsRequest.newBuilder().setMaxResults(1).build())).isNotNull();
    }

    // ---- reflection and health ------------------------------------------------------------------

    @Test
    void reflectionListsEveryServiceWithoutTheProtoFile() throws Exception {
        start();
        CompletableFuture<List<String>> services = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel).serverReflectionInfo(
                new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        services.complete(response.getListServicesResponse().getServiceList().stream()
                                .map(ServiceResponse::getName).toList());
                    }

                    @Override
                    public void onError(Throwable t) {
                        services.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();
        assertThat(services.get(10, TimeUnit.SECONDS)).contains("authfeedback.v1.FeedbackService",
                "authfeedback.v1.EventsService", "authfeedback.v1.UserPoolsService", "authfeedback.v1.UsersService",
                "grpc.health.v1.Health");
    }

    @Test
    void healthSaysServingWithoutAKey() {
        start();
        HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        // each service by its own name too, as health checks of load balancers ask
        for (String service : List.of("authfeedback.v1.FeedbackService", "authfeedback.v1.EventsService",
                "authfeedback.v1.UserPoolsService", "authfeedback.v1.UsersService",
                "authfeedback.v1.RiskConfigurationService")) {
            assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.newBuilder().setService(service)
                    .build()).getStatus()).as(service).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        }
        assertThat(catchThrowableOfType(() -> HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest
                .newBuilder().setService("authfeedback.v1.NoSuchService").build()), StatusRuntimeException.class)
                .getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    // ---- TLS ------------------------------------------------------------------------------------

    @Test
    void withACertificateAndKeyTheServerSpeaksTls(@TempDir Path dir) throws Exception {
        TestCertificates certificates = TestCertificates.create(dir);
        server = AuthFeedbackGrpcServer.network(service(InMemoryStores.create()),
                new GrpcAdapterSettings("127.0.0.1", 0, List.of(KEY), 65536, certificates.serverCertificate(),
                        certificates.serverPrivateKey()));
        int port = server.start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", port,
                TlsChannelCredentials.newBuilder().trustManager(certificates.caCertificate().toFile()).build()).build();
        assertThat(pools(KEY).listUserPools(ListUserPoolsRequest.newBuilder().setMaxResults(1).build())
                .getUserPoolsList()).isEmpty();
        ManagedChannel plaintext = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                    () -> UserPoolsServiceGrpc.newBlockingStub(plaintext).withDeadlineAfter(5, TimeUnit.SECONDS)
                            .listUserPools(ListUserPoolsRequest.newBuilder().setMaxResults(1).build()));
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        } finally {
            plaintext.shutdownNow();
        }
    }

    /** A real pool store whose listings wait for a gate, and which records the pools inserted. */
    private static final class GatedPoolStore implements UserPoolStore {
        private final UserPoolStore delegate;
        private final CountDownLatch gate;
        final Semaphore waitingListings = new Semaphore(0);
        final List<String> inserted = new CopyOnWriteArrayList<>();

        GatedPoolStore(UserPoolStore delegate, CountDownLatch gate) {
            this.delegate = delegate;
            this.gate = gate;
        }

        @Override
        public void insert(UserPool pool, TokenSigningKey firstKey) {
            inserted.add(pool.name());
            delegate.insert(pool, firstKey);
        }

        @Override
        public Optional<UserPool> find(String poolId) {
            return delegate.find(poolId);
        }

        @Override
        public boolean replace(UserPool current, UserPool updated) {
            return delegate.replace(current, updated);
        }

        @Override
        public boolean delete(String poolId) {
            return delegate.delete(poolId);
        }

        @Override
        public List<UserPool> listAfter(String afterPoolId, int limit) {
            waitingListings.release();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.listAfter(afterPoolId, limit);
        }
    }
}
