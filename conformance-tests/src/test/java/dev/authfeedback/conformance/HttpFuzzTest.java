package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.authfeedback.adapter.http.AwsJsonHttpServer;
import dev.authfeedback.adapter.http.HttpAdapterSettings;
import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.conformance.RawAwsJsonClient.Response;
import dev.authfeedback.conformance.RawAwsJsonClient.Signing;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.Operation;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile input through the HTTP adapter: generated and mutated requests for every operation, signed
 * so that they reach the parser and the domain. Every answer must be a success or a documented 4xx
 * with a JSON error body, never a 5xx, a hang, a stack trace or an echoed secret, and the server must
 * serve a valid request afterwards. {@code -Dfuzz.examples=N} runs longer (see the README).
 */
class HttpFuzzTest {

    private static final String REGION = "eu-west-1";
    private static final String KEY = "AKIDFUZZ000000000001";
    private static final String SECRET = "fuzz-secret-key-must-never-be-echoed-0000";
    private static final int EXAMPLES = Integer.getInteger("fuzz.examples", 1500);
    private static final int BODY_LIMIT = 64 * 1024;
    private static final Set<String> DOCUMENTED = Set.of("InvalidParameterException", "NotAuthorizedException",
            "ResourceNotFoundException", "UserNotFoundException", "UserPoolAddOnNotEnabledException",
            "TooManyRequestsException", "UsernameExistsException", "AliasExistsException",
            "FeatureUnavailableInTierException", "UnknownOperationException", "SerializationException",
            "MissingAuthenticationTokenException", "IncompleteSignatureException", "UnrecognizedClientException",
            "InvalidSignatureException", "RequestEntityTooLargeException");
    /** Every operation of the catalogue, by its AWS JSON target. */
    private static final List<String> TARGETS = Arrays.stream(Operation.values()).map(Operation::target).toList();
    private static final List<String> MEMBERS = List.of("UserPoolId", "Username", "EventId", "FeedbackToken",
            "FeedbackValue", "MaxResults", "NextToken", "PoolName", "UserPoolAddOns", "AdvancedSecurityMode",
            "UserPoolTier", "AliasAttributes", "UsernameAttributes", "UserAttributes", "Name", "Value",
            "ForceAliasCreation", "MessageAction", "DesiredDeliveryMediums", "TemporaryPassword", "EventType",
            "EventResponse", "EventRisk", "RiskLevel", "RiskDecision", "ChallengeResponses", "ChallengeName",
            "ChallengeResponse", "EventContextData", "IpAddress", "CompromisedCredentialsDetected");

    private static final Vertx VERTX = Vertx.vertx();
    private static AwsJsonHttpServer server;
    private static RawAwsJsonClient raw;
    private static PoolView pool;
    private static Recorded event;
    private static final AtomicLong TRIED = new AtomicLong();

    @BeforeAll
    static void start() {
        AuthEventFeedbackUseCases service = AuthEventFeedbackService.builder().stores(InMemoryStores.create())
                .rateLimiter(new TokenBucketRateLimiter(RateLimits.unlimited()))
                .settings(new dev.authfeedback.domain.service.ServiceSettings(REGION, "123456789012", Duration.ofDays(7)))
                .build();
        server = new AwsJsonHttpServer(VERTX, service,
                new HttpAdapterSettings("127.0.0.1", 0, BODY_LIMIT, REGION, Map.of(KEY, SECRET)));
        URI endpoint = URI.create("http://127.0.0.1:" + server.start() + "/");
        raw = new RawAwsJsonClient(endpoint);
        try (HttpDriver driver = new HttpDriver(endpoint, REGION, KEY, SECRET, () -> { })) {
            pool = driver.createUserPool("fuzz", "ENFORCED", "PLUS", List.of("email"), null);
            driver.adminCreateUser(pool.id(), "jane", List.of(), null);
            event = driver.recordAuthEvent(pool.id(), "jane", "SignIn", null, null, null, null);
        }
    }

    @AfterAll
    static void stop() {
        System.out.println("HttpFuzzTest: fuzzed " + TRIED.get() + " HTTP requests");
        server.stop(Duration.ZERO);
        VERTX.close();
    }

    // ---- generators -----------------------------------------------------------------------------

