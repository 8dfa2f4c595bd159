package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.authfeedback.adapter.grpc.AuthFeedbackGrpcServer;
import dev.authfeedback.adapter.grpc.GrpcAdapterSettings;
import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.Operation;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that has neither the .proto file nor generated classes, as grpcurl works: it learns the
 * services from server reflection, builds messages dynamically and calls every operation.
 */
class GrpcReflectionClientTest {

    private static final String KEY = "reflection-admin-key";

    private AuthFeedbackGrpcServer server;
    private ManagedChannel channel;
    private Channel withKey;

    @BeforeEach
    void start() {
        AuthEventFeedbackUseCases service = AuthEventFeedbackService.builder().stores(InMemoryStores.create())
                .rateLimiter(new TokenBucketRateLimiter(RateLimits.unlimited())).build();
        server = AuthFeedbackGrpcServer.network(service, new GrpcAdapterSettings("127.0.0.1", 0, List.of(KEY)));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.start()).usePlaintext().build();
        Metadata metadata = new Metadata();
        metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + KEY);
        withKey = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(metadata));
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.stop(Duration.ZERO);
    }

    /** The file that defines {@code symbol}, built from the descriptors reflection sends (dependencies included). */
    private FileDescriptor fileContaining(String symbol) throws Exception {
        CompletableFuture<List<FileDescriptorProto>> files = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel).serverReflectionInfo(
                new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        List<FileDescriptorProto> protos = new ArrayList<>();
                        try {
                            for (var bytes : response.getFileDescriptorResponse().getFileDescriptorProtoList()) {
                                protos.add(FileDescriptorProto.parseFrom(bytes));
                            }
                            files.complete(protos);
                        } catch (Exception e) {
                            files.completeExceptionally(e);
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        files.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setFileContainingSymbol(symbol).build());
        requests.onCompleted();
        Map<String, FileDescriptorProto> byName = new HashMap<>();
        files.get(10, TimeUnit.SECONDS).forEach(file -> byName.put(file.getName(), file));
        return build(byName.values().stream().filter(f -> f.getPackage().equals("authfeedback.v1")).findFirst()
                .orElseThrow(), byName, new HashMap<>());
    }

    private static FileDescriptor build(FileDescriptorProto proto, Map<String, FileDescriptorProto> all,
                                        Map<String, FileDescriptor> built) throws Exception {
        List<FileDescriptor> dependencies = new ArrayList<>();
        for (String dependency : proto.getDependencyList()) {
            FileDescriptor done = built.get(dependency);
            dependencies.add(done != null ? done : build(all.get(dependency), all, built));
        }
        FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies.toArray(new FileDescriptor[0]));
        built.put(proto.getName(), file);
        return file;
    }

    private static io.grpc.MethodDescriptor<Message, Message> grpcMethod(MethodDescriptor method) {
        return io.grpc.MethodDescriptor.<Message, Message>newBuilder()
                .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(io.grpc.MethodDescriptor.generateFullMethodName(
                        method.getService().getFullName(), method.getName()))
                .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())))
                .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
                .build();
    }

    private Message call(MethodDescriptor method, Message request) {
        return ClientCalls.blockingUnaryCall(withKey, grpcMethod(method), CallOptions.DEFAULT, request);
    }

    @Test
    void everyOperationIsReachableThroughReflectionAlone() throws Exception {
        FileDescriptor file = fileContaining("authfeedback.v1.FeedbackService");
        List<String> called = new ArrayList<>();
        for (ServiceDescriptor service : file.getServices()) {
            for (MethodDescriptor method : service.getMethods()) {
                // an empty request misses a required member: the domain's own answer proves the call got through
                StatusRuntimeException answer = catchThrowableOfType(StatusRuntimeException.class,
                        () -> call(method, DynamicMessage.getDefaultInstance(method.getInputType())));
                assertThat(answer.getStatus().getCode()).as(method.getFullName()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(answer.getStatus().getDescription()).contains("Member must not be null");
                called.add(method.getName());
            }
        }
        // one rpc per operation of the catalogue, named as the operation
        assertThat(called).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Operation.values()).map(Operation::awsName).toList());
    }

    @Test
    void aDynamicallyBuiltRequestCreatesAPool() throws Exception {
        FileDescriptor file = fileContaining("authfeedback.v1.UserPoolsService");
        MethodDescriptor create = file.findServiceByName("UserPoolsService").findMethodByName("CreateUserPool");
        Descriptor input = create.getInputType();
        Descriptor addOns = input.findFieldByName("user_pool_add_ons").getMessageType();
        Message request = DynamicMessage.newBuilder(input)
                .setField(input.findFieldByName("pool_name"), "via-reflection")
                .setField(input.findFieldByName("user_pool_tier"),
                        input.findFieldByName("user_pool_tier").getEnumType().findValueByName("USER_POOL_TIER_PLUS"))
                .setField(input.findFieldByName("user_pool_add_ons"), DynamicMessage.newBuilder(addOns)
                        .setField(addOns.findFieldByName("advanced_security_mode"), addOns
                                .findFieldByName("advanced_security_mode").getEnumType()
                                .findValueByName("ADVANCED_SECURITY_MODE_AUDIT")).build())
                .build();
        Message response = call(create, request);
        Message pool = (Message) response.getField(create.getOutputType().findFieldByName("user_pool"));
        assertThat(pool.getField(pool.getDescriptorForType().findFieldByName("name"))).isEqualTo("via-reflection");
        assertThat((String) pool.getField(pool.getDescriptorForType().findFieldByName("id"))).startsWith("us-east-1_");
    }
}
