package dev.authfeedback.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.authfeedback.conformance.GrpcDriver;
import dev.authfeedback.conformance.HttpDriver;
import dev.authfeedback.conformance.OperationDriver;
import dev.authfeedback.conformance.Views.EventView;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import dev.authfeedback.domain.port.in.AttributeInput;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The packaged jar as a user runs it: a separate process, the README's commands, SIGTERM. */
class ServerProcessIT {

    private ServerProcess server;
    private String address;
    private String grpcAddress;

    @BeforeEach
    void startJar() throws Exception {
        server = ServerProcess.start("--rate-limit-rps", "0"); // the load test must not be throttled
        address = server.httpAddress();
        grpcAddress = server.grpcAddress();
    }

    @AfterEach
    void killJar() throws InterruptedException {
        server.close();
    }

    private int stopWithSigterm() throws InterruptedException {
        return server.sigterm();
    }

    @Test
    void theReadmeFlowWorksThroughTheSdkAndSigtermExitsZero() throws Exception {
        try (HttpDriver driver = server.httpDriver()) {
            PoolView pool = driver.createUserPool("demo", "ENFORCED", "PLUS", List.of("email"), null);
            driver.adminCreateUser(pool.id(), "jane", List.of(new AttributeInput("email", "jane@example.com"),
                    new AttributeInput("email_verified", "true")), null);
            Recorded event = driver.recordAuthEvent(pool.id(), "jane", "SignIn", "Pass", null, null, null);
            driver.updateAuthEventFeedback(pool.id(), "jane@example.com", event.eventId(), event.feedbackToken(),
                    "Invalid");
            assertThat(onlyEvent(driver, pool).feedback().provider()).isEqualTo("User");
            driver.adminUpdateAuthEventFeedback(pool.id(), "jane", event.eventId(), "Valid");
            EventView listed = onlyEvent(driver, pool);
            assertThat(listed.feedback().value()).isEqualTo("Valid");
            assertThat(listed.feedback().provider()).isEqualTo("Admin");
        }
        assertThat(stopWithSigterm()).isZero();
    }

    @Test
    void theSameFlowWorksOverGrpcOnTheSameStore() throws Exception {
        String[] hostPort = grpcAddress.split(":");
        ManagedChannel channel = NettyChannelBuilder.forAddress(hostPort[0], Integer.parseInt(hostPort[1]))
                .usePlaintext().build();
        try (GrpcDriver grpc = new GrpcDriver(channel, ServerProcess.ADMIN_KEY, () -> { });
             HttpDriver http = server.httpDriver()) {
            PoolView pool = grpc.createUserPool("demo", "ENFORCED", "PLUS", null, null);
            grpc.adminCreateUser(pool.id(), "jane", List.of(), null);
            Recorded event = grpc.recordAuthEvent(pool.id(), "jane", "SignIn", null, null, null, null);
            grpc.updateAuthEventFeedback(pool.id(), "jane", event.eventId(), event.feedbackToken(), "Invalid");
            // what gRPC wrote, HTTP reads: one store behind both
            assertThat(onlyEvent(http, pool).feedback().value()).isEqualTo("Invalid");
        }
        assertThat(stopWithSigterm()).isZero();
    }

