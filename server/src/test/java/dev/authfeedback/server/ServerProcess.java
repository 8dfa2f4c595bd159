package dev.authfeedback.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authfeedback.conformance.HttpDriver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The packaged server jar in a process of its own, as a user starts it; ready once it prints its ready line. */
final class ServerProcess implements AutoCloseable {

    static final String KEY = "AKIDLOCAL";
    static final String SECRET = "local-secret";
    static final String ADMIN_KEY = "local-admin-key";

    private final Process process;
    private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    private final String httpAddress;
    private final String grpcAddress;

    private ServerProcess(List<String> extraArgs) throws Exception {
        Path jar = Path.of(System.getProperty("server.jar"));
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString(), "--http-port", "0",
                "--grpc-port", "0", "--credentials", KEY + ":" + SECRET, "--grpc-admin-keys", ADMIN_KEY));
        command.addAll(extraArgs);
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    stdout.add(line);
                    if (line.startsWith("ready ")) {
                        ready.complete(line.substring("ready ".length()));
                    }
                }
                ready.complete(null);
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        }, "server-stdout");
        pump.setDaemon(true);
        pump.start();
        String endpoints = ready.get(60, TimeUnit.SECONDS);
        assertThat(endpoints).as("ready line in %s", stdout)
                .matches("http=127\\.0\\.0\\.1:\\d+ grpc=127\\.0\\.0\\.1:\\d+");
        httpAddress = endpoints.split(" ")[0].substring("http=".length());
        grpcAddress = endpoints.split(" ")[1].substring("grpc=".length());
    }

    static ServerProcess start(String... extraArgs) throws Exception {
        return new ServerProcess(List.of(extraArgs));
    }

    String httpAddress() {
        return httpAddress;
    }

    String grpcAddress() {
        return grpcAddress;
    }

    List<String> stdout() {
        return List.copyOf(stdout);
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