    /** A JSON value of any type, from harmless to hostile. */
    private static Gen<String> jsonValues() {
        Gen<String> real = Generate.pick(List.of(pool == null ? "x" : pool.id(), "jane", "jane@example.com",
                event == null ? "e" : event.eventId(), event == null ? "t" : event.feedbackToken(), "Valid", "Invalid",
                "ENFORCED", "PLUS", "SignIn", "email")).map(value -> JsonObject.of("v", value).encode().substring(5,
                JsonObject.of("v", value).encode().length() - 1));
        Gen<String> text = strings().allPossible().ofLengthBetween(0, 40).map(value -> new JsonObject().put("v", value)
                .encode().replaceFirst("^\\{\"v\":", "").replaceFirst("}$", ""));
        Gen<String> numbers = Generate.pick(List.of("0", "-1", "61", "1e309", "-0", "2147483648",
                "99999999999999999999999999999", "1.5", "1e-400", "NaN"));
        Gen<String> literals = Generate.pick(List.of("null", "true", "false", "{}", "[]", "[null]", "[1,\"a\",{}]",
                "{\"AdvancedSecurityMode\":[]}", "[{\"Name\":null,\"Value\":1}]", "\"" + "x".repeat(5000) + "\""));
        Gen<String> deep = integers().between(1, 60).map(depth -> "[".repeat(depth) + "]".repeat(depth));
        return Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(4, real), org.quicktheories.api.Pair.of(3, text),
                org.quicktheories.api.Pair.of(2, numbers), org.quicktheories.api.Pair.of(2, literals),
                org.quicktheories.api.Pair.of(1, deep)));
    }

    /** A JSON object of random members (known names mostly), possibly with duplicate keys. */
    private static Gen<String> jsonObjects() {
        Gen<String> member = Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(5, Generate.pick(MEMBERS)),
                org.quicktheories.api.Pair.of(1, strings().basicLatinAlphabet().ofLengthBetween(0, 10))))
                .zip(jsonValues(), (name, value) -> JsonObject.of("k", name).encode().substring(5,
                        JsonObject.of("k", name).encode().length() - 1) + ":" + value);
        return lists().of(member).ofSizeBetween(0, 8).map(members -> "{" + String.join(",", members) + "}");
    }

    /** A body: a generated object, a mutation of one, raw bytes, or a hostile shape. */
    private static Gen<byte[]> bodies() {
        Gen<byte[]> objects = jsonObjects().map(json -> json.getBytes(StandardCharsets.UTF_8));
        Gen<byte[]> mutated = jsonObjects().zip(integers().between(0, Integer.MAX_VALUE), (json, seed) ->
                HostileBytes.damaged(json.getBytes(StandardCharsets.UTF_8), new Random(seed)));
        Gen<byte[]> randomBytes = HostileBytes.noise();
        Gen<byte[]> hostile = Generate.pick(List.of(
                "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{\"PoolName\":\"p\",\"PoolName\":\"q\"}",
                "{\"MaxResults\":" + "9".repeat(2000) + "}",
                "{\"PoolName\":\"" + "\\u0000".repeat(100) + "\"}",
                "{\"Username\":\"\\ud800\"}",
                "\u00ef\u00bb\u00bf{}",
                "")).map(text -> text.getBytes(StandardCharsets.UTF_8));
        Gen<byte[]> invalidUtf8 = Generate.pick(List.of(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},
                new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'},
                new byte[] {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'}));
        return Generate.frequency(List.of(org.quicktheories.api.Pair.of(6, objects),
                org.quicktheories.api.Pair.of(3, mutated), org.quicktheories.api.Pair.of(1, randomBytes),
                org.quicktheories.api.Pair.of(1, hostile), org.quicktheories.api.Pair.of(1, invalidUtf8)));
    }

    private static Gen<String> targets() {
        return Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(9, Generate.pick(TARGETS)),
                org.quicktheories.api.Pair.of(1, strings().ascii().ofLengthBetween(0, 60))));
    }

    private static Gen<String> contentTypes() {
        return Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(8, Generate.constant("application/x-amz-json-1.1")),
                org.quicktheories.api.Pair.of(1, Generate.pick(List.of("application/json", "text/plain",
                        "application/x-amz-json-1.1; charset=latin1", "multipart/form-data; boundary=x", ""))),
                org.quicktheories.api.Pair.of(1, strings().ascii().ofLengthBetween(0, 40))));
    }

    /** 0: signed properly, 1: unsigned, 2: garbage Authorization, 3: signed with a wrong secret. */
    private static Gen<Integer> signings() {
        return Generate.frequency(List.of(org.quicktheories.api.Pair.of(7, Generate.constant(0)),
                org.quicktheories.api.Pair.of(1, Generate.constant(1)), org.quicktheories.api.Pair.of(1, Generate.constant(2)),
                org.quicktheories.api.Pair.of(1, Generate.constant(3))));
    }

    // ---- the property ---------------------------------------------------------------------------

    @Test
    void everyHostileRequestGetsADocumentedAnswerAndTheServerKeepsServing() {
        qt().withExamples(EXAMPLES).withShrinkCycles(200)
                .forAll(targets(), contentTypes(), bodies(), signings())
                .checkAssert((target, contentType, body, signing) -> {
                    TRIED.incrementAndGet();
                    Response response = send(target, contentType, body, signing);
                    assertDocumented(response, target, body);
                });
        // (the fuzzer may have deleted the pool it was given: ask for something that always exists)
        Response valid = send("AWSCognitoIdentityProviderService.CreateUserPool", "application/x-amz-json-1.1",
                "{\"PoolName\":\"after-the-fuzz\"}".getBytes(StandardCharsets.UTF_8), 0);
        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
    }

    /** Every route beyond POST / (health, readiness, liveness, metrics, the feedback page, any other path) with any method. */
    @Test
    void everyOtherRouteAndMethodGetsAnAnswerThatIsNoServerFault() {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        Gen<String> paths = Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(4, Generate.pick(List.of("/health", "/health/ready", "/health/live",
                        "/metrics", "/", "/health/", "//health", "/metrics?x=1", "/%2e%2e/etc/passwd", "/health%00",
                        "/" + "a".repeat(3000)))),
                org.quicktheories.api.Pair.of(3, strings().ascii().ofLengthBetween(0, 80).map(path -> "/"
                        + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8))),
                org.quicktheories.api.Pair.of(1, strings().allPossible().ofLengthBetween(0, 20).map(path -> "/"
                        + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8))),
                // the feedback page: five parts of anything, the last one a verdict or not
                org.quicktheories.api.Pair.of(3, Generate.pick(List.of("eu-west-1_abc123", "x", "%00", "..", "a%2Fb"))
                        .zip(strings().ascii().ofLengthBetween(0, 60), Generate.pick(List.of("valid", "invalid",
                                "VALID", "", "maybe")), (pool, junk, verdict) -> "/feedback/" + pool + "/"
                                + java.net.URLEncoder.encode(junk, StandardCharsets.UTF_8) + "/sub/v1.k.p.m/" + verdict))));
        Gen<String> methods = Generate.pick(List.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "POST", "TRACE"));
        qt().withExamples(EXAMPLES).withShrinkCycles(100)
                .forAll(methods, paths, bodies())
                .checkAssert((method, path, body) -> {
                    TRIED.incrementAndGet();
                    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                                    URI.create(raw.endpoint().toString().replaceAll("/$", "") + path))
                            .method(method, method.equals("GET") || method.equals("HEAD") || method.equals("TRACE")
                                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                    : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                            .timeout(Duration.ofSeconds(10)).build();
                    java.net.http.HttpResponse<String> response;
                    try {
                        response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                    } catch (java.io.IOException | InterruptedException failed) {
                        throw new AssertionError(method + " " + path + " got no answer", failed);
                    }
                    String context = method + " " + path + " -> " + response.statusCode() + " " + response.body();
                    assertThat(response.statusCode()).as(context).isLessThan(500);
                    assertThat(response.body()).as(context).doesNotContain(SECRET).doesNotContain("\tat ")
                            .doesNotContain("Exception:");
                });
    }

    private static Response send(String target, String contentType, byte[] body, int signing) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!contentType.isEmpty()) {
            headers.put("Content-Type", contentType.replaceAll("[\\r\\n]", ""));
        }
        if (!target.isEmpty()) {
            headers.put("X-Amz-Target", target.replaceAll("[^\\x20-\\x7e]", "?"));
        }
        Map<String, String> sent = switch (signing) {
            case 0 -> RawAwsJsonClient.signedHeaders(raw.endpoint(), new Signing(REGION, KEY, SECRET), headers, body);
            case 2 -> {
                headers.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + KEY + "/x, SignedHeaders=;;, Signature=zz");
                yield headers;
            }
            case 3 -> RawAwsJsonClient.signedHeaders(raw.endpoint(), new Signing(REGION, KEY, "wrong"), headers, body);
            default -> headers;
        };
        try {
            return raw.post(sent, body);
        } catch (IllegalArgumentException headerRefusedByTheClient) {
            // java.net.http refuses some header values outright; send without them
            Map<String, String> safe = new LinkedHashMap<>(sent);
            safe.remove("X-Amz-Target");
            safe.remove("Content-Type");
            return raw.post(safe, body);
        }
    }

    private static void assertDocumented(Response response, String target, byte[] body) {
        String context = "target " + target + ", body " + new String(body, StandardCharsets.UTF_8)
                + " -> " + response.status() + " " + response.body();
        assertThat(response.status()).as(context).isIn(200, 400, 404, 413);
        assertThat(response.header("x-amzn-RequestId")).as(context).isNotBlank();
        assertThat(response.body()).as(context).doesNotContain(SECRET).doesNotContain("\tat ")
                .doesNotContain("Exception:").doesNotContain("java.");
        if (response.status() != 200) {
            JsonObject error = new JsonObject(response.body());
            assertThat(error.getString("__type")).as(context).isIn(DOCUMENTED);
            assertThat(error.getString("message")).as(context).isNotNull();
            assertThat(response.header("x-amzn-ErrorType")).as(context).isEqualTo(error.getString("__type") + ":");
        }
    }
}