    private static EventView onlyEvent(OperationDriver driver, PoolView pool) {
        List<EventView> events = driver.adminListUserAuthEvents(pool.id(), "jane", null, null).items();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    void versionIsTheReleaseTheJarWasBuiltAs() throws Exception {
        for (String flag : List.of("--version", "-V")) {
            Process version = new ProcessBuilder("java", "-jar", System.getProperty("server.jar"), flag)
                    .redirectErrorStream(true).start();
            List<String> lines = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines().toList();
            assertThat(version.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(version.exitValue()).isZero();
            assertThat(lines.get(0)).isEqualTo("authfeedback-server " + System.getProperty("project.version"));
            assertThat(lines.get(1)).startsWith("Java 17");
        }
        // every jar of the build says which release it is
        Path root = Path.of(System.getProperty("readme")).toAbsolutePath().getParent();
        List<Path> jars = new ArrayList<>(List.of(Path.of(System.getProperty("server.jar"))));
        for (String module : List.of("domain", "adapter-inmemory", "adapter-postgres", "adapter-http-vertx",
                "adapter-grpc")) {
            jars.add(root.resolve(module).resolve("target").resolve("authfeedback-" + module + "-"
                    + System.getProperty("project.version") + ".jar"));
        }
        for (Path path : jars) {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(path.toFile())) {
                var manifest = jar.getManifest().getMainAttributes();
                assertThat(manifest.getValue("Implementation-Version")).as(path.toString())
                        .isEqualTo(System.getProperty("project.version"));
                // a module name of its own on the module path, the package it exports
                assertThat(manifest.getValue("Automatic-Module-Name")).as(path.toString())
                        .matches("dev\\.authfeedback\\.[a-z.]+");
                assertThat(java.lang.module.ModuleFinder.of(path).findAll()).singleElement()
                        .extracting(reference -> reference.descriptor().name())
                        .isEqualTo(manifest.getValue("Automatic-Module-Name"));
            }
        }
    }

    @Test
    void theReadmeQuickStartRunsAsPrinted() throws Exception {
        for (String tool : List.of("aws", "curl", "python3")) {
            assumeTrue(onPath(tool), tool + " is not installed: the SDK flow test covers the same steps");
        }
        // the only change: the port this test's server got instead of the default 9229
        String output = pasteIntoAnInteractiveShell(quickStart().replace("http://127.0.0.1:9229", "http://" + address));
        assertThat(output).contains("\"RiskDecision\": \"Block\"", "\"RiskLevel\": \"High\"",
                "\"EventResponse\": \"Fail\"", "\"EventAction\": \"BLOCK\"", "\"NewIpAddress\"", "\"NewNetwork\"",
                "\"NewCountry\"", "\"NewCity\"", "\"NewDevice\"", "\"NewTimezone\"");
        assertThat(output).contains("OutboxOnly to jane@example.com: Blocked sign-in attempt")
                .containsPattern("http://127\\.0\\.0\\.1:\\d+/feedback/[\\w-]+/[\\w-]+/[\\w-]+/[\\w.=-]+/valid")
                .containsPattern("http://127\\.0\\.0\\.1:\\d+/feedback/[\\w-]+/[\\w-]+/[\\w-]+/[\\w.=-]+/invalid");
        assertThat(output).contains("\"FeedbackValue\": \"Invalid\"").contains("\"Provider\": \"User\"");
        assertThat(output).contains("['ContextReportedInvalid']")
                .contains("{'RiskDecision': 'NoRisk'} ['ContextConfirmedValid']");
        // the last listing, after the confirmed sign-in: the judged event's feedback is now the admin's
        String last = output.substring(output.lastIndexOf("['ContextConfirmedValid']"));
        assertThat(last).contains("\"FeedbackValue\": \"Valid\"").contains("\"Provider\": \"Admin\"");
        assertThat(last).containsPattern("\\{\"KeyId\": \"[^\"]+\", \"PreviousKeyRetiresAt\": [0-9.]+\\}")
                .contains("the token of before the rotation still works");
        assertThat(output).contains("after: unset").doesNotContain("Traceback");
        assertThat(stopWithSigterm()).isZero();
    }

    /** A failing step stops the block with the server's message and leaves the shell it was pasted into. */
    @Test
    void theReadmeQuickStartFailsSafely() throws Exception {
        for (String tool : List.of("aws", "curl", "python3")) {
            assumeTrue(onPath(tool), tool + " is not installed");
        }
        String output = pasteIntoAnInteractiveShell(quickStart().replace("http://127.0.0.1:9229", "http://" + address)
                .replace("local-secret", "not-the-secret"));
        assertThat(output).contains("The request signature we calculated does not match")
                .doesNotContain("RiskDecision").doesNotContain("Traceback").contains("after: unset");
        assertThat(stopWithSigterm()).isZero();
    }

    private static String quickStart() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("readme")));
        String start = "<!-- quickstart:start -->";
        String block = readme.substring(readme.indexOf(start) + start.length(), readme.indexOf("<!-- quickstart:end -->"));
        return block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"));
    }

    /**
     * Runs {@code block} as typed into an interactive bash with no AWS settings of its own, then one
     * more line that shows whether the block changed the shell's credentials.
     */
    private static String pasteIntoAnInteractiveShell(String block) throws Exception {
        ProcessBuilder shell = new ProcessBuilder("bash", "--norc", "--noprofile", "-i").redirectErrorStream(true);
        shell.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        Process bash = shell.start();
        try (var stdin = bash.getOutputStream()) {
            stdin.write((block + "\necho \"after: ${AWS_ACCESS_KEY_ID:-unset}\"\nexit\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    @Test
    void sigtermLetsARequestInFlightFinish() throws Exception {
        String[] hostPort = address.split(":");
        String body = "{\"MaxResults\":5}";
        try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            out.write(("POST / HTTP/1.1\r\nHost: " + address + "\r\nContent-Type: application/x-amz-json-1.1\r\n"
                    + "X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + body.length() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the server has read the request's head: the request is in flight
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(in.readLine()).isEmpty();
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.sigterm();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitStopping(hostPort[0], Integer.parseInt(hostPort[1]));
            // the body arrives only now, after the server has begun to stop
            out.write(body.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // unsigned on purpose: the answer proves the request was read and answered to the end
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        }
    }

    /** Until a new connection is refused or told the server is not ready: SIGTERM has been taken. */
    private static void awaitStopping(String host, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(host, port)) {
                probe.setSoTimeout(5_000);
                probe.getOutputStream().write("GET /health/ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                String status = new BufferedReader(new InputStreamReader(probe.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                if (status == null || !status.startsWith("HTTP/1.1 200")) {
                    return;
                }
            } catch (IOException refusedOrReset) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server did not begin to stop within 20 s of SIGTERM");
    }

    @Test
    void sigtermUnderLoadAnswersEveryRequestItTookAndExitsZero() throws Exception {
        PoolView pool;
        try (HttpDriver setup = server.httpDriver()) {
            pool = setup.createUserPool("load", "ENFORCED", "PLUS", null, null);
            setup.adminCreateUser(pool.id(), "jane", List.of(), null);
        }
        List<String> acknowledged = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> wrongAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> writers = new java.util.ArrayList<>();
        for (int w = 0; w < 8; w++) {
            Thread writer = new Thread(() -> {
                try (HttpDriver driver = server.httpDriver()) {
                    while (true) {
                        try {
                            acknowledged.add(driver.recordAuthEvent(pool.id(), "jane", "SignIn", null, null, null, null)
                                    .eventId());
                        } catch (dev.authfeedback.conformance.ServiceError answered) {
                            wrongAnswers.add(answered.type() + ": " + answered.errorMessage());
                        } catch (RuntimeException connectionRefusedOrClosed) {
                            if (stopping.get()) {
                                return; // the server has stopped taking requests: expected after SIGTERM
                            }
                            wrongAnswers.add("before SIGTERM: " + connectionRefusedOrClosed);
                        }
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        // a reader: every listing it completes shows every write acknowledged before the listing began
        List<String> unseen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger completeListings = new java.util.concurrent.atomic.AtomicInteger();
        Thread reader = new Thread(() -> {
            try (HttpDriver driver = server.httpDriver()) {
                while (true) {
                    java.util.Set<String> before = new java.util.HashSet<>(acknowledged);
                    java.util.Set<String> listed = new java.util.HashSet<>();
                    try {
                        String next = null;
                        do {
                            var page = driver.adminListUserAuthEvents(pool.id(), "jane", 60, next);
                            page.items().forEach(event -> listed.add(event.eventId()));
                            next = page.nextToken();
                        } while (next != null);
                    } catch (RuntimeException serverGone) {
                        if (stopping.get()) {
                            return;
                        }
                        unseen.add("reader failed before SIGTERM: " + serverGone);
                        return;
                    }
                    before.removeAll(listed);
                    unseen.addAll(before);
                    completeListings.incrementAndGet();
                }
            }
        });
        reader.start();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (acknowledged.size() < 500 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int beforeSigterm = acknowledged.size();
        stopping.set(true);
        assertThat(stopWithSigterm()).isZero();
        for (Thread writer : writers) {
            writer.join(30_000);
            assertThat(writer.isAlive()).isFalse();
        }
        reader.join(30_000);
        assertThat(completeListings.get()).isPositive();
        assertThat(unseen).as("acknowledged writes missing from a later listing").isEmpty();
        assertThat(beforeSigterm).isGreaterThanOrEqualTo(500);
        // every request the server took was answered in full, with success: no 5xx, no error answers
        assertThat(wrongAnswers).isEmpty();
        assertThat(acknowledged).doesNotHaveDuplicates();
    }

    static boolean onPath(String tool) {
        try {
            Process which = new ProcessBuilder("bash", "-c", "command -v " + tool).start();
            InputStream ignored = which.getInputStream();
            ignored.readAllBytes();
            return which.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
