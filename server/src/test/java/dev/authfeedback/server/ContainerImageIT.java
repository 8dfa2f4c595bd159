package dev.authfeedback.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authfeedback.conformance.HttpDriver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCI image tarball the build makes: its configuration, and its entrypoint run from its own
 * unpacked layers to the ready line. As root, that runs in a chroot of the layers with a process
 * and mount namespace of its own, as the image's user, as a container runtime would; otherwise
 * with the layers' JVM and classpath on this machine's libraries.
 */
class ContainerImageIT {

    private static final boolean ROOT = "0".equals(System.getenv().getOrDefault("EUID", uid()));

    @Test
    void theImageIsConfiguredAsDocumentedAndItsEntrypointServes(@TempDir Path work) throws Exception {
        Path image = Path.of(System.getProperty("image.tar"));
        assertThat(image).exists();
        Path layout = Files.createDirectories(work.resolve("layout"));
        run(List.of("tar", "-xf", image.toString(), "-C", layout.toString()));
        JsonObject index = json(layout.resolve("index.json"));
        JsonObject manifest = json(blob(layout, index.getJsonArray("manifests").getJsonObject(0).getString("digest")));
        JsonObject config = json(blob(layout, manifest.getJsonObject("config").getString("digest")));
        JsonObject container = config.getJsonObject("config");

        List<String> entrypoint = strings(container.getJsonArray("Entrypoint"));
        assertThat(entrypoint).containsExactly("java", "-XX:MaxRAMPercentage=75", "-cp", "@/app/jib-classpath-file",
                "dev.authfeedback.server.AuthFeedbackServer");
        assertThat(container.getString("User")).isEqualTo("10001:10001");
        assertThat(container.getJsonObject("ExposedPorts").fieldNames()).containsExactlyInAnyOrder("9229/tcp", "9230/tcp");
        List<String> environment = strings(container.getJsonArray("Env"));
        assertThat(environment).contains("AUTHFEEDBACK_HOST=0.0.0.0", "JAVA_HOME=/opt/java")
                .anyMatch(variable -> variable.startsWith("PATH=/opt/java/bin"));
        JsonObject labels = container.getJsonObject("Labels");
        assertThat(labels.getString("org.opencontainers.image.version")).isEqualTo(System.getProperty("project.version"));
        assertThat(labels.getString("org.opencontainers.image.licenses")).isEqualTo("Apache-2.0");
        assertThat(labels.getString("org.opencontainers.image.title")).isEqualTo("authfeedback-server");
        String healthCheck = labels.getString("dev.authfeedback.healthcheck");
        assertThat(healthCheck).endsWith("--health-check");

        Path root = Files.createDirectories(work.resolve("root"));
        for (Object layer : manifest.getJsonArray("layers")) {
            run(List.of("tar", "-xzf", blob(layout, ((JsonObject) layer).getString("digest")).toString(),
                    "-C", root.toString()));
        }
        assertThat(root.resolve("opt/java/bin/java")).isExecutable();
        assertThat(Files.readString(root.resolve("etc/passwd"))).contains("authfeedback:x:10001:10001:");

        int httpPort = freePort();
        int grpcPort = freePort();
        Map<String, String> settings = Map.of("AUTHFEEDBACK_HTTP_PORT", String.valueOf(httpPort),
                "AUTHFEEDBACK_GRPC_PORT", String.valueOf(grpcPort),
                "AUTHFEEDBACK_CREDENTIALS", ServerProcess.KEY + ":" + ServerProcess.SECRET,
                "AUTHFEEDBACK_GRPC_ADMIN_KEYS", ServerProcess.ADMIN_KEY);
        ProcessBuilder server = inContainer(root, entrypoint, environment, settings);
        long started = System.nanoTime();
        Process process = server.redirectErrorStream(true).start();
        try {
            List<String> output = new ArrayList<>();
            String ready = awaitLine(process, output, "ready ");
            long readyMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("image entrypoint " + (ROOT ? "in a chroot" : "with the layers' JVM") + ": ready in "
                    + readyMillis + " ms");
            assertThat(ready).as("output: %s", output)
                    .isEqualTo("ready http=0.0.0.0:" + httpPort + " grpc=0.0.0.0:" + grpcPort);
            try (HttpDriver driver = new HttpDriver(URI.create("http://127.0.0.1:" + httpPort), "us-east-1",
                    ServerProcess.KEY, ServerProcess.SECRET, () -> { })) {
                assertThat(driver.createUserPool("in-a-container", null, null, null, null).id()).startsWith("us-east-1_");
            }
            if (ROOT) {
                assertThat(uid(javaFromTheImage())).as("runs as the image's user").isEqualTo("10001");
            }
            List<String> check = new ArrayList<>(List.of(healthCheck.split(" ")));
            Process probe = inContainer(root, check, environment, settings).redirectErrorStream(true).start();
            String said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(probe.exitValue()).as("health check: %s", said).isZero();
            // SIGTERM to the JVM, as a runtime's stop sends it to the container's first process
            // (unshare itself passes no signal on)
            ProcessHandle java = ROOT ? ProcessHandle.of(javaFromTheImage()).orElseThrow() : process.toHandle();
            assertThat(java.destroy()).isTrue();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            if (ROOT) {
                ProcessHandle.allProcesses().filter(ContainerImageIT::startedFromTheImage).forEach(ProcessHandle::destroyForcibly);
            }
            process.destroyForcibly();
        }
    }

