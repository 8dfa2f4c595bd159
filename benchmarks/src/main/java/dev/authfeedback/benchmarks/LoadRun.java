package dev.authfeedback.benchmarks;

import dev.authfeedback.adapter.http.AwsJsonHttpServer;
import dev.authfeedback.conformance.HttpDriver;
import dev.authfeedback.conformance.PostgresTestDatabase;
import dev.authfeedback.conformance.RawAwsJsonClient;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.port.in.AttributeInput;
import dev.authfeedback.domain.port.in.SetRiskConfigurationCommand;
import dev.authfeedback.server.AuthFeedbackServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Load runs: the project's server and a bare baseline as separate processes, the load generator as a
 * third, short slices alternating A B B A after a warm-up, so that a noisy machine weighs on both
 * alike. Reports requests/s, p50 and p99 and server CPU per request, absolute and as ratios.
 */
final class LoadRun {

    static final String KEY = "AKIDBENCHMARK0000001";
    static final String SECRET = "benchmark-secret-00000000000000000000000";
    static final String ADMIN_KEY = "benchmark-admin-key";
    private static final String REGION = "us-east-1";

    /** How long to warm up and to measure, and with how many connections. */
    record Plan(double warmupSeconds, double sliceSeconds, int slicePairs, int connections) {
    }

    /** What a comparison sends: to a target address, with a request description for the generator. */
    private record Side(String name, ChildProcess process, String host, int port) {
    }

    private final Plan plan;
    private final Results results;
    private final List<String> serverJvmOptions;

    /** {@code serverJvmOptions} go to the project's server JVMs only, e.g. to record a JFR profile. */
    LoadRun(Plan plan, Results results, List<String> serverJvmOptions) {
        this.plan = plan;
        this.results = results;
        this.serverJvmOptions = List.copyOf(serverJvmOptions);
    }

    void run(boolean withPostgres) {
        try (ChildProcess server = startServer();
             ChildProcess bareHttp = ChildProcess.java(List.of("-Xmx1g"), BareHttpServer.class);
             ChildProcess bareGrpc = ChildProcess.java(List.of("-Xmx1g"), BareGrpcServer.class);
             ChildProcess generator = ChildProcess.java(List.of("-Xmx1g"), LoadGenerator.class)) {
            Map<String, String> serverAddresses = parse(server.awaitLine("ready ", 60));
            Side projectHttp = side("server", server, serverAddresses.get("http"));
            Side projectGrpc = side("server", server, serverAddresses.get("grpc"));
            Side baselineHttp = side("bare-vertx", bareHttp, parse(bareHttp.awaitLine("ready ", 60)).get("http"));
            Side baselineGrpc = side("bare-grpc", bareGrpc, parse(bareGrpc.awaitLine("ready ", 60)).get("grpc"));
            generator.awaitLine("ready", 60);

            Workload workload = Workload.create(projectHttp);
            compare("http", generator, baselineHttp, projectHttp, () -> workload.adminFeedbackOverHttp());
            compare("http.user_feedback", generator, baselineHttp, projectHttp, workload::userFeedbackOverHttp);
            compare("grpc", generator, baselineGrpc, projectGrpc, workload::adminFeedbackOverGrpc);
            compare("http.record_evaluated", generator, baselineHttp, projectHttp, workload::evaluatedSignInsOverHttp);
            compareNotifying(generator, baselineHttp);
            if (withPostgres) {
                String jdbcUrl = PostgresTestDatabase.newDatabase();
                try (ChildProcess postgresServer = startServer("--store", "postgres", "--jdbc-url", jdbcUrl,
                        "--jdbc-user", "postgres", "--jdbc-password", "postgres")) {
                    Side postgresHttp = side("server-postgres", postgresServer,
                            parse(postgresServer.awaitLine("ready ", 60)).get("http"));
                    Workload onPostgres = Workload.create(postgresHttp);
                    compare("postgres.http", generator, baselineHttp, postgresHttp, onPostgres::adminFeedbackOverHttp);
                    compare("postgres.http.record_evaluated", generator, baselineHttp, postgresHttp,
                            onPostgres::evaluatedSignInsOverHttp);
                }
            }
        }
    }

