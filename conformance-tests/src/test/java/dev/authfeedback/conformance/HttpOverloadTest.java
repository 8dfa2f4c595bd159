package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authfeedback.adapter.http.AwsJsonHttpServer;
import dev.authfeedback.adapter.http.HttpAdapterSettings;
import dev.authfeedback.adapter.http.HttpAdapterSettings.ConnectionLimits;
import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Slow and idle clients are cut off by timeouts while others are served; the connection limit holds. */
class HttpOverloadTest {

    private static final Vertx VERTX = Vertx.vertx();
    private AwsJsonHttpServer server;
    private HttpDriver client;

    @AfterAll
    static void closeVertx() {
        VERTX.close();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.stop(Duration.ZERO);
    }

    private void start(ConnectionLimits limits) {
        AuthEventFeedbackUseCases service = AuthEventFeedbackService.builder().stores(InMemoryStores.create())
                .rateLimiter(new TokenBucketRateLimiter(RateLimits.unlimited())).build();
        server = new AwsJsonHttpServer(VERTX, service, new HttpAdapterSettings("127.0.0.1", 0,
                HttpAdapterSettings.DEFAULT_MAX_BODY_BYTES, "us-east-1",
                Map.of(HttpDriver.ACCESS_KEY_ID, HttpDriver.SECRET), limits));
        int port = server.start();
        client = new HttpDriver(URI.create("http://127.0.0.1:" + port + "/"), "us-east-1", HttpDriver.ACCESS_KEY_ID,
                HttpDriver.SECRET, () -> { });
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Milliseconds until the server closes the connection (read sees the end of the stream). */
    private static long millisUntilClosed(Socket socket) throws IOException {
        long started = System.nanoTime();
        InputStream in = socket.getInputStream();
        try {
            while (in.read() != -1) {
                // drain whatever the server answers before it closes
            }
        } catch (SocketTimeoutException stillOpen) {
            return Long.MAX_VALUE;
        } catch (IOException reset) {
            // closed with a reset: closed all the same
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** What the server sent before it closed the connection; empty if it is still open at the read timeout. */
    private static Optional<String> answerBeforeClose(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != -1; b = in.read()) {
                answer.write(b);
            }
        } catch (SocketTimeoutException stillOpen) {
            return Optional.empty();
        } catch (IOException reset) {
            // closed with a reset: closed all the same
        }
        return Optional.of(answer.toString(StandardCharsets.US_ASCII));
    }

    private void awaitOpenConnections(java.util.function.IntPredicate condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.test(server.openConnections()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.test(server.openConnections())).as("open connections: " + server.openConnections())
                .isTrue();
    }

    /** Writes a byte every 150 ms, never idle and never done, until the server cuts the connection. */
    private static long trickleUntilCut(OutputStream out, char filler) throws InterruptedException {
        long started = System.nanoTime();
        try {
            while (System.nanoTime() - started < Duration.ofSeconds(10).toNanos()) {
                Thread.sleep(150);
                out.write(filler);
                out.flush();
            }
            return Long.MAX_VALUE;
        } catch (IOException cut) {
            return (System.nanoTime() - started) / 1_000_000;
        }
    }

    @Test
    void slowHeadersSlowBodiesAndIdleClientsAreCutOffWhileOthersAreServed() throws Exception {
        start(new ConnectionLimits(100, Duration.ofMillis(1500), Duration.ofMillis(1000)));
        try (Socket idle = connect(); Socket slowHeaders = connect(); Socket slowBody = connect()) {
            OutputStream headers = slowHeaders.getOutputStream();
            headers.write("POST / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            OutputStream body = slowBody.getOutputStream();
            body.write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.1\r\n"
                    + "X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools\r\nContent-Length: 100\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            // others are served meanwhile
            assertThat(client.listUserPools(10, null).items()).isEmpty();
            assertThat(trickleUntilCut(headers, 'X')).as("slow headers cut off").isLessThan(5_000);
            assertThat(trickleUntilCut(body, ' ')).as("slow body cut off").isLessThan(5_000);
            assertThat(millisUntilClosed(slowHeaders)).isLessThan(5_000);
            assertThat(millisUntilClosed(slowBody)).isLessThan(5_000);
            assertThat(millisUntilClosed(idle)).as("idle connection closed").isLessThan(5_000);
        }
        assertThat(client.listUserPools(10, null).items()).isEmpty();
    }

    @Test
    void aConnectionWithNoRequestInFlightForTheIdleTimeoutIsClosedAndOnlyThen() throws Exception {
        start(new ConnectionLimits(100, Duration.ofMillis(800), Duration.ofSeconds(5)));
        byte[] health = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (Socket idle = connect()) {
            idle.getOutputStream().write(health);
            assertThat(readAnswer(idle)).startsWith("HTTP/1.1 200 ");
            long answered = System.nanoTime();
            assertThat(millisUntilClosed(idle)).isLessThan(5_000);
            // the server's idle clock may start a few milliseconds before this thread has read the answer
            assertThat((System.nanoTime() - answered) / 1_000_000).as("closed after the idle timeout, not before")
                    .isGreaterThanOrEqualTo(700);
        }
        try (Socket used = connect()) {
            // a request every 300 ms for three idle timeouts: never idle that long, never closed
            for (int request = 0; request < 8; request++) {
                used.getOutputStream().write(health);
                assertThat(readAnswer(used)).as("request %d", request).startsWith("HTTP/1.1 200 ");
                Thread.sleep(300);
            }
        }
        try (Socket slowBody = connect()) {
            // a body that takes twice the idle timeout to arrive: its request is in flight all along
            slowBody.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.1\r\n"
                    + "X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools\r\nContent-Length: 10\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 8; i++) {
                Thread.sleep(200);
                slowBody.getOutputStream().write(' ');
            }
            slowBody.getOutputStream().write('}');
            // answered (unsigned, so refused), not cut off
            assertThat(readAnswer(slowBody)).startsWith("HTTP/1.1 400 ");
        }
    }

    @Test
    void pipelinedRequestsAreAllAnsweredAndLeaveTheirConnectionIdle() throws Exception {
        start(new ConnectionLimits(100, Duration.ofMillis(800), Duration.ofSeconds(5)));
        String health = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
        try (Socket pipelining = connect()) {
            pipelining.getOutputStream().write((health + health + health).getBytes(StandardCharsets.US_ASCII));
            for (int answer = 0; answer < 3; answer++) {
                assertThat(readAnswer(pipelining)).as("answer %d", answer).startsWith("HTTP/1.1 200 ");
            }
            // none of them is counted as in flight any more: closed as idle, long before the request timeout
            assertThat(millisUntilClosed(pipelining)).isLessThan(3_000);
        }
    }

    /** One answer's head and body, read by its Content-Length. */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("closed after " + head.toString(StandardCharsets.US_ASCII));
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return text + new String(in.readNBytes(bodyLength), StandardCharsets.US_ASCII);
    }

    @Test
    void connectionsOverTheLimitAreClosedAtOnce() throws Exception {
        start(new ConnectionLimits(4, Duration.ofSeconds(30), Duration.ofSeconds(30)));
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Socket socket = connect();
                // a client that keeps its connection after a request
                socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                held.add(socket);
            }
            awaitOpenConnections(open -> open == 4);
            try (Socket oneTooMany = connect()) {
                oneTooMany.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                // closed long before the 30 s idle timeout (the read gives up at 10 s), and never served
                assertThat(answerBeforeClose(oneTooMany)).contains("");
            }
            held.remove(0).close();
            awaitOpenConnections(open -> open < 4);
            // a place is free again: a client gets in and is served
            assertThat(client.listUserPools(10, null).items()).isEmpty();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
