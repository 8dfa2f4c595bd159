package dev.authfeedback.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import dev.authfeedback.conformance.GrpcDriver;
import dev.authfeedback.conformance.HttpDriver;
import dev.authfeedback.conformance.OperationDriver;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import io.grpc.ManagedChannelBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import picocli.CommandLine;

/** The composition root in process: settings, printed lines, and a working endpoint. */
class AuthFeedbackServerTest {

    private static ServerOptions options(String... args) {
        ServerOptions options = new ServerOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    /**
     * The contract's settings table against what the server itself says in {@code --help}, run in a
     * process with no AUTHFEEDBACK_ variables, so that the defaults shown are the real ones.
     */
    @Test
    void everySettingHasTheFlagVariableAndDefaultOfTheContract() throws Exception {
        Path contract = Path.of("..", "docs", "CONTRACT.md");
        String text = Files.readString(contract);
        String table = text.substring(text.indexOf("<!-- settings:start -->"), text.indexOf("<!-- settings:end -->"));
        List<String[]> rows = table.lines().filter(line -> line.startsWith("| `"))
                .map(line -> line.substring(1, line.length() - 1).split("\\|")).toList();
        ProcessBuilder help = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AuthFeedbackServer.class.getName(), "--help")
                .redirectErrorStream(true);
        help.environment().keySet().removeIf(name -> name.startsWith("AUTHFEEDBACK_"));
        Process process = help.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // one block per option: its first line names the flag, the description may wrap
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher option = Pattern.compile("(?m)^ {1,6}(?:-\\w, )?(--[a-z-]+)").matcher(printed);
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (option.find()) {
            starts.add(option.start());
            names.add(option.group(1));
        }
        starts.add(printed.length());
        for (int i = 0; i < names.size(); i++) {
            blocks.put(names.get(i), printed.substring(starts.get(i), starts.get(i + 1)).replaceAll("\\s+", " "));
        }
        assertThat(rows).hasSizeGreaterThan(10);
        List<String> documentedFlags = new ArrayList<>();
        for (String[] row : rows) {
            String flag = row[0].strip().replace("`", "");
            String variable = row[1].strip().replace("`", "");
            String documentedDefault = row[2].strip();
            documentedFlags.add(flag);
            assertThat(blocks).as("--help lists " + flag).containsKey(flag);
            String block = blocks.get(flag);
            assertThat(block).as(flag + " names its variable").contains("(" + variable + ")");
            assertThat(ServerOptions.environmentVariable(flag)).as("errors name " + flag + "'s variable")
                    .isEqualTo(variable);
            if (documentedDefault.startsWith("`")) {
                assertThat(block).as(flag + " default").contains("Default: " + documentedDefault.replace("`", ""));
            } else {
                assertThat(block).as(flag + " has no default").doesNotContain("Default:");
            }
        }
        // and nothing the server takes is missing from the contract
        // (--help, --version and --health-check are commands, not settings)
        assertThat(blocks.keySet()).filteredOn(flag -> !List.of("--help", "--version", "--health-check").contains(flag))
                .containsExactlyInAnyOrderElementsOf(documentedFlags);
    }

    @Test
    void secretsComeFromTheirFilesWhenAskedAndNeverFromBoth(@TempDir Path dir)
            throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials"), "AK1:s1\nAK2:s2\n");
        Path adminKeys = Files.writeString(dir.resolve("admin-keys"), "k1,k2\r\n");
        Path password = Files.writeString(dir.resolve("password"), "p@ss word\n");
        ServerOptions fromFiles = options("--credentials-file", credentials.toString(), "--grpc-admin-keys-file",
                adminKeys.toString(), "--jdbc-password-file", password.toString());
        assertThat(fromFiles.credentialPairs()).containsExactly(Map.entry("AK1", "s1"), Map.entry("AK2", "s2"));
        assertThat(fromFiles.grpcAdminKeyList()).containsExactly("k1", "k2");
        assertThat(fromFiles.jdbcPassword()).isEqualTo("p@ss word");