    /**
     * The evaluated sign-ins again, each one notifying, on a server whose mail server (GreenMail, in
     * this JVM) takes every message, then on one whose mail server is unreachable; one at a time, so
     * that neither's sending runs during the other's measurement. Sending is off the request path, so
     * the p99 with the mail server unreachable should be no worse than with it up; both are measured
     * against the same baseline.
     */
    private void compareNotifying(ChildProcess generator, Side baselineHttp) {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        int sent;
        try {
            measureNotifying("http.record_notified_smtp_up", generator, baselineHttp, mail.getSmtp().getPort());
            sent = mail.getReceivedMessages().length;
        } finally {
            mail.stop();
        }
        int unreachable;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            unreachable = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        measureNotifying("http.record_notified_smtp_down", generator, baselineHttp, unreachable);
        double upP99 = ((Number) results.get("http.record_notified_smtp_up.p99_ms")).doubleValue();
        double downP99 = ((Number) results.get("http.record_notified_smtp_down.p99_ms")).doubleValue();
        results.put("notify.p99_smtp_down_over_up", downP99 / upP99);
        results.put("notify.emails_received_during_the_up_run", sent);
        progress(String.format("notifications: p99 %.2f ms with the mail server up, %.2f ms with it unreachable "
                + "(ratio %.3f); %d emails received", upP99, downP99, downP99 / upP99, sent));
    }

    private void measureNotifying(String name, ChildProcess generator, Side baselineHttp, int smtpPort) {
        // every sign-in keeps a notification in memory: room for a run's worth
        try (ChildProcess server = startServer(List.of("-Xmx6g"), "--smtp-host", "127.0.0.1", "--smtp-port",
                String.valueOf(smtpPort), "--smtp-starttls", "off")) {
            Side side = side(name.endsWith("up") ? "server-smtp-up" : "server-smtp-down", server,
                    parse(server.awaitLine("ready ", 60)).get("http"));
            Workload workload = Workload.create(side, true);
            compare(name, generator, baselineHttp, side, workload::evaluatedSignInsOverHttp);
        }
    }

    private ChildProcess startServer(String... extra) {
        return startServer(List.of("-Xmx2g"), extra);
    }

    private ChildProcess startServer(List<String> heap, String... extra) {
        List<String> args = new ArrayList<>(List.of("--http-port", "0", "--grpc-port", "0", "--credentials",
                KEY + ":" + SECRET, "--grpc-admin-keys", ADMIN_KEY, "--rate-limit-rps", "0"));
        args.addAll(List.of(extra));
        List<String> jvm = new ArrayList<>(heap);
        jvm.addAll(serverJvmOptions);
        return ChildProcess.java(jvm, AuthFeedbackServer.class, args.toArray(new String[0]));
    }

    private static Side side(String name, ChildProcess process, String address) {
        String[] hostPort = address.split(":");
        return new Side(name, process, hostPort[0], Integer.parseInt(hostPort[1]));
    }

    /** {@code ready http=h:p grpc=h:p} to a map. */
    private static Map<String, String> parse(String readyLine) {
        Map<String, String> addresses = new LinkedHashMap<>();
        for (String part : readyLine.substring("ready ".length()).split(" ")) {
            String[] keyValue = part.split("=", 2);
            addresses.put(keyValue[0], keyValue[1]);
        }
        return addresses;
    }

