package dev.authfeedback.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authfeedback.conformance.GrpcDriver;
import dev.authfeedback.conformance.HttpDriver;
import dev.authfeedback.conformance.ServiceError;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's logs as an operator reads them: JSON lines, and an access line per request without secrets. */
class LogsIT {

    @Test
    void withJsonAndTheAccessLogEveryLineIsAJsonObjectAndEveryRequestHasOneWithoutSecrets() throws Exception {
        Recorded event;
        try (ServerProcess server = ServerProcess.start("--log-format", "json", "--access-log", "true",
                "--rate-limit-rps", "0")) {
            try (HttpDriver http = server.httpDriver()) {
                PoolView pool = http.createUserPool("logged", "ENFORCED", "PLUS", null, null);
                http.adminCreateUser(pool.id(), "jane", List.of(), null);
                event = http.recordAuthEvent(pool.id(), "jane", "SignIn", null, null, null, null);
                http.updateAuthEventFeedback(pool.id(), "jane", event.eventId(), event.feedbackToken(), "Valid");
                assertThatThrownBy(() -> http.updateAuthEventFeedback(pool.id(), "jane", event.eventId(),
                        event.feedbackToken() + "x", "Valid"))
                        .isInstanceOfSatisfying(ServiceError.class,
                                error -> assertThat(error.type()).isEqualTo("NotAuthorizedException"));
                HttpResponse<String> junk = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://" + server.httpAddress() + "/no/such/%0Apath")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(junk.statusCode()).isEqualTo(404);
                String[] hostPort = server.grpcAddress().split(":");
                ManagedChannel channel = NettyChannelBuilder.forAddress(hostPort[0], Integer.parseInt(hostPort[1]))
                        .usePlaintext().build();
                try (GrpcDriver grpc = new GrpcDriver(channel, ServerProcess.ADMIN_KEY, () -> { })) {
                    grpc.describeUserPool(pool.id());
                    assertThatThrownBy(() -> grpc.describeUserPool("us-east-1_nothere"))
                            .isInstanceOf(ServiceError.class);
                }
            }
            List<JsonObject> access = awaitAccessLines(server, 8);
            assertThat(server.sigterm()).isZero();

            List<JsonObject> lines = server.stderr().stream().map(LogsIT::json).toList();
            assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.fieldNames())
                    .contains("timestamp", "level", "loggerName", "message"));
            assertThat(access).extracting(line -> fields(line).get("operation")).containsExactly(
                    "CreateUserPool", "AdminCreateUser", "RecordAuthEvent", "UpdateAuthEventFeedback",
                    "UpdateAuthEventFeedback", "GET /no/such/%0Apath",
                    "authfeedback.v1.UserPoolsService/DescribeUserPool",
                    "authfeedback.v1.UserPoolsService/DescribeUserPool");
            assertThat(access).extracting(line -> fields(line).get("status") + " " + fields(line).get("error"))
                    .containsExactly("200 -", "200 -", "200 -", "200 -", "400 NotAuthorizedException",
                            "404 UnknownOperationException", "OK -", "NOT_FOUND ResourceNotFoundException");
            assertThat(access.subList(0, 6)).allSatisfy(line -> assertThat(fields(line).get("request_id"))
                    .matches("[0-9a-f-]{36}"));
            assertThat(access).allSatisfy(line -> assertThat(fields(line).get("duration_ms")).matches("\\d+\\.\\d{3}"));
            String everything = String.join("\n", server.stderr());
            assertThat(everything).doesNotContain(event.feedbackToken()).doesNotContain(ServerProcess.SECRET)
                    .doesNotContain(ServerProcess.ADMIN_KEY).doesNotContain("jane");
        }
    }

    @Test
    void theAccessLogIsOffUnlessAskedFor() throws Exception {
        try (ServerProcess server = ServerProcess.start()) {
            try (HttpDriver http = server.httpDriver()) {
                http.createUserPool("quiet", null, null, null, null);
            }
            assertThat(server.sigterm()).isZero();
            assertThat(server.stderr()).noneMatch(line -> line.contains("authfeedback.access"));
        }
    }

    private static List<JsonObject> awaitAccessLines(ServerProcess server, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            List<JsonObject> access = server.stderr().stream().map(LogsIT::json)
                    .filter(line -> "authfeedback.access".equals(line.getString("loggerName"))).toList();
            if (access.size() >= count || Instant.now().isAfter(deadline)) {
                return access;
            }
            Thread.sleep(50);
        }
    }

    private static JsonObject json(String line) {
        try {
            return new JsonObject(line);
        } catch (DecodeException notJson) {
            throw new AssertionError("not a JSON log line: " + line, notJson);
        }
    }

    /** The key-value pairs Logback's JSON encoder writes as a list of one-entry objects. */
    private static Map<String, String> fields(JsonObject line) {
        Map<String, String> fields = new HashMap<>();
        JsonArray pairs = line.getJsonArray("kvpList", new JsonArray());
        for (Object pair : pairs) {
            ((JsonObject) pair).forEach(entry -> fields.put(entry.getKey(), String.valueOf(entry.getValue())));
        }
        return fields;
    }
}