    /**
     * The image's command as a runtime starts it: the image's environment and the given settings,
     * nothing of this process's own.
     */
    private static ProcessBuilder inContainer(Path root, List<String> command, List<String> imageEnvironment,
                                              Map<String, String> settings) throws IOException {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child=SIGTERM", "sh", "-c",
                    "mount -t proc proc \"$0/proc\" && mount --rbind /dev \"$0/dev\" && "
                            + "exec chroot --userspec=10001:10001 \"$0\" \"$@\"", root.toString()));
            full.addAll(command);
        } else {
            // the layers' JVM and classpath, by their paths on this machine
            Path classpath = Files.createTempFile("jib-classpath", ".txt");
            Files.writeString(classpath, Files.readString(root.resolve("app/jib-classpath-file"))
                    .replace("/app/", root + "/app/"));
            full.add(root.resolve("opt/java/bin/java").toString());
            for (String argument : command.subList(1, command.size())) {
                full.add(argument.equals("@/app/jib-classpath-file") ? "@" + classpath : argument);
            }
        }
        ProcessBuilder builder = new ProcessBuilder(full);
        builder.environment().clear();
        for (String variable : imageEnvironment) {
            int equals = variable.indexOf('=');
            builder.environment().put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        if (ROOT) {
            // unshare, sh and chroot come from this machine; the command itself from the image
            builder.environment().put("PATH", builder.environment().get("PATH") + ":/usr/sbin:/usr/bin:/sbin:/bin");
        }
        builder.environment().putAll(settings);
        return builder;
    }

    private static String awaitLine(Process process, List<String> output, String prefix) throws Exception {
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String next = lines.readLine(); next != null; next = lines.readLine()) {
                    output.add(next);
                    if (next.startsWith(prefix)) {
                        line.complete(next);
                    }
                }
                line.complete(null);
            } catch (IOException ended) {
                line.complete(null);
            }
        }, "image-output");
        reader.setDaemon(true);
        reader.start();
        return line.get(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The server's JVM started from the image (not a health check), by its host pid. */
    private static long javaFromTheImage() {
        return ProcessHandle.allProcesses().filter(ContainerImageIT::startedFromTheImage)
                .filter(process -> !process.info().arguments().map(List::of).orElse(List.of()).contains("--health-check"))
                .findFirst().orElseThrow(() -> new AssertionError("no java process from the image")).pid();
    }

    private static boolean startedFromTheImage(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/java")).orElse(false)
                && process.info().arguments().map(List::of).orElse(List.of()).contains("@/app/jib-classpath-file");
    }

    private static String uid(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    private static JsonObject json(Path file) throws IOException {
        return new JsonObject(Files.readString(file));
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(String::valueOf).toList();
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String uid() {
        try {
            Process id = new ProcessBuilder("id", "-u").start();
            return new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException unknown) {
            return "unknown";
        }
    }
}
