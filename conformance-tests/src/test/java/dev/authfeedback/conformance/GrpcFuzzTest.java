package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.protobuf.Message;
import dev.authfeedback.adapter.grpc.AuthFeedbackGrpcServer;
import dev.authfeedback.adapter.grpc.GrpcAdapterSettings;
import dev.authfeedback.adapter.grpc.v1.AdminListUserAuthEventsRequest;
import dev.authfeedback.adapter.grpc.v1.AdminUpdateAuthEventFeedbackRequest;
import dev.authfeedback.adapter.grpc.v1.CreateUserPoolRequest;
import dev.authfeedback.adapter.grpc.v1.EventType;
import dev.authfeedback.adapter.grpc.v1.EventsServiceGrpc;
import dev.authfeedback.adapter.grpc.v1.FeedbackServiceGrpc;
import dev.authfeedback.adapter.grpc.v1.ListUserPoolsRequest;
import dev.authfeedback.adapter.grpc.v1.RecordAuthEventRequest;
import dev.authfeedback.adapter.grpc.v1.RiskConfigurationServiceGrpc;
import dev.authfeedback.adapter.grpc.v1.UpdateAuthEventFeedbackRequest;
import dev.authfeedback.adapter.grpc.v1.UserPoolsServiceGrpc;
import dev.authfeedback.adapter.grpc.v1.UsersServiceGrpc;
import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile input through the gRPC adapter: for every rpc of every service, random bytes, mutated
 * and truncated encodings of real requests, and real requests, with the right admin key, none, a
 * wrong one or garbage metadata. Every call must end within its deadline with a status the contract
 * documents, never INTERNAL or UNKNOWN, and never echo a key; the server must serve afterwards.
 * Runs as many examples as the HTTP fuzz test ({@code -Dfuzz.examples=N}).
 */
class GrpcFuzzTest {

    private static final String KEY = "grpc-fuzz-admin-key-must-never-be-echoed";
    private static final int EXAMPLES = Integer.getInteger("fuzz.examples", 1500);
    private static final Set<Status.Code> DOCUMENTED = Set.of(Status.Code.OK, Status.Code.INVALID_ARGUMENT,
            Status.Code.UNAUTHENTICATED, Status.Code.NOT_FOUND, Status.Code.FAILED_PRECONDITION,
            Status.Code.RESOURCE_EXHAUSTED, Status.Code.ALREADY_EXISTS);
    private static final AtomicLong TRIED = new AtomicLong();

    private static AuthFeedbackGrpcServer server;
    private static ManagedChannel channel;
    private static List<MethodDescriptor<byte[], byte[]>> methods;
    private static List<byte[]> realRequests;

    /** Bytes in, bytes out: the call reaches the server's own parsing whatever it holds. */
    private static final MethodDescriptor.Marshaller<byte[]> RAW = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    @BeforeAll
    static void start() {
        AuthEventFeedbackUseCases service = AuthEventFeedbackService.builder().stores(InMemoryStores.create())
                .rateLimiter(new TokenBucketRateLimiter(RateLimits.unlimited())).build();
        server = AuthFeedbackGrpcServer.network(service, new GrpcAdapterSettings("127.0.0.1", 0, List.of(KEY)));
        int port = server.start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        methods = new ArrayList<>();
        for (ServiceDescriptor api : List.of(FeedbackServiceGrpc.getServiceDescriptor(),
                EventsServiceGrpc.getServiceDescriptor(), UserPoolsServiceGrpc.getServiceDescriptor(),
                UsersServiceGrpc.getServiceDescriptor(), RiskConfigurationServiceGrpc.getServiceDescriptor())) {
            api.getMethods().forEach(method -> methods.add(((MethodDescriptor<?, ?>) method).toBuilder(RAW, RAW)
                    .build()));
        }
        assertThat(methods).hasSizeGreaterThanOrEqualTo(13);
        PoolView pool;
        Recorded event;
        // the driver closes the channel it is given: one of its own
        try (GrpcDriver driver = new GrpcDriver(NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build(),
                KEY, () -> { })) {
            pool = driver.createUserPool("fuzz", "ENFORCED", "PLUS", List.of("email"), null);
            driver.adminCreateUser(pool.id(), "jane", List.of(), null);
            event = driver.recordAuthEvent(pool.id(), "jane", "SignIn", null, null, null, null);
        }
        List<Message> real = List.of(
                CreateUserPoolRequest.newBuilder().setPoolName("p").build(),
                ListUserPoolsRequest.newBuilder().setMaxResults(5).build(),
                RecordAuthEventRequest.newBuilder().setUserPoolId(pool.id()).setUsername("jane")
                        .setEventType(EventType.EVENT_TYPE_SIGN_IN).build(),
                UpdateAuthEventFeedbackRequest.newBuilder().setUserPoolId(pool.id()).setUsername("jane")
                        .setEventId(event.eventId()).setFeedbackToken(event.feedbackToken()).build(),
                AdminUpdateAuthEventFeedbackRequest.newBuilder().setUserPoolId(pool.id()).setUsername("jane")
                        .setEventId(event.eventId()).build(),
                AdminListUserAuthEventsRequest.newBuilder().setUserPoolId(pool.id()).setUsername("jane").build());
        realRequests = real.stream().map(Message::toByteArray).toList();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        System.out.println("GrpcFuzzTest: fuzzed " + TRIED.get() + " gRPC calls");
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.stop(java.time.Duration.ZERO);
    }

