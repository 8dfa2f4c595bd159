package dev.authfeedback.server;

import dev.authfeedback.adapter.http.AwsJsonHttpServer;
import dev.authfeedback.adapter.http.HttpAdapterSettings;
import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.adapter.inmemory.RateLimits;
import dev.authfeedback.adapter.inmemory.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import dev.authfeedback.domain.service.ServiceSettings;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import sun.misc.Signal;

/**
 * The runnable server: the domain on in-memory stores behind the AWS JSON endpoint. Prints what a
 * user needs on stdout (generated credentials, endpoint, an AWS CLI example, then one
 * {@code ready http=...} line); logs go to stderr. SIGTERM or SIGINT stops it gracefully, exit code 0.
 */
public final class AuthFeedbackServer {

    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(AuthFeedbackServer.class);

    private final Vertx vertx;
    private final AwsJsonHttpServer http;
    private final String host;

    private AuthFeedbackServer(Vertx vertx, AwsJsonHttpServer http, String host) {
        this.vertx = vertx;
        this.http = http;
        this.host = host;
    }

    public static void main(String[] args) {
        ServerOptions options = new ServerOptions();
        CommandLine command = new CommandLine(options);
        try {
            command.parseArgs(args);
        } catch (CommandLine.ParameterException bad) {
            System.err.println(bad.getMessage());
            command.usage(System.err);
            System.exit(2);
        }
        if (command.isUsageHelpRequested()) {
            command.usage(System.out);
            return;
        }
        if (command.isVersionHelpRequested()) {
            command.printVersionHelp(System.out);
            return;
        }
        AuthFeedbackServer server;
        try {
            server = start(options, System.out);
        } catch (IllegalArgumentException badSetting) {
            System.err.println(badSetting.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> stopped.countDown());
        Signal.handle(new Signal("INT"), signal -> stopped.countDown());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("stopping: no new connections, finishing requests in flight (up to {})", SHUTDOWN_GRACE);
        server.stop();
        LOG.info("stopped");
        System.exit(0);
    }

    /** Builds and starts everything; throws IllegalArgumentException for a bad setting. */
    public static AuthFeedbackServer start(ServerOptions options, PrintStream out) {
        ServiceSettings settings = new ServiceSettings(options.region, options.accountId, options.tokenLifetime());
        if (options.rateLimitRps < 0) {
            throw new IllegalArgumentException("--rate-limit-rps must be 0 (off) or more");
        }
        Map<String, String> credentials = options.credentialPairs();
        boolean generated = credentials.isEmpty();
        if (generated) {
            credentials = Map.of(generatedAccessKeyId(), generatedSecret());
        }
        AuthEventFeedbackService service = AuthEventFeedbackService.builder()
                .stores(InMemoryStores.create())
                .rateLimiter(new TokenBucketRateLimiter(RateLimits.uniform(options.rateLimitRps)))
                .settings(settings)
                .build();
        Vertx vertx = Vertx.vertx();
        AwsJsonHttpServer http = new AwsJsonHttpServer(vertx, service, new HttpAdapterSettings(options.host,
                options.httpPort, options.maxBodyBytes, settings.region(), credentials, false));
        try {
            http.start();
        } catch (RuntimeException cannotListen) {
            vertx.close();
            throw new IllegalArgumentException("cannot listen on " + options.host + ":" + options.httpPort + ": "
                    + rootMessage(cannotListen), cannotListen);
        }
        AuthFeedbackServer server = new AuthFeedbackServer(vertx, http, options.host);
        String endpoint = "http://" + server.httpAddress();
        if (generated) {
            Map.Entry<String, String> pair = credentials.entrySet().iterator().next();
            out.println("No --credentials given: generated an access key for this run.");
            out.println("  AWS_ACCESS_KEY_ID=" + pair.getKey());
            out.println("  AWS_SECRET_ACCESS_KEY=" + pair.getValue());
            out.println("Try it:");
            out.println("  AWS_ACCESS_KEY_ID=" + pair.getKey() + " AWS_SECRET_ACCESS_KEY=" + pair.getValue()
                    + " aws cognito-idp list-user-pools --max-results 10 --endpoint-url " + endpoint
                    + " --region " + settings.region());
        }
        out.println("Endpoint: " + endpoint + " (region " + settings.region() + ")");
        out.println("ready http=" + server.httpAddress());
        out.flush();
        return server;
    }

    public int httpPort() {
        return http.port();
    }

    public String httpAddress() {
        return host + ":" + http.port();
    }

    /** Stops accepting, finishes requests in flight (up to the grace period), then releases everything. */
    public void stop() {
        try {
            http.stop(SHUTDOWN_GRACE);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String generatedAccessKeyId() {
        return "AKID" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
    }

    private static String generatedSecret() {
        return random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40);
    }

    private static String random(String alphabet, int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return value.toString();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
