package dev.authfeedback.adapter.http;

import static dev.authfeedback.adapter.http.HttpFrameworkException.REQUEST_ENTITY_TOO_LARGE;
import static dev.authfeedback.adapter.http.HttpFrameworkException.SERIALIZATION;
import static dev.authfeedback.adapter.http.HttpFrameworkException.UNKNOWN_OPERATION;
import static dev.authfeedback.adapter.http.HttpFrameworkException.badRequest;

import dev.authfeedback.domain.error.CognitoServiceException;
import dev.authfeedback.domain.error.ErrorType;
import dev.authfeedback.domain.error.InternalErrorException;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.Operation;
import dev.authfeedback.domain.port.in.SourceAddress;
import dev.authfeedback.domain.port.out.StoreHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS JSON 1.1 endpoint: {@code POST /} dispatched on X-Amz-Target, SigV4 for every operation
 * the model signs, the domain's errors and the framework's as AWS shapes them, {@code GET /health}
 * and {@code GET /metrics} (Prometheus). Every answer carries {@code x-amzn-RequestId}.
 */
public final class AwsJsonHttpServer {

    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final String AWS_JSON_1_0 = "application/x-amz-json-1.0";

    private static final Logger LOG = LoggerFactory.getLogger(AwsJsonHttpServer.class);
    // header names and fixed values made once: Vert.x validates and encodes plain strings on every put
    private static final CharSequence REQUEST_ID = HttpHeaders.createOptimized("x-amzn-RequestId");
    private static final CharSequence CONTENT_TYPE_HEADER = HttpHeaders.createOptimized("Content-Type");
    private static final CharSequence AWS_JSON = HttpHeaders.createOptimized(CONTENT_TYPE);
    /** The access log: off unless its logger is enabled at INFO (the server's --access-log does that). */
    private static final Logger ACCESS_LOG = LoggerFactory.getLogger("authfeedback.access");
    private static final CharSequence ERROR_TYPE = HttpHeaders.createOptimized("x-amzn-ErrorType");
    private static final Buffer EMPTY_OBJECT = Buffer.buffer("{}");
    private static final CharSequence X_AMZ_TARGET = HttpHeaders.createOptimized("X-Amz-Target");

    private final Vertx vertx;
    private final HttpAdapterSettings settings;
    private final AwsJsonOperations operations;
    private final FeedbackPage feedbackPage;
    /** Use cases whose stores block run on worker threads, never on the event loop. */
    private final boolean offloadToWorkers;
    private final StoreHealth storeHealth;
    private final SigV4Verifier verifier;
    private final PrometheusMeterRegistry metrics;
    /** Counters by operation, then outcome: nested so that a lookup builds no key string. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Counter>> counters = new ConcurrentHashMap<>();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
    /** The server instances, one per event loop, all on one port. */
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final List<String> deployments = new CopyOnWriteArrayList<>();
    private volatile int boundPort;
    private volatile boolean ready;

    public AwsJsonHttpServer(Vertx vertx, AuthEventFeedbackUseCases useCases, HttpAdapterSettings settings,
                             Clock clock, PrometheusMeterRegistry metrics) {
        this.vertx = vertx;
        this.settings = settings;
        this.operations = new AwsJsonOperations(useCases);
        this.feedbackPage = new FeedbackPage(vertx, useCases, ctx -> sourceAddress(ctx.request()));
        this.offloadToWorkers = useCases.blocking();
        this.storeHealth = useCases.storeHealth();
        this.verifier = new SigV4Verifier(settings.credentials(), settings.region(), clock);
        this.metrics = metrics;
    }

