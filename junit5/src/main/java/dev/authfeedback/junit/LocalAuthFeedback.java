package dev.authfeedback.junit;

import dev.authfeedback.server.AuthFeedbackServer;
import dev.authfeedback.server.ServerOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

/**
 * A server running in this JVM for a test: its HTTP endpoint, the access key it accepts, an AWS SDK
 * v2 client configured for it, and a gRPC channel that sends its admin key. Made and closed by
 * {@link AuthFeedbackExtension}; a test receives it as a parameter.
 */
public final class LocalAuthFeedback implements AutoCloseable {

    private final AuthFeedbackServer server;
    private final String region;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String grpcAdminKey;
    private final CognitoIdentityProviderClient cognito;
    private final ManagedChannel grpc;

    private LocalAuthFeedback(AuthFeedbackServer server, String region, String accessKeyId, String secretAccessKey,
                              String grpcAdminKey) {
        this.server = server;
        this.region = region;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.grpcAdminKey = grpcAdminKey;
        this.cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(httpEndpoint())
                .region(Region.of(region))
                .credentialsProvider(credentialsProvider())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        this.grpc = ManagedChannelBuilder.forTarget(server.grpcAddress()).usePlaintext().build();
    }

    /** Starts a server on 127.0.0.1 with free ports, fresh credentials, no rate limit, then {@code settings}. */
    static LocalAuthFeedback start(String... settings) {
        SecureRandom random = new SecureRandom();
        String accessKeyId = "AKIDTEST" + HexFormat.of().withUpperCase().formatHex(random.generateSeed(6));
        String secret = HexFormat.of().formatHex(random.generateSeed(20));
        String adminKey = HexFormat.of().formatHex(random.generateSeed(20));
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("--host", "127.0.0.1");
        defaults.put("--http-port", "0");
        defaults.put("--grpc-port", "0");
        defaults.put("--credentials", accessKeyId + ":" + secret);
        defaults.put("--grpc-admin-keys", adminKey);
        // test suites run requests in parallel: the quota would throttle them
        defaults.put("--rate-limit-rps", "0");
        List<String> args = new ArrayList<>();
        defaults.forEach((flag, value) -> {
            // a flag of the settings, or its -file form, wins over the default
            if (Arrays.stream(settings).noneMatch(arg -> arg.equals(flag) || arg.startsWith(flag + "=")
                    || arg.equals(flag + "-file") || arg.startsWith(flag + "-file="))) {
                args.add(flag);
                args.add(value);
            }
        });
        args.addAll(List.of(settings));
        ServerOptions options = ServerOptions.parse(args.toArray(String[]::new));
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        AuthFeedbackServer server = AuthFeedbackServer.start(options, discard);
        Map.Entry<String, String> credentials = options.credentialPairs().entrySet().iterator().next();
        return new LocalAuthFeedback(server, options.region(), credentials.getKey(), credentials.getValue(),
                options.grpcAdminKeyList().get(0));
    }

    /** The AWS JSON endpoint, such as {@code http://127.0.0.1:41234}: an SDK's or the CLI's endpoint URL. */
    public URI httpEndpoint() {
        return URI.create("http://" + server.httpAddress());
    }

    /** The region pool ids, ARNs and signatures use ({@code us-east-1} unless the settings say otherwise). */
    public String region() {
        return region;
    }

    /** The access key id the server accepts. */
    public String accessKeyId() {
        return accessKeyId;
    }

    /** The secret access key that goes with {@link #accessKeyId()}. */
    public String secretAccessKey() {
        return secretAccessKey;
    }

    /** The server's access key, for an SDK client of one's own. */
    public AwsCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    /** An AWS SDK v2 client for this server, ready to call; closed with the server. */
    public CognitoIdentityProviderClient cognitoClient() {
        return cognito;
    }

    /** {@code host:port} of the gRPC endpoint (plaintext). */
    public String grpcTarget() {
        return server.grpcAddress();
    }

    /** The key the gRPC admin rpcs take as {@code authorization: Bearer <key>}. */
    public String grpcAdminKey() {
        return grpcAdminKey;
    }

    /**
     * A channel to the gRPC endpoint that sends the admin key with every call, for the
     * {@code authfeedback.v1} stubs; closed with the server.
     */
    public Channel grpcChannel() {
        Metadata adminKey = new Metadata();
        adminKey.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + grpcAdminKey);
        return ClientInterceptors.intercept(grpc, MetadataUtils.newAttachHeadersInterceptor(adminKey));
    }

    /** Deletes every user pool, and with them their users, events and risk settings: an empty server. */
    public void reset() {
        // each round deletes the first page, so listing from the start again reaches the rest
        List<UserPoolDescriptionType> page = cognito.listUserPools(request -> request.maxResults(60)).userPools();
        while (!page.isEmpty()) {
            page.forEach(pool -> cognito.deleteUserPool(request -> request.userPoolId(pool.id())));
            page = cognito.listUserPools(request -> request.maxResults(60)).userPools();
        }
    }

    /** Stops the server and closes the clients. */
    @Override
    public void close() {
        cognito.close();
        grpc.shutdownNow();
        try {
            grpc.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
    }
}