    private static Gen<byte[]> requests() {
        Gen<byte[]> real = integers().between(0, Integer.MAX_VALUE).map(seed -> realRequests.get(
                new Random(seed).nextInt(realRequests.size())).clone());
        Gen<byte[]> mutated = integers().between(0, Integer.MAX_VALUE).map(seed -> {
            Random random = new Random(seed);
            return HostileBytes.damaged(realRequests.get(random.nextInt(realRequests.size())).clone(), random);
        });
        Gen<byte[]> randomBytes = HostileBytes.noise();
        Gen<byte[]> hostile = Generate.pick(List.of(
                new byte[] {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f},
                new byte[] {0x12, 0x05, (byte) 0xc3, 0x28, 'a', 'b', 'c'},
                new byte[] {(byte) 0x80},
                new byte[] {0x7a, 0x00}, new byte[0]));
        return Generate.frequency(List.of(org.quicktheories.api.Pair.of(3, real),
                org.quicktheories.api.Pair.of(4, mutated), org.quicktheories.api.Pair.of(2, randomBytes),
                org.quicktheories.api.Pair.of(1, hostile)));
    }

    /** 0: the admin key, 1: none, 2: a wrong key, 3: garbage in the header. */
    private static Metadata metadata(int kind) {
        Metadata metadata = new Metadata();
        Metadata.Key<String> authorization = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
        switch (kind) {
            case 0 -> metadata.put(authorization, "Bearer " + KEY);
            case 2 -> metadata.put(authorization, "Bearer not-the-key");
            case 3 -> metadata.put(authorization, "Basic %%%" + "x".repeat(100));
            default -> { }
        }
        return metadata;
    }

    @Test
    void everyHostileCallEndsInTimeWithADocumentedStatusAndTheServerKeepsServing() {
        qt().withExamples(EXAMPLES).withShrinkCycles(100)
                .forAll(integers().between(0, methods.size() - 1), requests(), integers().between(0, 3))
                .checkAssert((method, request, auth) -> {
                    TRIED.incrementAndGet();
                    MethodDescriptor<byte[], byte[]> descriptor = methods.get(method);
                    Status status;
                    try {
                        ClientCalls.blockingUnaryCall(ClientInterceptors.intercept(channel,
                                MetadataUtils.newAttachHeadersInterceptor(metadata(auth))).newCall(descriptor,
                                CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS)), request);
                        status = Status.OK;
                    } catch (StatusRuntimeException failure) {
                        status = failure.getStatus();
                    }
                    String context = descriptor.getFullMethodName() + " auth " + auth + " bytes "
                            + java.util.HexFormat.of().formatHex(request) + " -> " + status;
                    assertThat(status.getCode()).as(context).isIn(DOCUMENTED);
                    assertThat(String.valueOf(status.getDescription())).as(context).doesNotContain(KEY)
                            .doesNotContain("\tat ").doesNotContain("Exception:");
                });
        // the server still serves a valid request
        assertThat(UserPoolsServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata(0)))
                .createUserPool(CreateUserPoolRequest.newBuilder().setPoolName("after-the-fuzz").build())
                .getUserPool().getId()).isNotEmpty();
    }
}
