package dev.authfeedback.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.authfeedback.conformance.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** HTTPS on the AWS JSON endpoint with a certificate authority made at test time. */
class HttpsIT {

    private static ServerProcess https(TestCertificates certificates, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--http-tls-cert", certificates.serverCertificate().toString(),
                "--http-tls-key", certificates.serverPrivateKey().toString()));
        args.addAll(List.of(more));
        return ServerProcess.start(args.toArray(String[]::new));
    }

    @Test
    void theAwsSdkCallsItOverTls12Or13AndNothingElseIsSpoken(@TempDir Path dir) throws Exception {
        TestCertificates certificates = TestCertificates.create(dir);
        try (ServerProcess server = https(certificates)) {
            // TLS on the native transport, where the server runs on it
            assertThat(server.stdout()).anyMatch(line -> line.equals("HTTP endpoint: https://" + server.httpAddress()
                    + " (region us-east-1, transport epoll)") || line.startsWith("HTTP endpoint: https://"
                    + server.httpAddress() + " (region us-east-1, transport nio"));
            URI endpoint = URI.create("https://" + server.httpAddress());
            TrustManager[] trustTheTestAuthority = certificates.trustManagers();
            try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                    .endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(ServerProcess.KEY, ServerProcess.SECRET)))
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .tlsTrustManagersProvider(() -> trustTheTestAuthority))
                    .build()) {
                String poolId = cognito.createUserPool(pool -> pool.poolName("over-tls")).userPool().id();
                assertThat(cognito.listUserPools(list -> list.maxResults(10)).userPools())
                        .anyMatch(pool -> pool.id().equals(poolId));
            }
            // plain HTTP on the same port gets no answer
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + server.httpAddress() + "/health")).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
            String[] hostPort = server.httpAddress().split(":");
            assertThat(probe(hostPort, "TLSv1.3", dir)).isEqualTo("TLSv1.3");
            assertThat(probe(hostPort, "TLSv1.2", dir)).isEqualTo("TLSv1.2");
            assertThat(probe(hostPort, "TLSv1.1", dir)).as("TLS 1.1, though the client offers it").isEqualTo("refused");
            assertThat(probe(hostPort, "TLSv1", dir)).isEqualTo("refused");
            assertThat(server.sigterm()).isZero();
        }
    }

    @Test
    void theAwsCliCallsItWithTheAuthorityAsItsCaBundle(@TempDir Path dir) throws Exception {
        assumeTrue(ServerProcessIT.onPath("aws"), "the AWS CLI is not installed: the SDK test covers TLS");
        TestCertificates certificates = TestCertificates.create(dir);
        try (ServerProcess server = https(certificates)) {
            ProcessBuilder cli = new ProcessBuilder("aws", "cognito-idp", "create-user-pool", "--pool-name", "cli-over-tls",
                    "--endpoint-url", "https://" + server.httpAddress(), "--region", "us-east-1",
                    "--ca-bundle", certificates.caCertificate().toString(), "--output", "json")
                    .redirectErrorStream(true);
            cli.environment().put("AWS_ACCESS_KEY_ID", ServerProcess.KEY);
            cli.environment().put("AWS_SECRET_ACCESS_KEY", ServerProcess.SECRET);
            cli.environment().put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
            cli.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
            Process process = cli.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("\"Name\": \"cli-over-tls\"");
            assertThat(server.sigterm()).isZero();
        }
    }

    /** Offers one protocol version from a JVM that allows every version, and answers the one agreed. */
    private static String probe(String[] hostPort, String protocol, Path dir) throws Exception {
        Path everyVersion = dir.resolve("every-tls-version.security");
        Files.writeString(everyVersion, "jdk.tls.disabledAlgorithms=\n");
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.properties=" + everyVersion, "-cp", System.getProperty("java.class.path"),
                TlsProbe.class.getName(), hostPort[0], hostPort[1], protocol).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