        assertThatThrownBy(() -> options("--credentials", "AK:s", "--credentials-file", credentials.toString())
                .credentialPairs()).hasMessage("--credentials (or AUTHFEEDBACK_CREDENTIALS) and --credentials-file "
                        + "(or AUTHFEEDBACK_CREDENTIALS_FILE) are both set: give one of them");
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> options("--jdbc-password-file", missing.toString()).jdbcPassword())
                .hasMessage("--jdbc-password-file (or AUTHFEEDBACK_JDBC_PASSWORD_FILE): cannot read " + missing
                        + " (NoSuchFileException)");
        Path malformed = Files.writeString(dir.resolve("malformed"), "AK1-without-secret\n");
        assertThatThrownBy(() -> options("--credentials-file", malformed.toString()).credentialPairs())
                .hasMessageContaining("AKID:SECRET").hasMessageNotContaining("AK1-without-secret");
        // a server started on the files accepts what they hold
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        AuthFeedbackServer server = AuthFeedbackServer.start(options("--http-port", "0", "--grpc-port", "-1",
                "--credentials-file", credentials.toString()), quiet);
        try (HttpDriver driver = new HttpDriver(
                URI.create("http://" + server.httpAddress()), "us-east-1", "AK2", "s2", () -> { })) {
            assertThat(driver.createUserPool("from-a-file", null, null, null, null).id()).startsWith("us-east-1_");
        } finally {
            server.stop();
        }
    }

    @Test
    void credentialPairsAreParsedAndCheckedForShape() {
        assertThat(options("--credentials", "AK1:s1,AK2:s:2").credentialPairs())
                .containsEntry("AK1", "s1").containsEntry("AK2", "s:2");
        assertThatThrownBy(() -> options("--credentials", "nocolon").credentialPairs())
                .hasMessageContaining("AKID:SECRET");
        assertThatThrownBy(() -> options("--token-ttl", "7days").tokenLifetime()).hasMessageContaining("ISO-8601");
    }

    @Test
    void withoutCredentialsAKeyIsGeneratedPrintedAndAccepted() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AuthFeedbackServer server = AuthFeedbackServer.start(
                options("--http-port", "0", "--grpc-port", "0", "--region", "eu-north-1"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            String out = printed.toString(StandardCharsets.UTF_8);
            Matcher key = Pattern.compile("AWS_ACCESS_KEY_ID=(AKID[A-Z2-7]{16})\\n").matcher(out);
            Matcher secret = Pattern.compile("AWS_SECRET_ACCESS_KEY=(\\w{40})\\n").matcher(out);
            assertThat(key.find()).isTrue();
            assertThat(secret.find()).isTrue();
            List<String> lines = out.lines().toList();
            assertThat(lines.get(lines.size() - 1)).isEqualTo("ready http=127.0.0.1:" + server.httpPort()
                    + " grpc=" + server.grpcAddress());
            assertThat(server.grpcAddress()).matches("127\\.0\\.0\\.1:\\d+");
            Matcher adminKey = Pattern.compile("authorization: Bearer (\\w{40})\\n").matcher(out);
            assertThat(adminKey.find()).isTrue();
            assertThat(out).contains("aws cognito-idp list-user-pools --max-results 10 --endpoint-url http://127.0.0.1:"
                    + server.httpPort() + " --region eu-north-1");
            // the native transport ships for Linux x86-64, where the tests run; elsewhere the start says why not
            boolean linuxX64 = System.getProperty("os.name").equals("Linux")
                    && System.getProperty("os.arch").equals("amd64");
            assertThat(out).contains(linuxX64 ? "(region eu-north-1, transport epoll)\n"
                    : "(region eu-north-1, transport nio: the native one is unavailable, ");
            try (HttpDriver driver = new HttpDriver(URI.create("http://" + server.httpAddress()), "eu-north-1",
                    key.group(1), secret.group(1), () -> { })) {
                PoolView pool = driver.createUserPool("p", "AUDIT", "PLUS", null, null);
                assertThat(pool.id()).startsWith("eu-north-1_");
                assertThat(pool.arn()).contains(":000000000000:");
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void theSourceQuotasAndTheTrustedProxyHeaderReachBothListeners() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        AuthFeedbackServer server = AuthFeedbackServer.start(options("--http-port", "0", "--grpc-port", "0",
                "--credentials", HttpDriver.ACCESS_KEY_ID + ":" + HttpDriver.SECRET, "--grpc-admin-keys",
                GrpcDriver.ADMIN_KEY, "--source-rate-limit-rps", "1", "--trusted-proxy-header", "X-Forwarded-For"),
                quiet);
        try (HttpDriver http = new HttpDriver(URI.create("http://" + server.httpAddress()), "us-east-1",
                HttpDriver.ACCESS_KEY_ID, HttpDriver.SECRET, () -> { });
             GrpcDriver grpc = new GrpcDriver(ManagedChannelBuilder.forTarget(server.grpcAddress()).usePlaintext()
                     .build(), GrpcDriver.ADMIN_KEY, () -> { })) {
            PoolView pool = http.createUserPool("p", "AUDIT", "PLUS", null, null);
            http.adminCreateUser(pool.id(), "jane", List.of(), null);
            Recorded event = http.recordAuthEvent(pool.id(), "jane", "SignIn", "Pass", null, null, null);
            for (OperationDriver driver : List.of(http, grpc)) {
                String source = driver == http ? "198.51.100.1" : "198.51.100.2";
                driver.updateAuthEventFeedbackFrom(source, pool.id(), "jane", event.eventId(), event.feedbackToken(),
                        "Valid");
                assertThatThrownBy(() -> driver.updateAuthEventFeedbackFrom(source, pool.id(), "jane",
                        event.eventId(), event.feedbackToken(), "Valid"))
                        .hasFieldOrPropertyWithValue("type", "TooManyRequestsException");
            }
        } catch (Exception unexpected) {
            throw new AssertionError(unexpected);
        } finally {
            server.stop();
        }
    }

    @Test
    void givenCredentialsAreNotPrinted() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AuthFeedbackServer server = AuthFeedbackServer.start(
                options("--http-port", "0", "--grpc-port", "-1", "--credentials", "AKIDGIVEN:given-secret",
                        "--http-transport", "nio"), new PrintStream(printed, true, StandardCharsets.UTF_8));
        server.stop();
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("given-secret")
                .contains(" (region us-east-1, transport nio)\n")
                .doesNotContain("Bearer").contains("ready http=127.0.0.1:").endsWith(" grpc=off\n")
                .contains("Try it:\n  AWS_ACCESS_KEY_ID=AKIDGIVEN AWS_SECRET_ACCESS_KEY=<your secret> aws cognito-idp "
                        + "list-user-pools --max-results 10 --endpoint-url http://127.0.0.1:");
    }

    @Test
    void anIpv6HostIsPrintedInBrackets() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AuthFeedbackServer server;
        try {
            server = AuthFeedbackServer.start(options("--host", "::1", "--http-port", "0", "--grpc-port", "0",
                    "--credentials", "AKIDGIVEN:given-secret"), new PrintStream(printed, true, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException noIpv6) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + noIpv6.getMessage());
            return;
        }
        server.stop();
        assertThat(server.httpAddress()).matches("\\[::1\\]:\\d+");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("HTTP endpoint: http://[::1]:" + server.httpPort() + " ")
                .contains("--endpoint-url http://[::1]:" + server.httpPort() + " ")
                .contains("ready http=[::1]:" + server.httpPort() + " grpc=[::1]:");
    }

    /** A bad value from the environment is named as such, and never shown as a default. */
    @Test
    void aBadSettingNamesWhereItCameFrom() throws Exception {
        ProcessBuilder fromEnvironment = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), AuthFeedbackServer.class.getName())
                .redirectErrorStream(true);
        fromEnvironment.environment().keySet().removeIf(name -> name.startsWith("AUTHFEEDBACK_"));
        fromEnvironment.environment().put("AUTHFEEDBACK_HTTP_PORT", "abc");
        Process process = fromEnvironment.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(printed).contains("Invalid value in the environment variable AUTHFEEDBACK_HTTP_PORT (for "
                + "--http-port): 'abc' is not an int").contains("Run with --help").doesNotContain("Default: abc");
        assertThat(ServerOptions.explain(catchParameterException("--http-port", "x"), List.of("--http-port", "x")))
                .isEqualTo("Invalid value for option '--http-port': 'x' is not an int");

        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AuthFeedbackServer.start(options("--store", "postgres"), quiet))
                .hasMessage("--store postgres needs --jdbc-url (or AUTHFEEDBACK_JDBC_URL), e.g. "
                        + "jdbc:postgresql://localhost:5432/authfeedback");
        assertThatThrownBy(() -> AuthFeedbackServer.start(options("--store", "postgres", "--jdbc-url",
                "mysql://db/app?password=hunter2"), quiet))
                .hasMessageStartingWith("--jdbc-url (or AUTHFEEDBACK_JDBC_URL): a PostgreSQL JDBC URL")
                .hasMessageEndingWith("was: mysql://db/app");
        assertThatThrownBy(() -> AuthFeedbackServer.start(options("--store", "postgres", "--jdbc-url",
                "jdbc:postgresql://db/app", "--jdbc-schema", "Public"), quiet))
                .hasMessageStartingWith("--jdbc-schema (or AUTHFEEDBACK_JDBC_SCHEMA): the schema must be a plain "
                        + "lowercase SQL name").hasMessageEndingWith("was: Public");
        assertThatThrownBy(() -> AuthFeedbackServer.start(options("--store", "postgres", "--jdbc-url",
                "jdbc:postgresql://db/app", "--jdbc-connect-timeout", "PT0.1S"), quiet))
                .hasMessage("--jdbc-connect-timeout (or AUTHFEEDBACK_JDBC_CONNECT_TIMEOUT): the connection timeout "
                        + "must be at least PT0.25S, was: PT0.1S");
        assertThatThrownBy(() -> AuthFeedbackServer.start(options("--store", "postgres", "--jdbc-url",
                "jdbc:postgresql://db/app", "--jdbc-pool-size", "2"), quiet))
                .hasMessage("--jdbc-pool-size (or AUTHFEEDBACK_JDBC_POOL_SIZE): the pool size must be from 4 to 1000 "
                        + "connections, was: 2");
        assertThatThrownBy(() -> options("--token-ttl", "soon").tokenLifetime())
                .hasMessage("--token-ttl (or AUTHFEEDBACK_TOKEN_TTL) must be an ISO-8601 duration such as P7D or "
                        + "PT30S, was: soon");
    }

    /** Log lines carry date, time and zone, and --log-level decides which are written. */
    @Test
    void logLinesAreDatedAndFilteredByLevel() throws Exception {
        String unreachable = "jdbc:postgresql://127.0.0.1:1/nowhere";
        List<String> debug = stderrUntilListening("--log-level", "DEBUG", "--store", "postgres", "--jdbc-url",
                unreachable);
        assertThat(debug).anyMatch(line -> line.contains(" DEBUG "));
        assertThat(debug).filteredOn(line -> line.contains("is not usable")).singleElement().asString()
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z WARN .*");
        List<String> warnings = stderrUntilListening("--log-level", "WARN", "--store", "postgres", "--jdbc-url",
                unreachable);
        assertThat(warnings).anyMatch(line -> line.contains("is not usable"))
                .noneMatch(line -> line.contains(" DEBUG ") || line.contains(" INFO "));
        assertThat(stderrUntilListening("--log-level", "ERROR", "--store", "postgres", "--jdbc-url", unreachable))
                .isEmpty();
    }

    /** gRPC starts beside the HTTP listener: when the HTTP port is taken, the gRPC listener started meanwhile is closed. */
    @Test
    void aStartThatCannotListenOverHttpLeavesNoGrpcListenerBehind() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        AuthFeedbackServer first = AuthFeedbackServer.start(options("--http-port", "0", "--grpc-port", "-1"), quiet);
        try {
            int grpcPort;
            try (ServerSocket probe = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
                grpcPort = probe.getLocalPort();
            }
            assertThatThrownBy(() -> AuthFeedbackServer.start(options("--http-port", String.valueOf(first.httpPort()),
                    "--grpc-port", String.valueOf(grpcPort)), quiet))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot listen");
            assertThat(comesFree(grpcPort)).as("gRPC port %d free again", grpcPort).isTrue();
        } finally {
            first.stop();
        }
    }

    /** Whether the port can be bound within 10 s: a gRPC listener closes on gRPC's own event loop, moments later. */
    private static boolean comesFree(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (ServerSocket bound = new ServerSocket(port, 0, InetAddress.getLoopbackAddress())) {
                return true;
            } catch (IOException stillBound) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(50);
            }
        }
    }

    /** A Logback file of the host's, named by logback.configurationFile, takes the place of the server's logging. */
    @Test
    void aLogbackFileOfTheHostsReplacesTheServersLogging(@TempDir Path folder) throws Exception {
        Path configuration = folder.resolve("host-logback.xml");
        Files.writeString(configuration, "<configuration><appender name=\"STDERR\" "
                + "class=\"ch.qos.logback.core.ConsoleAppender\"><target>System.err</target><encoder>"
                + "<pattern>host-format %level %msg%n</pattern></encoder></appender>"
                + "<root level=\"INFO\"><appender-ref ref=\"STDERR\"/></root></configuration>");
        List<String> lines = stderrUntilListening(List.of("-Dlogback.configurationFile=" + configuration),
                "--store", "postgres", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/nowhere");
        assertThat(lines).filteredOn(line -> line.contains("is not usable")).singleElement().asString()
                .startsWith("host-format WARN ");
    }

    /** The test class path carries logback-test.xml, so the server's configurator stands aside for it. */
    @Test
    void theServersLoggingStandsAsideForAConfigurationOnTheClassPath() {
        LoggerContext context = new LoggerContext();
        ServerLogConfigurator configurator = new ServerLogConfigurator();
        configurator.setContext(context);
        assertThat(configurator.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }

    private static List<String> stderrUntilListening(String... args) throws Exception {
        return stderrUntilListening(List.of(), args);
    }

    /** Starts the server in a JVM of its own, answers what it wrote to stderr until it listened, and stops it. */
    private static List<String> stderrUntilListening(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", serverClassPath(), AuthFeedbackServer.class.getName(), "--http-port", "0",
                "--grpc-port", "-1"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("AUTHFEEDBACK_"));
        Path stderr = Files.createTempFile("server-stderr", ".log");
        builder.redirectError(stderr.toFile());
        Process server = builder.start();
        try (var stdout = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = stdout.readLine()) != null && !line.startsWith("listening ")) {
                // the credentials and endpoints before the listening line
            }
            assertThat(line).as("the listening line").isNotNull();
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        List<String> lines = Files.readAllLines(stderr);
        Files.delete(stderr);
        return lines;
    }

    /** This JVM's class path without the test classes, whose logback-test.xml would stand in for the server's logging. */
    private static String serverClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static CommandLine.ParameterException catchParameterException(String... args) {
        try {
            new CommandLine(new ServerOptions()).parseArgs(args);
        } catch (CommandLine.ParameterException expected) {
            return expected;
        }
        throw new AssertionError("parsed: " + List.of(args));
    }

    @Test
    void badSettingsAreRefusedClearly() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AuthFeedbackServer.start(options("--http-port", "0", "--grpc-port", "0", "--region", "moon"), quiet))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region");
        assertThatThrownBy(() -> AuthFeedbackServer.start(options("--http-port", "0", "--grpc-port", "0", "--rate-limit-rps", "-1"), quiet))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate-limit-rps");
        assertThatThrownBy(() -> AuthFeedbackServer.start(options("--http-port", "0", "--grpc-port", "0",
                "--source-rate-limit-rps", "-1"), quiet))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--source-rate-limit-rps (or AUTHFEEDBACK_SOURCE_RATE_LIMIT_RPS) must be 0 (off) or more");
        assertThatThrownBy(() -> AuthFeedbackServer.start(options("--http-port", "0", "--grpc-port", "0",
                "--trusted-proxy-header", "X-Forwarded-For: 1.2.3.4"), quiet))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--trusted-proxy-header (or AUTHFEEDBACK_TRUSTED_PROXY_HEADER) must be a header name "
                        + "(letters, digits and '-'), was: X-Forwarded-For: 1.2.3.4");
        assertThatThrownBy(() -> options("--http-transport", "epoll"))
                .hasMessage("Invalid value for option '--http-transport': expected one of [auto, nio] "
                        + "(case-sensitive) but was 'epoll'");
        AuthFeedbackServer first = AuthFeedbackServer.start(options("--http-port", "0", "--grpc-port", "0"), quiet);
        try {
            assertThatThrownBy(() -> AuthFeedbackServer.start(
                    options("--http-port", String.valueOf(first.httpPort()), "--grpc-port", "0"), quiet))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot listen");
            String grpcPort = first.grpcAddress().split(":")[1];
            assertThatThrownBy(() -> AuthFeedbackServer.start(options("--http-port", "0", "--grpc-port", grpcPort), quiet))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot start gRPC");
        } finally {
            first.stop();
        }
    }
}
