package dev.authfeedback.server;

import dev.authfeedback.adapter.grpc.AuthFeedbackGrpcServer;
import dev.authfeedback.adapter.grpc.GrpcAdapterSettings;
import dev.authfeedback.adapter.http.AwsJsonHttpServer;
import dev.authfeedback.adapter.http.HttpAdapterSettings;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.adapter.smtp.SmtpNotifier;
import dev.authfeedback.adapter.smtp.SmtpSettings;
import dev.authfeedback.domain.port.in.SourceAddress;
import dev.authfeedback.domain.port.out.Notifier;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import dev.authfeedback.domain.service.ServiceSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.PrintStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The runnable server: the domain on its stores (in memory or PostgreSQL) behind the AWS JSON endpoint and the gRPC
 * endpoint. Prints what a user needs on stdout (generated credentials, endpoints, an example, a
 * {@code listening http=... grpc=...} line, then {@code ready http=... grpc=...} once the store can
 * serve); logs go to stderr. SIGTERM or SIGINT stops it
 * gracefully with exit code 0 (from a shutdown hook, so that no internal signal API is needed).
 */
public final class AuthFeedbackServer {

    /**
     * HTTP requests on a store that blocks (PostgreSQL) in flight at once, each on a worker thread.
     * Vert.x's default of 20 capped how many feedback writes can share a commit: with 64 connections of load the server
     * did 1.65 times pgbench's transactions per second with 20, 1.90 with 64.
     */
    static final int WORKER_THREADS = 64;

    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(AuthFeedbackServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Vertx vertx;
    private final AwsJsonHttpServer http;
    private final AuthFeedbackGrpcServer grpc;
    private final StoreSetup store;
    private final NotificationSender sender;
    private final String host;

    private AuthFeedbackServer(Vertx vertx, AwsJsonHttpServer http, AuthFeedbackGrpcServer grpc, StoreSetup store,
                               NotificationSender sender, String host) {
        this.vertx = vertx;
        this.http = http;
        this.grpc = grpc;
        this.store = store;
        this.sender = sender;
        this.host = host;
    }

    public static void main(String[] args) {
        ServerOptions options = new ServerOptions();
        CommandLine command = new CommandLine(options);
        try {
            command.parseArgs(args);
        } catch (CommandLine.ParameterException bad) {
            System.err.println(ServerOptions.explain(bad, List.of(args)));
            // not the usage: it would show a bad environment value as the option's default
            System.err.println("Run with --help for every setting.");
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
        if (options.healthCheck) {
            System.exit(HealthCheck.probe(options.host, options.httpPort, options.httpTlsCert, System.err));
        }
        Logging.configure(options.logLevel, options.logFormat, options.accessLog);
        // SIGTERM and SIGINT run the shutdown hooks: stop gracefully, then end with 0, since a stop
        // that was asked for is not a failure (the JVM's own status after a signal would be 128+n).
        // The hook is in place before the first line is printed, so a signal at any moment after it
        // finds it; it waits for the start to finish, and leaves a failed start's status alone.
        CompletableFuture<AuthFeedbackServer> started = new CompletableFuture<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            AuthFeedbackServer server;
            try {
                server = started.join();
            } catch (CompletionException notStarted) {
                return;
            }
            LOG.info("stopping: no new connections, finishing requests in flight (up to {})", SHUTDOWN_GRACE);
            server.stop();
            LOG.info("stopped");
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(0);
        }, "graceful-stop"));
        try {
            started.complete(start(options, System.out));
        } catch (IllegalArgumentException badSetting) {
            started.completeExceptionally(badSetting);
            System.err.println(badSetting.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException failed) {
            started.completeExceptionally(failed);
            throw failed;
        }
        // serve until a signal ends the JVM, whichever threads the listeners run on
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds and starts everything; throws IllegalArgumentException for a bad setting. */
    public static AuthFeedbackServer start(ServerOptions options, PrintStream out) {
        ServiceSettings settings = new ServiceSettings(options.region, options.accountId, options.tokenLifetime());
        HttpAdapterSettings.ConnectionLimits httpLimits = options.httpLimits();
        HttpAdapterSettings.Tls httpTls = options.httpTls();
        if (options.rateLimitRps < 0) {
            throw new IllegalArgumentException(ServerOptions.named("--rate-limit-rps") + " must be 0 (off) or more");
        }
        if (options.sourceRateLimitRps < 0) {
            throw new IllegalArgumentException(ServerOptions.named("--source-rate-limit-rps") + " must be 0 (off) or more");
        }
        try {
            SourceAddress.requireHeaderNameOrNull(options.trustedProxyHeader);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException(ServerOptions.named("--trusted-proxy-header")
                    + " must be a header name (letters, digits and '-'), was: " + options.trustedProxyHeader, bad);
        }
        if (options.httpEventLoops < 0 || options.httpEventLoops > 1024) {
            throw new IllegalArgumentException(ServerOptions.named("--http-event-loops")
                    + " must be 0 (one per core) to 1024, was: " + options.httpEventLoops);
        }
        if (options.grpcPort < -1 || options.grpcPort > 65535) {
            throw new IllegalArgumentException(ServerOptions.named("--grpc-port")
                    + " must be -1 (off), 0 (any free port) or a port number");
        }
        Map<String, String> credentials = options.credentialPairs();
        boolean credentialsGenerated = credentials.isEmpty();
        if (credentialsGenerated) {
            credentials = Map.of("AKID" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16), random(ALPHANUMERIC, 40));
        }
        List<String> givenAdminKeys = options.grpcAdminKeyList();
        boolean adminKeyGenerated = givenAdminKeys.isEmpty() && options.grpcPort != -1;
        List<String> adminKeys = adminKeyGenerated ? List.of(random(ALPHANUMERIC, 40)) : givenAdminKeys;
        SmtpSettings smtp = options.smtp();
        SmtpNotifier smtpNotifier = smtp == null ? null : new SmtpNotifier(smtp);
        if (options.publicUrl != null) {
            try {
                AuthEventFeedbackService.requirePublicUrl(options.publicUrl);
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(ServerOptions.named("--public-url") + ": " + bad.getMessage(), bad);
            }
        }
        // the listener's own URL is known once it listens (a free port, say): read when a link is made
        AtomicReference<URI> publicUrl = new AtomicReference<>(
                options.publicUrl == null ? null : URI.create(options.publicUrl));
        StoreSetup store = StoreSetup.from(options);
        AuthEventFeedbackUseCases service = AuthEventFeedbackService.builder()
                .stores(store.stores())
                .rateLimiter(new TokenBucketRateLimiter(options.rateLimitRps == 0 ? RateLimits.unlimited()
                        : RateLimits.uniform(options.rateLimitRps).withSourceLimit(options.sourceRateLimitRps),
                        store.peers()))
                .settings(settings)
                .notifier(smtpNotifier == null ? Notifier.NONE : smtpNotifier)
                .publicUrl(publicUrl::get)
                .build();

        // gRPC starts on a thread of its own while Vert.x and the HTTP listener start on this one: loading
        // its classes (a shaded Netty of its own among them) alongside made the server ready 14 % sooner
        CompletableFuture<AuthFeedbackGrpcServer> grpcStarted = options.grpcPort == -1
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> {
                    AuthFeedbackGrpcServer starting = AuthFeedbackGrpcServer.network(service, new GrpcAdapterSettings(
                            options.host, options.grpcPort, adminKeys, GrpcAdapterSettings.DEFAULT_MAX_MESSAGE_BYTES,
                            options.grpcTlsCert, options.grpcTlsKey, options.trustedProxyHeader));
                    starting.start();
                    return starting;
                }, task -> {
                    Thread grpcStart = new Thread(task, "grpc-start");
                    grpcStart.setDaemon(true);
                    grpcStart.start();
                });
        Vertx vertx = null;
        AwsJsonHttpServer http;
        try {
            // epoll costs the HTTP listener about a tenth less CPU per request than NIO (benchmarks/README)
            vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(WORKER_THREADS)
                    .setPreferNativeTransport(options.httpTransport == ServerOptions.HttpTransport.auto));
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            store.bindMetrics(metrics);
            http = new AwsJsonHttpServer(vertx, service, new HttpAdapterSettings(options.host, options.httpPort,
                    options.maxBodyBytes, settings.region(), credentials, httpLimits, httpTls,
                    options.trustedProxyHeader, options.httpEventLoops), Clock.systemUTC(), metrics);
            http.start();
        } catch (RuntimeException cannotListen) {
            try {
                AuthFeedbackGrpcServer started = grpcStarted.join();
                if (started != null) {
                    started.stop(Duration.ZERO);
                }
            } catch (CompletionException grpcFailedToo) {
                // the HTTP listener's failure is the one reported
            }
            if (vertx != null) {
                vertx.close();
            }
            store.close();
            throw new IllegalArgumentException("cannot listen on " + options.host + ":" + options.httpPort + " (HTTP): "
                    + rootMessage(cannotListen), cannotListen);
        }
        publicUrl.compareAndSet(null, URI.create((httpTls != null ? "https://" : "http://")
                + hostForUrl(options.host) + ":" + http.port()));
        AuthFeedbackGrpcServer grpc;
        try {
            grpc = grpcStarted.join();
        } catch (CompletionException failed) {
            http.stop(Duration.ZERO);
            vertx.close();
            store.close();
            throw new IllegalArgumentException("cannot start gRPC on " + options.host + ":" + options.grpcPort + ": "
                    + rootMessage(failed.getCause()), failed.getCause());
        }
        NotificationSender sender = null;
        if (smtpNotifier != null) {
            sender = new NotificationSender(service, smtpNotifier);
            sender.start();
        }
        AuthFeedbackServer server = new AuthFeedbackServer(vertx, http, grpc, store, sender, options.host);
        String endpoint = (httpTls != null ? "https://" : "http://") + server.httpAddress();
        Map.Entry<String, String> pair = credentials.entrySet().iterator().next();
        if (credentialsGenerated) {
            out.println("No --credentials given: generated an access key for this run.");
            out.println("  AWS_ACCESS_KEY_ID=" + pair.getKey());
            out.println("  AWS_SECRET_ACCESS_KEY=" + pair.getValue());
        }
        out.println("Try it:");
        // a secret the user gave stays off the screen
        out.println("  AWS_ACCESS_KEY_ID=" + pair.getKey() + " AWS_SECRET_ACCESS_KEY="
                + (credentialsGenerated ? pair.getValue() : "<your secret>")
                + " aws cognito-idp list-user-pools --max-results 10 --endpoint-url " + endpoint
                + " --region " + settings.region());
        if (adminKeyGenerated) {
            out.println("No --grpc-admin-keys given: generated a gRPC admin key for this run.");
            out.println("  authorization: Bearer " + adminKeys.get(0));
        }
        out.println("HTTP endpoint: " + endpoint + " (region " + settings.region() + ", transport "
                + transportName(vertx, options.httpTransport) + ")");
        out.println("Notifications: " + (smtp == null ? "kept in the outbox (no --smtp-host), read with "
                + "ListNotifications" : "sent through " + smtp.host() + ":" + smtp.port())
                + "; feedback links under " + publicUrl.get() + "/feedback/");
        if (grpc != null) {
            out.println("gRPC endpoint: " + server.grpcAddress() + (options.grpcTlsCert != null ? " (TLS)" : " (plaintext)"));
        }
        String endpoints = "http=" + server.httpAddress() + " grpc=" + server.grpcAddress();
        out.println("listening " + endpoints);
        // ready only once the stores can serve: a database that is down at start delays it
        AtomicBoolean announced = new AtomicBoolean();
        Runnable announceReady = () -> {
            if (announced.compareAndSet(false, true)) {
                out.println("ready " + endpoints);
                out.flush();
            }
        };
        service.storeHealth().onChange(usable -> {
            if (usable) {
                announceReady.run();
            }
        });
        if (service.storeHealth().usable()) {
            announceReady.run();
        } else {
            out.println("waiting for the store: requests answer InternalErrorException and /health/ready 503 until "
                    + "it can be used");
            out.flush();
        }
        return server;
    }

    public int httpPort() {
        return http.port();
    }

    /** host:port of the HTTP endpoint; an IPv6 host in brackets, as in a URL. */
    public String httpAddress() {
        return hostForAddress() + ":" + http.port();
    }

    /** host:port of the gRPC endpoint, or {@code off}. */
    public String grpcAddress() {
        return grpc == null ? "off" : hostForAddress() + ":" + grpc.port();
    }

    /** The host as a URL names it: a wildcard address as localhost, IPv6 in brackets. */
    private static String hostForUrl(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "localhost";
        }
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private String hostForAddress() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /** Stops accepting on both endpoints, finishes requests in flight (up to the grace period), then releases all. */
    public void stop() {
        try {
            if (sender != null) {
                sender.close();
            }
            if (grpc != null) {
                grpc.stop(SHUTDOWN_GRACE);
            }
            http.stop(SHUTDOWN_GRACE);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            store.close();
        }
    }

    /** The innermost message of a failure to listen: the one that says why (address in use, ...). */
    /** The transport in use, and why not the native one when it was wanted and could not load. */
    static String transportName(Vertx vertx, ServerOptions.HttpTransport asked) {
        if (vertx.isNativeTransportEnabled()) {
            return "epoll";
        }
        Throwable cause = vertx.unavailableNativeTransportCause();
        return asked == ServerOptions.HttpTransport.nio || cause == null ? "nio"
                : "nio: the native one is unavailable, " + rootMessage(cause);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static String random(String alphabet, int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return value.toString();
    }
}