    private void compare(String name, ChildProcess generator, Side baseline, Side project,
                         Supplier<JsonObject> command) {
        progress(name + ": warming up " + baseline.name() + " and " + project.name() + " for "
                + plan.warmupSeconds() + " s");
        drive(generator, baseline, command.get(), plan.warmupSeconds() / 2);
        drive(generator, project, command.get(), plan.warmupSeconds() / 2);
        Totals a = new Totals();
        Totals b = new Totals();
        for (int pair = 0; pair < plan.slicePairs(); pair++) {
            boolean baselineFirst = pair % 2 == 0; // A B, then B A: each side gets both positions
            if (baselineFirst) {
                a.add(measure(generator, baseline, command.get()));
                b.add(measure(generator, project, command.get()));
            } else {
                b.add(measure(generator, project, command.get()));
                a.add(measure(generator, baseline, command.get()));
            }
        }
        if (a.errors + b.errors > 0) {
            // figures of failing requests measure nothing: stop rather than report them
            throw new IllegalStateException(name + ": " + a.errors + " failed requests on " + baseline.name() + ", "
                    + b.errors + " on " + project.name());
        }
        results.put(name + ".baseline_rps", a.rps());
        results.put(name + ".rps", b.rps());
        results.put(name + ".throughput_ratio", b.rps() / a.rps());
        results.put(name + ".baseline_p50_ms", a.percentileMillis(50));
        results.put(name + ".p50_ms", b.percentileMillis(50));
        results.put(name + ".baseline_p99_ms", a.percentileMillis(99));
        results.put(name + ".p99_ms", b.percentileMillis(99));
        results.put(name + ".baseline_cpu_us_per_request", a.cpuMicrosPerRequest());
        results.put(name + ".cpu_us_per_request", b.cpuMicrosPerRequest());
        results.put(name + ".cpu_ratio", b.cpuMicrosPerRequest() / a.cpuMicrosPerRequest());
        progress(String.format("%s: %.0f req/s vs baseline %.0f (ratio %.3f), p99 %.2f ms, CPU ratio %.3f", name,
                b.rps(), a.rps(), b.rps() / a.rps(), b.percentileMillis(99),
                b.cpuMicrosPerRequest() / a.cpuMicrosPerRequest()));
    }

    private Slice measure(ChildProcess generator, Side side, JsonObject command) {
        double cpuBefore = side.process().cpuSeconds();
        JsonObject result = drive(generator, side, command, plan.sliceSeconds());
        double cpu = side.process().cpuSeconds() - cpuBefore;
        return new Slice(result, cpu);
    }

    private JsonObject drive(ChildProcess generator, Side side, JsonObject command, double seconds) {
        generator.send(command.copy().put("host", side.host()).put("port", side.port())
                .put("connections", plan.connections()).put("seconds", seconds).encode());
        return new JsonObject(generator.awaitLine("result ", (long) seconds + 120).substring("result ".length()));
    }

    static void progress(String message) {
        System.err.println("[bench] " + message);
    }

    private record Slice(JsonObject result, double cpuSeconds) {
    }

    /** The sum of one side's slices. */
    private static final class Totals {
        long requests;
        long errors;
        double seconds;
        double cpuSeconds;
        final Histogram latencies = new Histogram(3);

