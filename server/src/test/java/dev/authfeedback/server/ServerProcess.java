package dev.authfeedback.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authfeedback.conformance.HttpDriver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server jar in a process of its own, as a user starts it: listening once it prints its
 * listening line, ready once it prints its ready line.
 */
final class ServerProcess implements AutoCloseable {

    static final String KEY = "AKIDLOCAL";
    static final String SECRET = "local-secret";
    static final String ADMIN_KEY = "local-admin-key";

    private final Process process;
    private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final String httpAddress;
    private final String grpcAddress;

    private ServerProcess(List<String> extraArgs) throws Exception {
        Path jar = Path.of(System.getProperty("server.jar"));
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString(), "--http-port", "0",
                "--grpc-port", "0", "--credentials", KEY + ":" + SECRET, "--grpc-admin-keys", ADMIN_KEY));
        command.addAll(extraArgs);
        process = new ProcessBuilder(command).start();
        // the log lines, kept for assertions and passed on to the test's own output
        Thread logs = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    stderr.add(line);
                    System.err.println(line);
                }
            } catch (IOException ended) {
                // the process is gone
            }
        }, "server-stderr");
        logs.setDaemon(true);
        logs.start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    stdout.add(line);
                    if (line.startsWith("listening ")) {
                        listening.complete(line.substring("listening ".length()));
                    }
                    if (line.startsWith("ready ")) {
                        ready.complete(line.substring("ready ".length()));
                    }
                }
                listening.complete(null);
                ready.complete(null);
            } catch (IOException e) {
                listening.completeExceptionally(e);
                ready.completeExceptionally(e);
            }
        }, "server-stdout");
        pump.setDaemon(true);
        pump.start();
        String endpoints = listening.get(60, TimeUnit.SECONDS);
        assertThat(endpoints).as("listening line in %s", stdout)
                .matches("http=127\\.0\\.0\\.1:\\d+ grpc=127\\.0\\.0\\.1:\\d+");
        httpAddress = endpoints.split(" ")[0].substring("http=".length());
        grpcAddress = endpoints.split(" ")[1].substring("grpc=".length());
    }

    /** Started and ready: its store can serve. */
    static ServerProcess start(String... extraArgs) throws Exception {
        ServerProcess server = new ServerProcess(List.of(extraArgs));
        server.awaitReady(Duration.ofSeconds(60));
        return server;
    }

    /** Started and listening, whether or not its store can serve yet. */
    static ServerProcess listening(String... extraArgs) throws Exception {
        return new ServerProcess(List.of(extraArgs));
    }

    /** Waits for the ready line; fails if it does not come within {@code limit}. */
    void awaitReady(Duration limit) throws Exception {
        assertThat(ready.get(limit.toMillis(), TimeUnit.MILLISECONDS)).as("ready line in %s", stdout)
                .isEqualTo("http=" + httpAddress + " grpc=" + grpcAddress);
    }

    String httpAddress() {
        return httpAddress;
    }

    String grpcAddress() {
        return grpcAddress;
    }

    List<String> stdout() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    /** The log lines so far. */
    List<String> stderr() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    HttpDriver httpDriver() {
        return new HttpDriver(URI.create("http://" + httpAddress), "us-east-1", KEY, SECRET, () -> { });
    }

    /** SIGTERM, then the exit code. */
    int sigterm() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
        return process.exitValue();
    }

    /** SIGKILL: no shutdown of any kind. */
    void sigkill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
