package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authfeedback.adapter.http.AwsJsonHttpServer;
import dev.authfeedback.adapter.http.HttpAdapterSettings;
import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.conformance.RawAwsJsonClient.Response;
import dev.authfeedback.conformance.RawAwsJsonClient.Signing;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import dev.authfeedback.domain.service.ServiceSettings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What only the HTTP transport has: SigV4, framework errors, the body limit, request ids, health and metrics. */
class HttpProtocolTest {

    private static final Vertx VERTX = Vertx.vertx();
    private static final String REGION = "eu-west-1";
    private static final String KEY = "AKIDPROTOCOL0000001";
    private static final String SECRET = "protocol-test-secret-000000000000000000";
    private static final String TARGET = "AWSCognitoIdentityProviderService.";
    private static final int BODY_LIMIT = 4096;

    private AwsJsonHttpServer server;
    private RawAwsJsonClient raw;

    @AfterAll
    static void closeVertx() {
        VERTX.close();
    }

    @BeforeEach
    void start() {
        restart(new HttpAdapterSettings("127.0.0.1", 0, BODY_LIMIT, REGION, Map.of(KEY, SECRET)));
    }

    private void restart(HttpAdapterSettings settings) {
        if (server != null) {
            server.stop(Duration.ZERO);
        }
        AuthEventFeedbackUseCases service = AuthEventFeedbackService.builder()
                .stores(InMemoryStores.create())
                .rateLimiter(new TokenBucketRateLimiter(RateLimits.unlimited()))
                .settings(new ServiceSettings(REGION, "123456789012", Duration.ofDays(7)))
                .build();
        server = new AwsJsonHttpServer(VERTX, service, settings);
        raw = new RawAwsJsonClient(URI.create("http://127.0.0.1:" + server.start() + "/"));
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ZERO);
    }

    private static Map<String, String> awsJsonHeaders(String operation) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-amz-json-1.1");
        headers.put("X-Amz-Target", TARGET + operation);
        return headers;
    }

    private Response signed(String operation, String body, Signing signing) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return raw.post(RawAwsJsonClient.signedHeaders(raw.endpoint(), signing, awsJsonHeaders(operation), bytes), bytes);
    }

    private Response signed(String operation, String body) {
        return signed(operation, body, new Signing(REGION, KEY, SECRET));
    }

    private static void assertError(Response response, int status, String type, String message) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("x-amzn-ErrorType")).isEqualTo(type + ":");
        assertThat(response.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(response.header("x-amzn-RequestId")).matches("[0-9a-f-]{36}");
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getString("__type")).isEqualTo(type);
        if (message != null) {
            assertThat(body.getString("message")).isEqualTo(message);
        }
    }

    private String createPool() {
        Response created = signed("CreateUserPool", "{\"PoolName\":\"p\",\"UserPoolTier\":\"PLUS\","
                + "\"UserPoolAddOns\":{\"AdvancedSecurityMode\":\"ENFORCED\"}}");
        assertThat(created.status()).isEqualTo(200);
        return new JsonObject(created.body()).getJsonObject("UserPool").getString("Id");
    }

    // ---- SigV4 ----------------------------------------------------------------------------------

    @Test
    void aCorrectSignatureIsAccepted() {
        Response response = signed("ListUserPools", "{\"MaxResults\":10}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getJsonArray("UserPools")).isEmpty();
    }

    @Test
    void anUnsignedRequestIsMissingTheAuthenticationToken() {
        Response response = raw.post(awsJsonHeaders("ListUserPools"), "{\"MaxResults\":10}".getBytes(StandardCharsets.UTF_8));
        assertError(response, 400, "MissingAuthenticationTokenException", "Request is missing Authentication Token");
    }

    @Test
    void anAuthorizationWithoutSignatureIsIncomplete() {
        Map<String, String> headers = awsJsonHeaders("ListUserPools");
        headers.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + KEY + "/20260101/eu-west-1/cognito-idp/aws4_request, "
                + "SignedHeaders=host;x-amz-date");
        headers.put("X-Amz-Date", "20260101T000000Z");
        assertError(raw.post(headers, "{}".getBytes(StandardCharsets.UTF_8)), 400, "IncompleteSignatureException",
                "Authorization header requires 'Signature' parameter.");
    }

    @Test
    void aCredentialOfOtherThanFivePartsEndingInAws4RequestIsIncomplete() {
        for (String credential : List.of(KEY + "/20260101/us-east-1/cognito-idp", KEY + "/20260101/us-east-1/cognito-idp/"
                + "aws4_request/extra", KEY + "/20260101/us-east-1/cognito-idp/aws4_other", KEY + "//us-east-1/cognito-idp")) {
            Map<String, String> headers = awsJsonHeaders("ListUserPools");
            headers.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + credential + ", SignedHeaders=host;x-amz-date, "
                    + "Signature=abc");
            headers.put("X-Amz-Date", "20260101T000000Z");
            assertError(raw.post(headers, "{}".getBytes(StandardCharsets.UTF_8)), 400, "IncompleteSignatureException",
                    "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
                            + credential + "'");
        }
    }

    @Test
    void anUnknownAccessKeyIsUnrecognized() {
        assertError(signed("ListUserPools", "{\"MaxResults\":1}", new Signing(REGION, "AKIDUNKNOWN", SECRET)),
                400, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    @Test
    void aWrongSecretIsASignatureMismatch() {
        assertError(signed("ListUserPools", "{\"MaxResults\":1}", new Signing(REGION, KEY, "not-the-secret")),
                400, "InvalidSignatureException", "The request signature we calculated does not match the signature "
                        + "you provided. Check your AWS Secret Access Key and signing method. Consult the service "
                        + "documentation for details.");
    }

    @Test
    void requestsSignedWithTwoKeysInTurnAreEachCheckedAgainstTheirOwnSecret() {
        restart(new HttpAdapterSettings("127.0.0.1", 0, BODY_LIMIT, REGION, Map.of(KEY, SECRET, "AKIDSECOND",
                "second-secret")));
        Signing first = new Signing(REGION, KEY, SECRET);
        Signing second = new Signing(REGION, "AKIDSECOND", "second-secret");
        for (int round = 0; round < 3; round++) {
            // the server keeps the last key's MAC: each switch must take the other key's
            assertThat(signed("ListUserPools", "{\"MaxResults\":1}", first).status()).isEqualTo(200);
            assertThat(signed("ListUserPools", "{\"MaxResults\":1}", second).status()).isEqualTo(200);
            assertError(signed("ListUserPools", "{\"MaxResults\":1}", new Signing(REGION, "AKIDSECOND", SECRET)),
                    400, "InvalidSignatureException", null);
            assertError(signed("ListUserPools", "{\"MaxResults\":1}", new Signing(REGION, KEY, "second-secret")),
                    400, "InvalidSignatureException", null);
        }
    }

    @Test
    void aSignatureForAnotherServiceOrRegionIsInvalid() {
        assertError(signed("ListUserPools", "{\"MaxResults\":1}",
                        new Signing(REGION, "cognito-identity", KEY, SECRET, Clock.systemUTC())),
                400, "InvalidSignatureException", "Credential should be scoped to correct service: 'cognito-idp'. ");
        assertError(signed("ListUserPools", "{\"MaxResults\":1}", new Signing("us-west-2", KEY, SECRET)),
                400, "InvalidSignatureException", "Credential should be scoped to a valid region. ");
    }

    @Test
    void aSignatureOlderOrNewerThanFifteenMinutesIsRefused() {
        Clock old = Clock.fixed(Instant.now().minus(Duration.ofMinutes(16)), ZoneOffset.UTC);
        Response expired = signed("ListUserPools", "{\"MaxResults\":1}", new Signing(REGION, "cognito-idp", KEY, SECRET, old));
        assertError(expired, 400, "InvalidSignatureException", null);
        assertThat(new JsonObject(expired.body()).getString("message"))
                .matches("Signature expired: \\d{8}T\\d{6}Z is now earlier than \\d{8}T\\d{6}Z "
                        + "\\(\\d{8}T\\d{6}Z - 15 min\\.\\)");
        Clock future = Clock.fixed(Instant.now().plus(Duration.ofMinutes(16)), ZoneOffset.UTC);
        Response early = signed("ListUserPools", "{\"MaxResults\":1}", new Signing(REGION, "cognito-idp", KEY, SECRET, future));
        assertThat(new JsonObject(early.body()).getString("message"))
                .matches("Signature not yet current: \\d{8}T\\d{6}Z is still later than \\d{8}T\\d{6}Z "
                        + "\\(\\d{8}T\\d{6}Z \\+ 15 min\\.\\)");
        Clock slightlyOff = Clock.fixed(Instant.now().minus(Duration.ofMinutes(14)), ZoneOffset.UTC);
        assertThat(signed("ListUserPools", "{\"MaxResults\":1}",
                new Signing(REGION, "cognito-idp", KEY, SECRET, slightlyOff)).status()).isEqualTo(200);
    }

    @Test
    void anAlteredBodyOrSignedHeaderBreaksTheSignature() {
        byte[] body = "{\"MaxResults\":1}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = RawAwsJsonClient.signedHeaders(raw.endpoint(), new Signing(REGION, KEY, SECRET),
                awsJsonHeaders("ListUserPools"), body);
        assertError(raw.post(headers, "{\"MaxResults\":2}".getBytes(StandardCharsets.UTF_8)), 400,
                "InvalidSignatureException", null);
        Map<String, String> retargeted = new LinkedHashMap<>(headers);
        retargeted.put("X-Amz-Target", TARGET + "DescribeUserPool");
        assertError(raw.post(retargeted, body), 400, "InvalidSignatureException", null);
        assertThat(raw.post(headers, body).status()).isEqualTo(200);
    }

    @Test
    void onlyTheSignatureItselfMatchesNotAPrefixAnExtensionOrItsUpperCase() {
        byte[] body = "{\"MaxResults\":1}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = RawAwsJsonClient.signedHeaders(raw.endpoint(), new Signing(REGION, KEY, SECRET),
                awsJsonHeaders("ListUserPools"), body);
        String authorization = headers.get("Authorization");
        String signature = authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
        String signed = authorization.substring(0, authorization.length() - signature.length());
        for (String altered : List.of(signature.substring(0, 63), signature + "0", signature.toUpperCase(Locale.ROOT),
                "")) {
            Map<String, String> withAltered = new LinkedHashMap<>(headers);
            withAltered.put("Authorization", signed + altered);
            assertThat(raw.post(withAltered, body).status()).as(altered).isEqualTo(400);
        }
        assertThat(raw.post(headers, body).status()).isEqualTo(200);
    }

    @Test
    void aSignedHeaderWithCharactersBeyondAsciiIsHashedAsItsBytesCame() throws IOException {
        byte[] body = "{\"MaxResults\":1}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> unsigned = awsJsonHeaders("ListUserPools");
        unsigned.put("X-Amz-Meta-Place", "Tromsø");
        Map<String, String> headers = RawAwsJsonClient.signedHeaders(raw.endpoint(), new Signing(REGION, KEY, SECRET),
                unsigned, body);
        assertThat(headers.get("Authorization")).contains("x-amz-meta-place");
        // by hand: the JDK's HTTP client would not send the header's UTF-8 bytes as they are
        assertThat(postWrittenByHand(headers, List.of(), body)).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void aSignedHeaderSentTwiceIsSignedAsItsValuesJoinedInTheOrderSent() throws IOException {
        byte[] body = "{\"MaxResults\":1}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> unsigned = awsJsonHeaders("ListUserPools");
        unsigned.put("X-Amz-Meta-Trail", "first,second"); // what the two headers below come to
        Map<String, String> headers = new LinkedHashMap<>(RawAwsJsonClient.signedHeaders(raw.endpoint(),
                new Signing(REGION, KEY, SECRET), unsigned, body));
        assertThat(headers.get("Authorization")).contains("x-amz-meta-trail");
        headers.remove("X-Amz-Meta-Trail");
        assertThat(postWrittenByHand(headers, List.of("X-Amz-Meta-Trail: first", "x-amz-meta-trail: second"), body))
                .startsWith("HTTP/1.1 200 ");
        assertThat(postWrittenByHand(headers, List.of("X-Amz-Meta-Trail: second", "X-Amz-Meta-Trail: first"), body))
                .startsWith("HTTP/1.1 400 ");
    }

    @Test
    void aClientThatOffersHttp2IsAnsweredOverHttp11() throws Exception {
        byte[] body = "{\"MaxResults\":1}".getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpClient http2 = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build();
        java.net.http.HttpClient.Version lastVersion = null;
        // the client offers an upgrade (h2c) with each request on plain HTTP: declined, each answered all the same
        for (int request = 0; request < 3; request++) {
            java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(raw.endpoint())
                    .timeout(Duration.ofSeconds(10)).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
            RawAwsJsonClient.signedHeaders(raw.endpoint(), new Signing(REGION, KEY, SECRET),
                    awsJsonHeaders("ListUserPools"), body).forEach(builder::header);
            java.net.http.HttpResponse<String> answer = http2.send(builder.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            lastVersion = answer.version();
        }
        assertThat(lastVersion).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
    }

    @Test
    void aWebSocketHandshakeIsRefusedAndTheServerKeepsServing() {
        java.net.URI webSocket = java.net.URI.create("ws://" + raw.endpoint().getAuthority() + "/");
        java.util.concurrent.CompletableFuture<java.net.http.WebSocket> opening = java.net.http.HttpClient
                .newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(webSocket, new java.net.http.WebSocket.Listener() { });
        assertThatThrownBy(() -> opening.get(10, java.util.concurrent.TimeUnit.SECONDS))
                .hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class)
                .satisfies(refused -> assertThat(((java.net.http.WebSocketHandshakeException) refused.getCause())
                        .getResponse().statusCode()).isEqualTo(404));
        assertThat(signed("ListUserPools", "{\"MaxResults\":1}").status()).isEqualTo(200);
    }

    /** Posts to the server over a socket of its own, as written here: the headers, then the lines given. */
    private String postWrittenByHand(Map<String, String> headers, List<String> moreHeaderLines, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\nHost: " + raw.endpoint().getAuthority() + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        moreHeaderLines.forEach(line -> head.append(line).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket(raw.endpoint().getHost(), raw.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(body);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void userFeedbackNeedsNoSignatureAndIgnoresOne() {
        String poolId = createPool();
        String body = "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"nobody\",\"EventId\":\"e1\","
                + "\"FeedbackToken\":\"abc\",\"FeedbackValue\":\"Valid\"}";
        assertError(raw.post(awsJsonHeaders("UpdateAuthEventFeedback"), body.getBytes(StandardCharsets.UTF_8)),
                400, "NotAuthorizedException", "The feedback token is not valid.");
        // old SDKs sign it with whatever credentials they hold: the signature is not what authorizes
        assertError(signed("UpdateAuthEventFeedback", body, new Signing(REGION, "AKIDELSEWHERE", "other")),
                400, "NotAuthorizedException", "The feedback token is not valid.");
    }

    // ---- framework errors -----------------------------------------------------------------------

    @Test
    void unknownOrMissingTargetIsUnknownOperation() {
        assertError(signed("DeleteEverything", "{}"), 400, "UnknownOperationException",
                "Operation DeleteEverything is not supported.");
        assertError(signed("ListUsers", "{}"), 400, "UnknownOperationException", "Operation ListUsers is not supported.");
        Map<String, String> headers = awsJsonHeaders("ListUserPools");
        headers.remove("X-Amz-Target");
        assertError(raw.post(headers, new byte[0]), 400, "UnknownOperationException", "Missing X-Amz-Target header.");
        // what is not a plain operation name is not echoed back
        for (String target : new String[] {"ListUsers", "AWSCognitoIdentityProviderService.List<b>Users",
                "AWSCognitoIdentityProviderService.", ".ListUsers", "x." + "A".repeat(65)}) {
            Map<String, String> odd = awsJsonHeaders("ListUserPools");
            odd.put("X-Amz-Target", target);
            assertError(raw.post(odd, new byte[0]), 400, "UnknownOperationException", "Unknown X-Amz-Target.");
        }
    }

    @Test
    void malformedJsonAndWrongTypesAreSerializationErrors() {
        assertError(signed("ListUserPools", "{\"MaxResults\":"), 400, "SerializationException",
                "The request body is not valid JSON.");
        assertError(signed("ListUserPools", "[1,2]"), 400, "SerializationException",
                "The request body must be a JSON object.");
        assertError(signed("ListUserPools", "{\"MaxResults\":\"ten\"}"), 400, "SerializationException",
                "Member 'MaxResults' must be an integer.");
        assertError(signed("ListUserPools", "{\"MaxResults\":1.5}"), 400, "SerializationException",
                "Member 'MaxResults' must be an integer.");
        assertError(signed("ListUserPools", "{\"MaxResults\":99999999999}"), 400, "SerializationException",
                "Member 'MaxResults' must be an integer.");
        assertError(signed("CreateUserPool", "{\"PoolName\":\"p\",\"UserPoolAddOns\":\"ENFORCED\"}"), 400,
                "SerializationException", "Member 'UserPoolAddOns' must be an object.");
        assertError(signed("CreateUserPool", "{\"PoolName\":\"p\",\"UserPoolAddOns\":{\"AdvancedSecurityMode\":1}}"),
                400, "SerializationException", "Member 'UserPoolAddOns.AdvancedSecurityMode' must be a string.");
        assertError(signed("ListUserPools", "{\"MaxResults\":1,\"MaxResults\":2}"), 400, "SerializationException",
                "The request body is not valid JSON.");
        assertError(signed("ListUserPools", "{\"MaxResults\":null,\"MaxResults\":2}"), 400,
                "SerializationException", "The request body is not valid JSON.");
        assertError(signed("CreateUserPool", "{\"PoolName\":\"p\",\"UserPoolAddOns\":{\"AdvancedSecurityMode\":"
                + "\"AUDIT\",\"AdvancedSecurityMode\":\"OFF\"}}"), 400, "SerializationException",
                "The request body is not valid JSON.");
        assertError(signed("ListUserPools", "{\"MaxResults\":1} {}"), 400, "SerializationException",
                "Unexpected content after the JSON object.");
        assertError(signed("ListUserPools", "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}"), 400,
                "SerializationException", null);
    }

    @Test
    void anEmptyBodyIsAnEmptyObject() {
        assertError(signed("DescribeUserPool", ""), 400, "InvalidParameterException",
                "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void aWrongContentTypeIsRefused() {
        byte[] body = "{\"MaxResults\":1}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = awsJsonHeaders("ListUserPools");
        headers.put("Content-Type", "text/plain");
        assertError(raw.post(RawAwsJsonClient.signedHeaders(raw.endpoint(), new Signing(REGION, KEY, SECRET), headers, body),
                body), 400, "SerializationException", "Content-Type must be application/x-amz-json-1.1.");
    }

    @Test
    void theContentTypeIsReadInAnyCaseWithParametersAndSurroundingSpace() {
        byte[] body = "{\"MaxResults\":1}".getBytes(StandardCharsets.UTF_8);
        for (String contentType : List.of(" Application/X-Amz-Json-1.1 ; charset=UTF-8", "APPLICATION/X-AMZ-JSON-1.0")) {
            Map<String, String> headers = awsJsonHeaders("ListUserPools");
            headers.put("Content-Type", contentType);
            assertThat(raw.post(RawAwsJsonClient.signedHeaders(raw.endpoint(), new Signing(REGION, KEY, SECRET), headers,
                    body), body).status()).as(contentType).isEqualTo(200);
        }
    }

    @Test
    void aBodyOverTheLimitIs413WithAJsonError() {
        String big = "{\"PoolName\":\"" + "x".repeat(BODY_LIMIT) + "\"}";
        assertError(signed("CreateUserPool", big), 413, "RequestEntityTooLargeException",
                "The request body exceeds the limit of " + BODY_LIMIT + " bytes.");
        assertThat(signed("ListUserPools", "{\"MaxResults\":1}").status()).isEqualTo(200);
    }

    @Test
    void aChunkedBodyThatGrowsOverTheLimitIs413AndTheServerKeepsServing() {
        byte[] big = ("{\"PoolName\":\"" + "x".repeat(BODY_LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpRequest.Builder chunked = java.net.http.HttpRequest.newBuilder(raw.endpoint())
                .timeout(Duration.ofSeconds(10))
                // no declared length: the body arrives chunked, and only counting it finds it too large
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)));
        awsJsonHeaders("CreateUserPool").forEach(chunked::header);
        assertError(raw.send(chunked.build()), 413, "RequestEntityTooLargeException",
                "The request body exceeds the limit of " + BODY_LIMIT + " bytes.");
        assertThat(signed("ListUserPools", "{\"MaxResults\":1}").status()).isEqualTo(200);
    }

    @Test
    void aClientThatExpectsContinueGetsItOnceTheHeadPassesAndNotWhenTheBodyIsTooLarge() throws Exception {
        try (java.net.Socket socket = new java.net.Socket(raw.endpoint().getHost(), raw.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String head = "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.1\r\n"
                    + "X-Amz-Target: " + TARGET + "ListUserPools\r\nExpect: 100-continue\r\nContent-Length: ";
            socket.getOutputStream().write((head + "2\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(in.readLine()).isEmpty();
            socket.getOutputStream().write("{}".getBytes(StandardCharsets.US_ASCII));
            // unsigned: the answer shows the body was read and the request served to the end
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 400 Bad Request");
        }
        try (java.net.Socket socket = new java.net.Socket(raw.endpoint().getHost(), raw.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.1\r\n"
                    + "X-Amz-Target: " + TARGET + "ListUserPools\r\nExpect: 100-continue\r\nContent-Length: "
                    + (BODY_LIMIT + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        }
    }

    @Test
    void aSignedBodyThatArrivesInManyChunksIsReadWhole() {
        // a valid request padded to many times what one read brings (at most 64 KiB): every chunk kept, in order
        restart(new HttpAdapterSettings("127.0.0.1", 0, 1_000_000, REGION, Map.of(KEY, SECRET)));
        byte[] body = ("{\"MaxResults\":1" + " ".repeat(500_000) + "}").getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpRequest.Builder chunked = java.net.http.HttpRequest.newBuilder(raw.endpoint())
                .timeout(Duration.ofSeconds(10))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
        RawAwsJsonClient.signedHeaders(raw.endpoint(), new Signing(REGION, KEY, SECRET), awsJsonHeaders("ListUserPools"),
                body).forEach(chunked::header);
        assertThat(raw.send(chunked.build()).status()).isEqualTo(200);
    }

    @Test
    void aMalformedContentLengthIsASerializationError() throws Exception {
        try (java.net.Socket socket = new java.net.Socket(raw.endpoint().getHost(), raw.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.1\r\n"
                    + "X-Amz-Target: " + TARGET + "ListUserPools\r\nContent-Length: 12abc\r\n\r\n{}")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 400");
        }
    }

    @Test
    void connectionsAreSpreadOverTheConfiguredEventLoopsAndEachIsServed() {
        restart(new HttpAdapterSettings("127.0.0.1", 0, BODY_LIMIT, REGION, Map.of(KEY, SECRET)).withEventLoops(3));
        assertThat(server.eventLoops()).isEqualTo(3);
        for (int connection = 0; connection < 6; connection++) {
            RawAwsJsonClient fresh = new RawAwsJsonClient(raw.endpoint()); // a client of its own: a new connection
            byte[] body = "{\"MaxResults\":1}".getBytes(StandardCharsets.UTF_8);
            assertThat(fresh.post(RawAwsJsonClient.signedHeaders(raw.endpoint(), new Signing(REGION, KEY, SECRET),
                    awsJsonHeaders("ListUserPools"), body), body).status()).isEqualTo(200);
        }
        assertThat(new HttpAdapterSettings("127.0.0.1", 0, BODY_LIMIT, REGION, Map.of(KEY, SECRET)).eventLoopCount())
                .as("0 means one per core").isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void otherPathsAndMethodsAreUnknown() {
        assertError(raw.get("/nothing-here"), 404, "UnknownOperationException", "No operation at GET /nothing-here.");
    }

    // ---- request ids, health, metrics -----------------------------------------------------------

    @Test
    void everyAnswerCarriesItsOwnRequestId() {
        Response first = signed("ListUserPools", "{\"MaxResults\":1}");
        Response second = signed("ListUserPools", "{\"MaxResults\":0}");
        Response health = raw.get("/health");
        assertThat(first.header("x-amzn-RequestId")).matches("[0-9a-f-]{36}");
        assertThat(second.header("x-amzn-RequestId")).matches("[0-9a-f-]{36}").isNotEqualTo(first.header("x-amzn-RequestId"));
        assertThat(health.header("x-amzn-RequestId")).matches("[0-9a-f-]{36}");
    }

    @Test
    void healthSaysUpWhileServing() {
        for (String path : new String[] {"/health", "/health/ready", "/health/live"}) {
            Response response = raw.get(path);
            assertThat(response.status()).isEqualTo(200);
            assertThat(new JsonObject(response.body()).getString("status")).isEqualTo("UP");
        }
    }

    @Test
    void metricsCountRequestsByOperationAndOutcomeWithLatencyHistograms() {
        signed("ListUserPools", "{\"MaxResults\":1}");
        signed("ListUserPools", "{\"MaxResults\":100}");
        signed("DescribeUserPool", "{\"UserPoolId\":\"eu-west-1_nothing\"}");
        Response metrics = raw.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("authfeedback_requests_total{operation=\"ListUserPools\",outcome=\"success\"} 1.0")
                .contains("authfeedback_requests_total{operation=\"ListUserPools\",outcome=\"InvalidParameterException\"} 1.0")
                .contains("authfeedback_requests_total{operation=\"DescribeUserPool\",outcome=\"ResourceNotFoundException\"} 1.0")
                .contains("authfeedback_request_duration_seconds_bucket{operation=\"ListUserPools\"")
                .doesNotContain(SECRET);
    }
}
