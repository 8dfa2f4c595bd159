package dev.authfeedback.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authfeedback.conformance.HttpDriver;
import dev.authfeedback.conformance.Views.PoolView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The composition root in process: settings, printed lines, and a working endpoint. */
class AuthFeedbackServerTest {

    private static ServerOptions options(String... args) {
        ServerOptions options = new ServerOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void defaultsAreThoseOfTheDesign() {
        ServerOptions options = options();
        assertThat(options.host).isEqualTo(System.getenv().getOrDefault("AUTHFEEDBACK_HOST", "127.0.0.1"));
        if (System.getenv("AUTHFEEDBACK_HTTP_PORT") == null) {
            assertThat(options.httpPort).isEqualTo(9229);
        }
        if (System.getenv("AUTHFEEDBACK_TOKEN_TTL") == null) {
            assertThat(options.tokenLifetime()).hasDays(7);
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
    void givenCredentialsAreNotPrinted() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AuthFeedbackServer server = AuthFeedbackServer.start(
                options("--http-port", "0", "--grpc-port", "-1", "--credentials", "AKIDGIVEN:given-secret"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        server.stop();
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("given-secret")
                .doesNotContain("Bearer").contains("ready http=127.0.0.1:").endsWith(" grpc=off\n");
    }

    @Test
    void badSettingsAreRefusedClearly() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AuthFeedbackServer.start(options("--http-port", "0", "--grpc-port", "0", "--region", "moon"), quiet))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region");
        assertThatThrownBy(() -> AuthFeedbackServer.start(options("--http-port", "0", "--grpc-port", "0", "--rate-limit-rps", "-1"), quiet))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate-limit-rps");
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