        void add(Slice slice) {
            requests += slice.result().getLong("requests");
            errors += slice.result().getLong("errors");
            seconds += slice.result().getDouble("seconds");
            cpuSeconds += slice.cpuSeconds();
            byte[] encoded = Base64.getDecoder().decode(slice.result().getString("histogram"));
            try {
                latencies.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded), 0));
            } catch (java.util.zip.DataFormatException e) {
                throw new IllegalStateException("unreadable latency histogram", e);
            }
        }

        double rps() {
            return requests / seconds;
        }

        double percentileMillis(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1000.0;
        }

        double cpuMicrosPerRequest() {
            return cpuSeconds * 1e6 / Math.max(1, requests);
        }
    }

    /**
     * The data the runs work on, made through the project's own API, and the requests that use it:
     * one user's 64 events for feedback, and {@value #SIGNERS} users with {@value #HOME_SIGN_INS}
     * sign-ins each from home, whose sign-ins from one faraway context every request evaluates (all
     * of them add to the same pool figures, the hot case for the pool's counters).
     */
    private record Workload(URI endpoint, String poolId, List<Recorded> events) {

        static final int SIGNERS = 64;
        static final int HOME_SIGN_INS = 20;
        static final EventContextData HOME = new EventContextData("203.0.113.5", "Firefox 120, Linux", "+01:00",
                "Oslo", "Norway");
        static final JsonObject FARAWAY = new JsonObject().put("IpAddress", "198.51.100.9")
                .put("DeviceName", "Chrome 119, Windows").put("Timezone", "-03:00").put("City", "Recife")
                .put("Country", "Brazil");

        static Workload create(Side server) {
            return create(server, false);
        }

        /** {@code notifying}: the pool notifies at high risk, and every signer has an email address. */
        static Workload create(Side server, boolean notifying) {
            URI endpoint = URI.create("http://" + server.host() + ":" + server.port() + "/");
            try (HttpDriver driver = new HttpDriver(endpoint, REGION, KEY, SECRET, () -> { })) {
                PoolView pool = driver.createUserPool("bench", "ENFORCED", "PLUS", null, null);
                if (notifying) {
                    driver.setRiskConfiguration(pool.id(), null, null,
                            new SetRiskConfigurationCommand.AccountTakeoverInput(null,
                                    new SetRiskConfigurationCommand.ActionsInput(null, null,
                                            new SetRiskConfigurationCommand.LevelActionInput(true, "BLOCK"))), null);
                }
                driver.adminCreateUser(pool.id(), "jane", List.of(), null);
                List<Recorded> events = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    events.add(driver.recordAuthEvent(pool.id(), "jane", "SignIn", "Pass", null, null, null));
                }
                for (int signer = 0; signer < SIGNERS; signer++) {
                    driver.adminCreateUser(pool.id(), "signer" + signer, notifying
                            ? List.of(new AttributeInput("email", "signer" + signer + "@example.com")) : List.of(), null);
                    for (int i = 0; i < HOME_SIGN_INS; i++) {
                        driver.recordAuthEvent(pool.id(), "signer" + signer, "SignIn", "Pass", null, null, HOME);
                    }
                }
                return new Workload(endpoint, pool.id(), events);
            }
        }

        /** One signed AdminUpdateAuthEventFeedback, signed now (signatures live 15 minutes) and replayed. */
        JsonObject adminFeedbackOverHttp() {
            String body = new JsonObject().put("UserPoolId", poolId).put("Username", "jane")
                    .put("EventId", events.get(0).eventId()).put("FeedbackValue", "Invalid").encode();
            return httpRequests(new JsonArray().add(signed(
                    "AWSCognitoIdentityProviderService.AdminUpdateAuthEventFeedback", body)));
        }

        /** UpdateAuthEventFeedback with each event's token in turn, unsigned as the model says. */
        JsonObject userFeedbackOverHttp() {
            JsonArray requests = new JsonArray();
            for (Recorded event : events) {
                String body = new JsonObject().put("UserPoolId", poolId).put("Username", "jane")
                        .put("EventId", event.eventId()).put("FeedbackToken", event.feedbackToken())
                        .put("FeedbackValue", "Valid").encode();
                requests.add(new JsonObject().put("body", body).put("headers", new JsonObject()
                        .put("Content-Type", AwsJsonHttpServer.CONTENT_TYPE)
                        .put("X-Amz-Target", "AWSCognitoIdentityProviderService.UpdateAuthEventFeedback")));
            }
            return httpRequests(requests);
        }

        /** RecordAuthEvent for each signer in turn, from the faraway context: evaluated, High, blocked. */
        JsonObject evaluatedSignInsOverHttp() {
            JsonArray requests = new JsonArray();
            for (int signer = 0; signer < SIGNERS; signer++) {
                String body = new JsonObject().put("UserPoolId", poolId).put("Username", "signer" + signer)
                        .put("EventType", "SignIn").put("EventResponse", "Pass").put("EventContextData", FARAWAY)
                        .encode();
                requests.add(signed("AuthEventFeedback.RecordAuthEvent", body));
            }
            return httpRequests(requests);
        }

        /** Signed for the project's server (Host is signed); the baseline gets the same bytes and ignores them. */
        private JsonObject signed(String target, String body) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", AwsJsonHttpServer.CONTENT_TYPE);
            headers.put("X-Amz-Target", target);
            Map<String, String> signed = RawAwsJsonClient.signedHeaders(endpoint,
                    new RawAwsJsonClient.Signing(REGION, KEY, SECRET), headers, body.getBytes(StandardCharsets.UTF_8));
            JsonObject headerJson = new JsonObject();
            signed.forEach(headerJson::put);
            return new JsonObject().put("body", body).put("headers", headerJson);
        }

        private static JsonObject httpRequests(JsonArray requests) {
            return new JsonObject().put("protocol", "http").put("requests", requests);
        }

        JsonObject adminFeedbackOverGrpc() {
            JsonArray ids = new JsonArray();
            events.forEach(event -> ids.add(event.eventId()));
            return new JsonObject().put("protocol", "grpc").put("adminKey", ADMIN_KEY).put("poolId", poolId)
                    .put("username", "jane").put("eventIds", ids);
        }
    }
}
