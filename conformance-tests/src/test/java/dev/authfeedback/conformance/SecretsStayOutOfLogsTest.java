package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.conformance.RawAwsJsonClient.Response;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.port.in.AttributeInput;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.out.AuthEventStore;
import dev.authfeedback.domain.port.out.Stores;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs a full round of operations, good and bad, over HTTP and gRPC with every log level captured,
 * then searches every log line, stack trace and the metrics for the secrets that passed through:
 * the secret access key, signatures, admin keys, feedback tokens and attribute values.
 */
class SecretsStayOutOfLogsTest {

    @Test
    void noSecretReachesTheLogsTheMetricsOrAnErrorBody() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.ALL);
        List<String> secrets = new ArrayList<>(List.of(HttpDriver.SECRET, GrpcDriver.ADMIN_KEY,
                "jane.secret@example.com", "wrong-admin-key-do-not-log", "198.51.100.77", "Secret-Phone-9"));
        StringBuilder answers = new StringBuilder();
        Vertx vertx = Vertx.vertx();
        try {
            Stores healthy = InMemoryStores.create();
            AuthEventStore failing = (AuthEventStore) Proxy.newProxyInstance(AuthEventStore.class.getClassLoader(),
                    new Class<?>[] {AuthEventStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("listNewestFirst")) {
                            throw new IllegalStateException("store failure");
                        }
                        return method.invoke(healthy.authEvents(), args);
                    });
            AuthEventFeedbackUseCases service = AuthEventFeedbackService.builder()
                    .stores(new Stores(healthy.userPools(), healthy.users(), failing, healthy.riskConfigurations(),
                        healthy.riskModel(), healthy.tokenSigningKeys(), healthy.notifications(), healthy.blocking(), healthy.health()))
                    .rateLimiter(new TokenBucketRateLimiter(RateLimits.uniform(1000)))
                    // the domain logs a failing listener: its line and the event it prints must be clean too
                    .riskListener(feedback -> {
                        throw new IllegalStateException("risk model down for " + feedback.event());
                    })
                    .build();
            try (HttpDriver http = HttpDriver.startedAround(vertx, service, "us-east-1");
                 GrpcDriver grpc = GrpcDriver.startedInProcess(service)) {
                for (OperationDriver driver : List.of(http, grpc)) {
                    PoolView pool = driver.createUserPool("secrets", "ENFORCED", "PLUS", List.of("email"), null);
                    driver.adminCreateUser(pool.id(), "jane", List.of(new AttributeInput("email", "jane.secret@example.com"),
                            new AttributeInput("email_verified", "true")), null);
                    Recorded event = driver.recordAuthEvent(pool.id(), "jane", "SignIn", null, null, null,
                            new EventContextData("198.51.100.77", "Secret-Phone-9", "Europe/Oslo", "Oslo", "Norway"));
                    secrets.add(event.feedbackToken());
                    driver.updateAuthEventFeedback(pool.id(), "jane.secret@example.com", event.eventId(),
                            event.feedbackToken(), "Invalid");
                    answers.append(failureMessage(() -> driver.updateAuthEventFeedback(pool.id(), "jane", event.eventId(),
                            event.feedbackToken() + "x", "Valid")));
                    answers.append(failureMessage(() -> driver.updateAuthEventFeedback(pool.id(), "jane", event.eventId(),
                            "bad token with spaces " + event.feedbackToken(), "Valid")));
                    answers.append(failureMessage(() -> driver.updateAuthEventFeedback(pool.id(), "jane", event.eventId(),
                            event.feedbackToken().replaceFirst("^v1\\.", "v9."), "Valid")));
                    answers.append(failureMessage(() -> driver.adminCreateUser(pool.id(), "john",
                            List.of(new AttributeInput("email", "jane.secret@example.com"),
                                    new AttributeInput("email_verified", "true")), null)));
                    answers.append(failureMessage(() -> driver.adminListUserAuthEvents(pool.id(), "jane", null, null)));
                }
                // wrong credentials of each kind
                RawAwsJsonClient raw = new RawAwsJsonClient(java.net.URI.create(
                        "http://" + http.endpointAuthority() + "/"));
                byte[] body = "{\"MaxResults\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                Map<String, String> headers = RawAwsJsonClient.signedHeaders(raw.endpoint(),
                        new RawAwsJsonClient.Signing("us-east-1", HttpDriver.ACCESS_KEY_ID, "not-the-secret-either"),
                        Map.of("Content-Type", "application/x-amz-json-1.1",
                                "X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools"), body);
                String signature = headers.get("Authorization").replaceFirst(".*Signature=", "");
                secrets.add(signature);
                secrets.add("not-the-secret-either");
                Response refused = raw.post(headers, body);
                answers.append(refused.body());
                assertThat(refused.status()).isEqualTo(400);
                answers.append(raw.get("/metrics").body());
                try (GrpcDriver wrongKey = new GrpcDriver(io.grpc.inprocess.InProcessChannelBuilder
                        .forName(grpc.serverName()).build(), "wrong-admin-key-do-not-log", () -> { })) {
                    answers.append(failureMessage(() -> wrongKey.listUserPools(5, null)));
                }
            }
        } finally {
            root.detachAppender(captured);
            root.setLevel(before);
            vertx.close();
        }
        // a late line from a closing thread may still be appended: copy under the appender's own lock
        List<ILoggingEvent> events;
        synchronized (captured) {
            events = new ArrayList<>(captured.list);
        }
        StringBuilder logs = new StringBuilder();
        for (ILoggingEvent event : events) {
            logs.append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                logs.append(thrown.getClassName()).append(": ").append(thrown.getMessage()).append('\n');
                for (StackTraceElementProxy frame : thrown.getStackTraceElementProxyArray()) {
                    logs.append(frame.getSTEAsString()).append('\n');
                }
            }
        }
        assertThat(logs).as("the internal error was logged with its cause").contains("store failure");
        assertThat(events).as("the domain's own lines reach the logging backend")
                .anySatisfy(event -> assertThat(event.getLoggerName()).startsWith("dev.authfeedback.domain."));
        assertThat(logs).as("the failing listener was logged with its cause").contains("risk model down for AuthEvent[");
        assertThat(logs).as("a refused token is logged with why, at DEBUG")
                .contains("feedback token refused for event ").contains(": its signature does not match")
                .contains(": not a feedback token");
        for (String secret : secrets) {
            assertThat(logs.toString()).as("logs").doesNotContain(secret);
            assertThat(answers.toString()).as("answers and metrics").doesNotContain(secret);
        }
    }

    private static String failureMessage(Runnable call) {
        try {
            call.run();
            return "";
        } catch (ServiceError error) {
            return error.type() + ": " + error.errorMessage() + "\n";
        }
    }
}
