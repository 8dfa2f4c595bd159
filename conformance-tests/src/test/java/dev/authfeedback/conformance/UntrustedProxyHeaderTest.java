package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.authfeedback.adapter.grpc.AuthFeedbackGrpcServer;
import dev.authfeedback.adapter.grpc.GrpcAdapterSettings;
import dev.authfeedback.adapter.http.AwsJsonHttpServer;
import dev.authfeedback.adapter.http.HttpAdapterSettings;
import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import dev.authfeedback.domain.service.ServiceSettings;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Without {@code --trusted-proxy-header}, a header naming another address changes nothing: the
 * connection's peer is the source, so a client cannot spread its requests over invented sources.
 * (With it, the operation suite runs every source case through the header.)
 */
class UntrustedProxyHeaderTest {

    private static final String REGION = "eu-west-1";
    private static final int SOURCE_QUOTA = 3;
    private static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void closeVertx() {
        VERTX.close();
    }

    private static AuthEventFeedbackUseCases service() {
        return AuthEventFeedbackService.builder()
                .stores(InMemoryStores.create())
                .rateLimiter(new TokenBucketRateLimiter(RateLimits.uniform(10_000).withSourceLimit(SOURCE_QUOTA)))
                .settings(new ServiceSettings(REGION, "123456789012", Duration.ofDays(7)))
                .build();
    }

    @Test
    void overHttpTheHeaderIsIgnored() throws Exception {
        AuthEventFeedbackUseCases service = service();
        AwsJsonHttpServer server = new AwsJsonHttpServer(VERTX, service, new HttpAdapterSettings("127.0.0.1", 0,
                HttpAdapterSettings.DEFAULT_MAX_BODY_BYTES, REGION, Map.of(HttpDriver.ACCESS_KEY_ID, HttpDriver.SECRET)));
        URI endpoint = URI.create("http://127.0.0.1:" + server.start() + "/");
        try (HttpDriver driver = new HttpDriver(endpoint, REGION, HttpDriver.ACCESS_KEY_ID, HttpDriver.SECRET,
                () -> server.stop(Duration.ZERO))) {
            assertOneSourceWhateverTheHeaderSays(driver);
        }
    }

    @Test
    void overGrpcTheMetadataIsIgnored() throws Exception {
        AuthFeedbackGrpcServer server = AuthFeedbackGrpcServer.network(service(),
                new GrpcAdapterSettings("127.0.0.1", 0, List.of(GrpcDriver.ADMIN_KEY)));
        int port = server.start();
        try (GrpcDriver driver = new GrpcDriver(NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build(),
                GrpcDriver.ADMIN_KEY, () -> server.stop(Duration.ZERO))) {
            assertOneSourceWhateverTheHeaderSays(driver);
        }
    }

    private static void assertOneSourceWhateverTheHeaderSays(OperationDriver driver) {
        var pool = driver.createUserPool("pool", "ENFORCED", "PLUS", List.of(), null);
        driver.adminCreateUser(pool.id(), "jane", List.of(), null);
        var event = driver.recordAuthEvent(pool.id(), "jane", "SignIn", "Pass", null, null, null);
        Function<Integer, ServiceError> fromInventedSource = i -> catchThrowableOfType(ServiceError.class,
                () -> driver.updateAuthEventFeedbackFrom("198.51.100." + i, pool.id(), "jane", event.eventId(),
                        event.feedbackToken(), "Valid"));
        for (int i = 1; i <= SOURCE_QUOTA; i++) {
            assertThat(fromInventedSource.apply(i)).isNull();
        }
        assertThat(fromInventedSource.apply(SOURCE_QUOTA + 1).type()).isEqualTo("TooManyRequestsException");
    }
}