    public AwsJsonHttpServer(Vertx vertx, AuthEventFeedbackUseCases useCases, HttpAdapterSettings settings) {
        this(vertx, useCases, settings, Clock.systemUTC(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** Binds and starts serving; answers the port actually bound. */
    public int start() {
        HttpAdapterSettings.ConnectionLimits limits = settings.limits();
        HttpServerOptions options = new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                .setMaxHeaderSize(16 * 1024)
                .setMaxInitialLineLength(4096)
                .setCompressionSupported(false)
                // no WebSocket compression to offer, so Vert.x adds no WebSocket extension handler, which
                // every request and answer passed through (the server speaks no WebSocket)
                .setPerFrameWebSocketCompressionSupported(false)
                .setPerMessageWebSocketCompressionSupported(false)
                // HTTP/1.1 alone: with h2c on, Vert.x announces a connection only once its first request
                // has arrived, and the sweep could not close one that never sends it
                .setHttp2ClearTextEnabled(false);
        if (settings.tls() != null) {
            options.setSsl(true)
                    .setKeyCertOptions(new PemKeyCertOptions()
                            .setCertPath(settings.tls().certificateChain().toString())
                            .setKeyPath(settings.tls().privateKey().toString()))
                    .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"));
        }
        // one server instance per event loop (by default one per core), sharing the port: Vert.x
        // hands each new connection to the next. Instances share a port they all name, so port 0
        // becomes a free port found first (and found again if another process takes it meanwhile).
        for (int attempt = 1; ; attempt++) {
            options.setPort(settings.port() == 0 ? freePort(settings.host()) : settings.port());
            try {
                deployments.add(await(vertx.deployVerticle(() -> new ServerInstance(options),
                        new DeploymentOptions().setInstances(settings.eventLoopCount()))));
                break;
            } catch (IllegalStateException bindFailed) {
                if (settings.port() != 0 || attempt == 5) {
                    throw bindFailed;
                }
                servers.clear();
            }
        }
        boundPort = servers.get(0).actualPort();
        ready = true;
        return boundPort;
    }

    /** Stops accepting, lets in-flight requests finish for up to {@code grace}, then closes. */
    public void stop(Duration grace) {
        ready = false;
        await(Future.all(servers.stream().map(server -> server.shutdown(grace)).toList()));
        deployments.forEach(deployment -> await(vertx.undeploy(deployment)));
        deployments.clear();
        servers.clear();
    }

    private static int freePort(String host) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, 0));
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

    /** One server on one event loop, with its own router and its own requests in flight. */
    private final class ServerInstance extends VerticleBase {
        private final HttpServerOptions options;

        ServerInstance(HttpServerOptions options) {
            this.options = options;
        }

        @Override
        public Future<?> start() {
            Traffic traffic = new Traffic();
            Router router = router(traffic);
            vertx.setPeriodic(traffic.sweepMillis(), timer -> traffic.sweep());
            return vertx.createHttpServer(options)
                    .connectionHandler(traffic::admit)
                    .requestHandler(request -> {
                        // operations take the short way, past the router: nearly all the traffic
                        if (request.method() == HttpMethod.POST && "/".equals(request.path())) {
                            serveOperation(request, traffic);
                        } else {
                            router.handle(request);
                        }
                    }).listen().onSuccess(servers::add);
        }
    }

    public int port() {
        return boundPort;
    }

    /** The event loops serving connections, one server instance on each. */
    public int eventLoops() {
        return servers.size();
    }

    /** Connections open now (for tests of the limit). */
    public int openConnections() {
        return openConnections.get();
    }

    private Router router(Traffic traffic) {
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            begin(ctx.request(), traffic, whenEnded -> ctx.addEndHandler(ended -> whenEnded.handle(null)));
            ctx.next();
        });
        // ready: listening, and the stores can serve (a database that is down cannot)
        router.get("/health").handler(ctx -> health(ctx, ready && storeHealth.usable()));
        router.get("/health/ready").handler(ctx -> health(ctx, ready && storeHealth.usable()));
        router.get("/health/live").handler(ctx -> health(ctx, true));
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(metrics.scrape()));
        router.get(FeedbackPage.ROUTE).handler(feedbackPage::show);
        router.post(FeedbackPage.ROUTE).handler(feedbackPage::record);
        router.route().last().handler(ctx -> sendError(ctx.response(), 404, UNKNOWN_OPERATION,
                "No operation at " + ctx.request().method() + " " + ctx.request().path() + "."));
        router.route().failureHandler(this::handleFailure);
        return router;
    }

    /**
     * What every request gets: its id, its deadline (the whole request must arrive, and be answered,
     * within the request timeout) and, when the access log is on, its line once answered.
     * {@code whenEnded} registers the one thing to do when the response has ended. Answers when the
     * request arrived ({@link System#nanoTime()}).
     */
    private long begin(HttpServerRequest request, Traffic traffic, Consumer<Handler<Void>> whenEnded) {
        request.response().putHeader(REQUEST_ID, requestId());
        long arrived = System.nanoTime();
        Activity activity = traffic.activityOf(request.connection());
        if (activity.inFlight++ == 0) {
            activity.inFlightSince = arrived;
        }
        activity.requested = true;
        activity.touched = true;
        whenEnded.accept(ended -> {
            if (--activity.inFlight > 0) {
                activity.inFlightSince = System.nanoTime(); // the next one, begun before this one's end was told
            }
            activity.touched = true;
            if (ACCESS_LOG.isInfoEnabled()) {
                logAccess(request, arrived);
            }
        });
        return arrived;
    }

    /**
     * What the sweep knows of a connection: set by its event loop's thread alone. Over HTTP/1.1 Vert.x
     * hands a connection's requests over one at a time (a pipelined one waits for the answer before
     * it), so at most one is in flight.
     */
    private static final class Activity {
        int inFlight;
        /** When the request in flight began ({@link System#nanoTime()}). */
        long inFlightSince;
        /** Whether a request has begun on it. */
        boolean requested;
        /** Whether a request began or ended since the last sweep, which then sets {@link #lastActive}. */
        boolean touched;
        long lastActive;

        Activity(long opened) {
            lastActive = opened;
        }
    }

    /**
     * The connections of one event loop, touched by its thread alone. A sweep ten times per timeout
     * closes a connection whose request in flight has outlived the request timeout, one that has sent
     * no request within it, and one with no request in flight for the idle timeout. Cheaper per
     * request than what it replaces, as profiles showed: a Vert.x timer per request (about 0.3 µs), a
     * map keyed by request (0.2 µs, each request's identity hash made anew) and Netty's idle handler,
     * which reads the clock on every read and puts a listener on every write (about 3 % of a
     * request's CPU).
     */
    private final class Traffic {
        private final long requestTimeoutNanos = settings.limits().requestTimeout().toNanos();
        private final long idleTimeoutNanos = settings.limits().idleTimeout().toNanos();
        /** How long a connection may wait before its first request; also what the sweep's period is a tenth of. */
        private final long shorterTimeoutNanos = Math.min(requestTimeoutNanos, idleTimeoutNanos);
        private final Map<HttpConnection, Activity> connections = new HashMap<>();

        long sweepMillis() {
            return Math.max(10, shorterTimeoutNanos / 10_000_000);
        }

        /** Over the limit, a new connection is closed at once. */
        void admit(HttpConnection connection) {
            int open = openConnections.incrementAndGet();
            connections.put(connection, new Activity(System.nanoTime()));
            connection.closeHandler(closed -> {
                openConnections.decrementAndGet();
                connections.remove(connection);
            });
            if (open > settings.limits().maxConnections()) {
                connection.close();
            }
        }

        Activity activityOf(HttpConnection connection) {
            Activity activity = connections.get(connection);
            if (activity == null) { // not admitted here (never so far): kept until it closes, uncounted
                activity = new Activity(System.nanoTime());
                connections.put(connection, activity);
                connection.closeHandler(closed -> connections.remove(connection));
            }
            return activity;
        }

        void sweep() {
            long now = System.nanoTime();
            List<HttpConnection> toClose = new ArrayList<>();
            connections.forEach((connection, activity) -> {
                if (activity.touched) {
                    activity.touched = false;
                    activity.lastActive = now;
                }
                boolean overdue = activity.inFlight > 0 ? now - activity.inFlightSince > requestTimeoutNanos
                        : now - activity.lastActive > (activity.requested ? idleTimeoutNanos : shorterTimeoutNanos);
                if (overdue) {
                    toClose.add(connection);
                }
            });
            toClose.forEach(HttpConnection::close); // apart: closing one may take it out of the map at once
        }
    }

    private static void health(RoutingContext ctx, boolean up) {
        ctx.response().setStatusCode(up ? 200 : 503)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("status", up ? "UP" : "DOWN").toBuffer());
    }

    /**
     * Names the operation a well-formed target asks for, so that a caller of an operation this
     * server lacks learns which; anything else in the header is not echoed back.
     */
    static String unknownOperationMessage(String target) {
        if (target == null) {
            return "Missing X-Amz-Target header.";
        }
        String operation = target.substring(target.lastIndexOf('.') + 1);
        boolean plainName = target.indexOf('.') > 0 && !operation.isEmpty() && operation.length() <= 64
                && operation.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                        || (c >= '0' && c <= '9'));
        return plainName ? "Operation " + operation + " is not supported." : "Unknown X-Amz-Target.";
    }

    /**
     * {@code POST /}: target, content type and declared length are checked before the body is read,
     * so that a request refused anyway costs no buffering and no other content type (a form, say)
     * ever reaches a decoder; then the body is read up to the limit, verified and served.
     */
    private void serveOperation(HttpServerRequest request, Traffic traffic) {
        long started = begin(request, traffic, request.response()::endHandler);
        String target = request.getHeader(X_AMZ_TARGET);
        AwsJsonOperations.Handled operation = operations.forTarget(target);
        try {
            if (operation == null) {
                throw badRequest(UNKNOWN_OPERATION, unknownOperationMessage(target));
            }
            requireJsonContentType(request.getHeader(CONTENT_TYPE_HEADER));
            requireLengthWithinLimit(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        } catch (HttpFrameworkException refused) {
            respondWithError(request.response(), operation == null ? "unknown" : operation.operation().awsName(),
                    started, refused);
            return;
        }
        BodyReader body = new BodyReader(request, operation, started);
        request.handler(body).endHandler(body::end);
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            request.response().writeContinue(); // the head passed: the client may send the body (curl waits for this)
        }
    }

    /** Collects a request's body up to the limit, then serves the operation; over it, answers 413. */
    private final class BodyReader implements Handler<Buffer> {
        private final HttpServerRequest request;
        private final AwsJsonOperations.Handled operation;
        private final long started;
        private Buffer body;
        /** Whether {@link #body} is this reader's own buffer rather than the first chunk. */
        private boolean owned;
        private boolean tooLarge;

        BodyReader(HttpServerRequest request, AwsJsonOperations.Handled operation, long started) {
            this.request = request;
            this.operation = operation;
            this.started = started;
        }

        @Override
        public void handle(Buffer chunk) {
            if (tooLarge) {
                return;
            }
            if ((body == null ? 0 : body.length()) + chunk.length() > settings.maxBodyBytes()) {
                tooLarge = true;
                body = null;
                respondWithError(request.response(), operation.operation().awsName(), started, tooLarge());
                return;
            }
            if (body == null) {
                body = chunk; // most bodies arrive in one chunk: no copy
            } else {
                if (!owned) {
                    body = Buffer.buffer(body.length() + chunk.length()).appendBuffer(body); // once, then appended to
                    owned = true;
                }
                body.appendBuffer(chunk);
            }
        }

        void end(Void ended) {
            if (!tooLarge) {
                handleOperation(request, operation, started, body == null ? new byte[0] : body.getBytes());
            }
        }
    }

    private HttpFrameworkException tooLarge() {
        return new HttpFrameworkException(REQUEST_ENTITY_TOO_LARGE, 413,
                "The request body exceeds the limit of " + settings.maxBodyBytes() + " bytes.");
    }

    /** A declared length over the limit is refused before a byte of the body is read; a malformed one too. */
    private void requireLengthWithinLimit(String contentLength) {
        if (contentLength == null) {
            return;
        }
        long length;
        try {
            length = Long.parseLong(contentLength.strip());
        } catch (NumberFormatException malformed) {
            throw badRequest(SERIALIZATION, "The request could not be read.");
        }
        if (length > settings.maxBodyBytes()) {
            throw tooLarge();
        }
    }

    private void handleOperation(HttpServerRequest request, AwsJsonOperations.Handled operation, long started,
                                 byte[] body) {
        HttpServerResponse response = request.response();
        String name = operation.operation().awsName();
        try {
            if (operation.operation().authorization() == Operation.Authorization.ADMIN) {
                verifier.verify(request.method().name(), request.path(), request.query(), signedHeaders(request),
                        body);
            }
            // only an anonymous caller's quotas count by its address: admin requests skip the lookup
            boolean anonymous = operation.operation().authorization() == Operation.Authorization.FEEDBACK_TOKEN;
            JsonRequest input = JsonRequest.parse(body, anonymous ? sourceAddress(request) : null);
            if (offloadToWorkers) {
                vertx.executeBlocking(() -> operation.handler().apply(input), false).onComplete(result -> {
                    if (result.succeeded()) {
                        respond(response, name, started, result.result());
                    } else {
                        respondWithError(response, name, started, result.cause());
                    }
                });
            } else {
                respond(response, name, started, operation.handler().apply(input));
            }
        } catch (RuntimeException failure) {
            respondWithError(response, name, started, failure);
        }
    }

    /** The caller's address: from the trusted proxy's header when one is configured, else the peer's. */
    private String sourceAddress(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String header = settings.trustedProxyHeader();
        List<String> forwarded = header == null ? List.of() : request.headers().getAll(header);
        return SourceAddress.resolve(peer, forwarded.isEmpty() ? null : String.join(",", forwarded));
    }

    /** The request's headers as SigV4 reads them. */
    private static SigV4Verifier.Headers signedHeaders(HttpServerRequest request) {
        return new SigV4Verifier.Headers() {
            @Override
            public String first(String name) {
                return request.headers().get(name);
            }

            @Override
            public void forEach(BiConsumer<String, String> action) {
                request.headers().forEach(action);
            }
        };
    }

    private static void requireJsonContentType(String contentType) {
        if (!isAwsJsonMediaType(contentType)) {
            throw badRequest(SERIALIZATION, "Content-Type must be " + CONTENT_TYPE + ".");
        }
    }

    /**
     * Whether the media type (before any parameters, trimmed, in any case) is AWS JSON 1.1 or 1.0;
     * read in place, as this runs for every operation.
     */
    static boolean isAwsJsonMediaType(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        int end = parameters < 0 ? contentType.length() : parameters;
        int from = 0;
        while (from < end && Character.isWhitespace(contentType.charAt(from))) {
            from++;
        }
        while (end > from && Character.isWhitespace(contentType.charAt(end - 1))) {
            end--;
        }
        return SigV4Verifier.equalsAsciiIgnoringCase(CONTENT_TYPE, contentType, from, end)
                || SigV4Verifier.equalsAsciiIgnoringCase(AWS_JSON_1_0, contentType, from, end);
    }

    private void respond(HttpServerResponse response, String operation, long started, JsonObject output) {
        record(operation, "success", started);
        // most operations answer {}: skip the JSON encoder for them. One buffer serves every such
        // answer: Vert.x writes a slice of it, never the buffer itself (a copy each time cost 0.1 µs)
        response.setStatusCode(200).putHeader(CONTENT_TYPE_HEADER, AWS_JSON)
                .end(output.isEmpty() ? EMPTY_OBJECT : output.toBuffer());
    }

    private void respondWithError(HttpServerResponse response, String operation, long started, Throwable failure) {
        if (failure instanceof CognitoServiceException error) {
            if (error instanceof InternalErrorException internal) {
                if (internal.storeUnavailable()) {
                    // a known outage, which the store reports once: no stack trace per request
                    LOG.debug("request {} ({}) failed: {}", requestId(response), operation, internal.getCause().getMessage());
                } else {
                    LOG.error("request {} ({}) failed", requestId(response), operation, internal.getCause());
                }
            }
            record(operation, error.type().shapeName(), started);
            sendError(response, error.type().serverFault() ? 500 : 400, error.type().shapeName(), error.getMessage());
        } else if (failure instanceof HttpFrameworkException framework) {
            record(operation, framework.type(), started);
            sendError(response, framework.status(), framework.type(), framework.getMessage());
        } else {
            LOG.error("request {} ({}) failed unexpectedly", requestId(response), operation, failure);
            record(operation, ErrorType.INTERNAL_ERROR.shapeName(), started);
            sendError(response, 500, ErrorType.INTERNAL_ERROR.shapeName(), InternalErrorException.GENERIC_MESSAGE);
        }
    }

    private void handleFailure(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            HttpFrameworkException tooLarge = tooLarge();
            sendError(ctx.response(), tooLarge.status(), tooLarge.type(), tooLarge.getMessage());
            return;
        }
        if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            // the framework could not read the request (a malformed body or header)
            sendError(ctx.response(), 400, SERIALIZATION, "The request could not be read.");
            return;
        }
        LOG.error("request {} failed in the HTTP layer", requestId(ctx.response()), ctx.failure());
        sendError(ctx.response(), 500, ErrorType.INTERNAL_ERROR.shapeName(), InternalErrorException.GENERIC_MESSAGE);
    }

    private static void sendError(HttpServerResponse response, int status, String type, String message) {
        if (response.ended()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader(CONTENT_TYPE_HEADER, AWS_JSON)
                .putHeader(ERROR_TYPE, type + ":")
                .end(new JsonObject().put("__type", type).put("message", message).toBuffer());
    }

    /**
     * A random (version 4) UUID from a fast generator: request ids must be unique, not unguessable,
     * and UUID.randomUUID's SecureRandom would be a lock every request takes.
     */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static String requestId(HttpServerResponse response) {
        return response.headers().get(REQUEST_ID);
    }

    private void record(String operation, String outcome, long started) {
        // operation and outcome come from fixed sets, so these caches stay small
        counters.computeIfAbsent(operation, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, key -> Counter.builder("authfeedback.requests")
                .description("Requests by operation and outcome (success or the AWS error type)")
                .tag("operation", operation).tag("outcome", outcome)
                .register(metrics)).increment();
        timers.computeIfAbsent(operation, key -> Timer.builder("authfeedback.request.duration")
                .description("Time from the routed request to the answer")
                .tag("operation", operation)
                .publishPercentileHistogram()
                .register(metrics)).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /**
     * One line per request: what was asked, how it was answered, how long it took and its id. Never
     * a header or a body, so no signature, token or personal data.
     */
    /** A feedback link's path holds its token: the log says only that the page was asked for. */
    private static String loggedPath(String path) {
        return path != null && path.startsWith("/feedback/") ? "/feedback/..." : path;
    }

    private void logAccess(HttpServerRequest request, long arrived) {
        AwsJsonOperations.Handled handled = request.method() == HttpMethod.POST && "/".equals(request.path())
                ? operations.forTarget(request.getHeader(X_AMZ_TARGET)) : null;
        String operation = handled != null ? handled.operation().awsName()
                : request.method().name() + " " + printable(loggedPath(request.path()));
        HttpServerResponse response = request.response();
        String errorType = response.headers().get(ERROR_TYPE);
        String error = errorType == null ? "-" : errorType.substring(0, errorType.length() - 1);
        int status = response.getStatusCode();
        String duration = String.format(Locale.ROOT, "%.3f", (System.nanoTime() - arrived) / 1e6);
        String id = requestId(response);
        ACCESS_LOG.atInfo().addKeyValue("operation", operation).addKeyValue("status", status)
                .addKeyValue("error", error).addKeyValue("duration_ms", duration).addKeyValue("request_id", id)
                .log("{} status={} error={} duration_ms={} request_id={}", operation, status, error, duration, id);
    }

    /** A caller's path as a log shows it: at most 100 characters, anything but printable ASCII as '?'. */
    static String printable(String path) {
        String cut = path.length() > 100 ? path.substring(0, 100) + "..." : path;
        StringBuilder shown = new StringBuilder(cut.length());
        cut.chars().forEach(c -> shown.append(c >= 0x21 && c < 0x7f ? (char) c : '?'));
        return shown.toString();
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the HTTP server", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the HTTP server did not start or stop: " + e.getMessage(), e);
        }
    }
}
