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
import dev.authfeedback.adapter.grpc.v1.AdminUpdateAuthEventFeedbackRequest;
import dev.authfeedback.adapter.grpc.v1.FeedbackServiceGrpc;
import dev.authfeedback.adapter.grpc.v1.FeedbackValue;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Load runs: the project's server and a bare baseline as separate processes, driven by a native
 * load generator (wrk, h2load) in short slices alternating A B B A after a warm-up, so that a noisy
 * machine weighs on both alike. Reports requests/s, p50 and p99, server CPU per request (absolute
 * and as ratios) and the generator's share of the machine's CPU.
 */
final class LoadRun {

    static final String KEY = "AKIDBENCHMARK0000001";
    static final String SECRET = "benchmark-secret-00000000000000000000000";
    static final String ADMIN_KEY = "benchmark-admin-key";
    private static final String REGION = "us-east-1";
    private static final double WARMUP_ROUND_SECONDS = 2;

    /** How long to warm up and to measure, and with how many connections. */
    record Plan(double warmupSeconds, double sliceSeconds, int slicePairs, int connections) {
    }

    /** A server under load: its process (for its CPU time; null when not ours) and its address. */
    record Side(String name, ChildProcess process, String host, int port) {
    }

    private final Plan plan;
    private final Results results;
    private final List<String> serverJvmOptions;
    private final Predicate<String> selected;

    /**
     * {@code serverJvmOptions} go to the project's server JVMs only, e.g. to record a JFR profile;
     * {@code selected} says which comparisons (by name, e.g. {@code http}) run.
     */
    LoadRun(Plan plan, Results results, List<String> serverJvmOptions, Predicate<String> selected) {
        this.plan = plan;
        this.results = results;
        this.serverJvmOptions = List.copyOf(serverJvmOptions);
        this.selected = selected;
    }

    void run(boolean withPostgres) {
        try (ChildProcess server = startServer();
             ChildProcess bareHttp = ChildProcess.java(List.of("-Xmx1g"), BareHttpServer.class);
             ChildProcess bareHttpEpoll = ChildProcess.java(List.of("-Xmx1g"), BareHttpServer.class, "epoll");
             ChildProcess bareGrpc = ChildProcess.java(List.of("-Xmx1g"), BareGrpcServer.class)) {
            Map<String, String> serverAddresses = parse(server.awaitLine("ready ", 60));
            Side projectHttp = side("server", server, serverAddresses.get("http"));
            Side projectGrpc = side("server", server, serverAddresses.get("grpc"));
            Side baselineHttp = side("bare-vertx", bareHttp, parse(bareHttp.awaitLine("ready ", 60)).get("http"));
            Side baselineHttpEpoll = side("bare-vertx-epoll", bareHttpEpoll,
                    parse(bareHttpEpoll.awaitLine("ready ", 60)).get("http"));
            Side baselineGrpc = side("bare-grpc", bareGrpc, parse(bareGrpc.awaitLine("ready ", 60)).get("grpc"));

            Workload workload = Workload.create(projectHttp);
            compare("http", baselineHttp, projectHttp, () -> http(workload.adminFeedbackOverHttp()));
            compare("http.same_transport", baselineHttpEpoll, projectHttp, () -> http(workload.adminFeedbackOverHttp()));
            compare("http.user_feedback", baselineHttp, projectHttp, () -> http(workload.userFeedbackOverHttp()));
            compare("http.admin_get_user", baselineHttp, projectHttp, () -> http(workload.adminGetUserOverHttp()));
            compare("grpc", baselineGrpc, projectGrpc, () -> workload.adminFeedbackOverGrpc(projectGrpc,
                    plan.connections()));
            compare("http.record_evaluated", baselineHttp, projectHttp,
                    () -> http(workload.evaluatedSignInsOverHttp()));
            compareNotifying(baselineHttp);
            if (withPostgres) {
                String jdbcUrl = PostgresTestDatabase.newDatabase();
                try (ChildProcess postgresServer = startServer("--store", "postgres", "--jdbc-url", jdbcUrl,
                        "--jdbc-user", "postgres", "--jdbc-password", "postgres")) {
                    Side postgresHttp = side("server-postgres", postgresServer,
                            parse(postgresServer.awaitLine("ready ", 60)).get("http"));
                    Workload onPostgres = Workload.create(postgresHttp);
                    compare("postgres.http", baselineHttp, postgresHttp,
                            () -> http(onPostgres.adminFeedbackOverHttp()));
                    compare("postgres.http.record_evaluated", baselineHttp, postgresHttp,
                            () -> http(onPostgres.evaluatedSignInsOverHttp()));
                    compareWithDatabase("postgres.feedback_vs_pgbench", postgresHttp, onPostgres, jdbcUrl);
                }
            }
        }
    }

    /** What one slice sends to one side, for a given time. */
    @FunctionalInterface
    interface Load {
        NativeLoad.Slice drive(Side side, double seconds);
    }

    private Load http(List<NativeLoad.HttpRequest> requests) {
        return (side, seconds) -> NativeLoad.wrk(side.host(), side.port(), requests, plan.connections(), seconds);
    }

    /**
     * The evaluated sign-ins again, each one notifying, on a server whose mail server (GreenMail, in
     * this JVM) takes every message, then on one whose mail server is unreachable; one at a time, so
     * that neither's sending runs during the other's measurement. Sending is off the request path, so
     * the p99 with the mail server unreachable should be no worse than with it up; both are measured
     * against the same baseline. The target compares the two, so naming either runs both.
     */
    private void compareNotifying(Side baselineHttp) {
        if (!selected.test("http.record_notified_smtp_up") && !selected.test("http.record_notified_smtp_down")) {
            return;
        }
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        int sent;
        try {
            measureNotifying("http.record_notified_smtp_up", baselineHttp, mail.getSmtp().getPort());
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
        measureNotifying("http.record_notified_smtp_down", baselineHttp, unreachable);
        double upP99 = ((Number) results.get("http.record_notified_smtp_up.p99_ms")).doubleValue();
        double downP99 = ((Number) results.get("http.record_notified_smtp_down.p99_ms")).doubleValue();
        results.put("notify.p99_smtp_down_over_up", downP99 / upP99);
        results.put("notify.emails_received_during_the_up_run", sent);
        progress(String.format("notifications: p99 %.2f ms with the mail server up, %.2f ms with it unreachable "
                + "(ratio %.3f); %d emails received", upP99, downP99, downP99 / upP99, sent));
    }

    private void measureNotifying(String name, Side baselineHttp, int smtpPort) {
        // every sign-in keeps a notification in memory: room for a run's worth
        try (ChildProcess server = startServer(List.of("-Xmx6g"), "--smtp-host", "127.0.0.1", "--smtp-port",
                String.valueOf(smtpPort), "--smtp-starttls", "off")) {
            Side side = side(name.endsWith("up") ? "server-smtp-up" : "server-smtp-down", server,
                    parse(server.awaitLine("ready ", 60)).get("http"));
            Workload workload = Workload.create(side, true);
            Supplier<Load> load = () -> http(workload.evaluatedSignInsOverHttp());
            compare(name, baselineHttp, side, load, load);
        }
    }

    private ChildProcess startServer(String... extra) {
        return startServer(List.of("-Xmx2g"), extra);
    }

    private ChildProcess startServer(List<String> heap, String... extra) {
        // one event loop, as the bare Vert.x server has (its server is made outside a verticle): like for like
        List<String> args = new ArrayList<>(List.of("--http-port", "0", "--grpc-port", "0", "--credentials",
                KEY + ":" + SECRET, "--grpc-admin-keys", ADMIN_KEY, "--rate-limit-rps", "0", "--http-event-loops", "1"));
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

    private void compare(String name, Side baseline, Side project, Supplier<Load> load) {
        if (selected.test(name)) {
            compare(name, baseline, project, load, load);
        }
    }

    private void compare(String name, Side baseline, Side project, Supplier<Load> baselineLoad,
                         Supplier<Load> projectLoad) {
        // in short rounds: each opens its connections anew, as every measured slice does, and new
        // connections take the servers' compiled code down paths it had not seen (a JIT trap each
        // time, a recompilation of the whole inlined handler after a few); measuring starts after
        int rounds = Math.max(1, (int) Math.round(plan.warmupSeconds() / 2 / WARMUP_ROUND_SECONDS));
        progress(name + ": warming up " + baseline.name() + " and " + project.name() + " for "
                + plan.warmupSeconds() + " s in " + rounds + " rounds each");
        for (int round = 0; round < rounds; round++) {
            baselineLoad.get().drive(baseline, plan.warmupSeconds() / 2 / rounds);
            projectLoad.get().drive(project, plan.warmupSeconds() / 2 / rounds);
        }
        Totals a = new Totals();
        Totals b = new Totals();
        List<Double> throughputRatios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (int pair = 0; pair < plan.slicePairs(); pair++) {
            boolean baselineFirst = pair % 2 == 0; // A B, then B A: each side gets both positions
            Measured fromBaseline;
            Measured fromProject;
            if (baselineFirst) {
                fromBaseline = measure(baseline, baselineLoad.get());
                fromProject = measure(project, projectLoad.get());
            } else {
                fromProject = measure(project, projectLoad.get());
                fromBaseline = measure(baseline, baselineLoad.get());
            }
            a.add(fromBaseline);
            b.add(fromProject);
            throughputRatios.add(fromProject.rps() / fromBaseline.rps());
            cpuRatios.add(fromProject.cpuPerRequest() / fromBaseline.cpuPerRequest());
        }
        if (a.errors + b.errors > 0) {
            // figures of failing requests measure nothing: stop rather than report them
            throw new IllegalStateException(name + ": " + a.errors + " failed requests on " + baseline.name() + ", "
                    + b.errors + " on " + project.name());
        }
        results.put(name + ".baseline_rps", a.rps());
        results.put(name + ".rps", b.rps());
        results.put(name + ".throughput_ratio", b.rps() / a.rps());
        RatioInterval throughputInterval = RatioInterval.of(throughputRatios);
        if (throughputInterval != null) {
            results.put(name + ".throughput_ratio_low", throughputInterval.low());
            results.put(name + ".throughput_ratio_high", throughputInterval.high());
        }
        results.put(name + ".baseline_p50_ms", a.percentileMillis(50));
        results.put(name + ".p50_ms", b.percentileMillis(50));
        results.put(name + ".baseline_p99_ms", a.percentileMillis(99));
        results.put(name + ".p99_ms", b.percentileMillis(99));
        results.put(name + ".p99_ratio", b.percentileMillis(99) / a.percentileMillis(99));
        results.put(name + ".cpu_us_per_request", b.cpuMicrosPerRequest());
        results.put(name + ".generator_cpu_share", b.generatorShare());
        if (baseline.process() != null) { // a baseline that is no process of ours (pgbench) has no CPU figures
            results.put(name + ".baseline_cpu_us_per_request", a.cpuMicrosPerRequest());
            results.put(name + ".cpu_ratio", b.cpuMicrosPerRequest() / a.cpuMicrosPerRequest());
            RatioInterval cpuInterval = RatioInterval.of(cpuRatios);
            if (cpuInterval != null) {
                results.put(name + ".cpu_ratio_low", cpuInterval.low());
                results.put(name + ".cpu_ratio_high", cpuInterval.high());
            }
        }
        results.put(name + ".baseline_generator_cpu_share", a.generatorShare());
        progress(String.format("%s: %.0f req/s vs %s %.0f (ratio %.3f), p99 %.2f vs %.2f ms, server CPU %.1f µs%s, "
                        + "generator %.0f %% of the machine's CPU", name, b.rps(), baseline.name(), a.rps(),
                b.rps() / a.rps(), b.percentileMillis(99), a.percentileMillis(99), b.cpuMicrosPerRequest(),
                baseline.process() == null ? "" : String.format(" vs %.1f (ratio %.3f)", a.cpuMicrosPerRequest(),
                        b.cpuMicrosPerRequest() / a.cpuMicrosPerRequest()), 100 * b.generatorShare()));
    }

    /**
     * The server's admin feedback over HTTP, spread over 64 events of one user, against pgbench
     * running the statement one such feedback comes to (the UPDATE ... RETURNING, a transaction of
     * its own) on the same events of the same database: how near the server comes to what one
     * commit per write allows. Slices alternate as in the other comparisons.
     */
    private void compareWithDatabase(String name, Side server, Workload workload, String jdbcUrl) {
        if (!selected.test(name)) {
            return;
        }
        List<String> statements = workload.feedbackStatements(jdbcUrl);
        results.put(name + ".synchronous_commit", setting(jdbcUrl, "synchronous_commit"));
        results.put(name + ".fsync", setting(jdbcUrl, "fsync"));
        results.put(name + ".full_page_writes", setting(jdbcUrl, "full_page_writes"));
        Load database = (side, seconds) -> Pgbench.run(jdbcUrl, statements, plan.connections(), seconds);
        compare(name, new Side("pgbench", null, server.host(), server.port()), server,
                () -> database, () -> http(workload.adminFeedbackSpreadOverHttp()));
    }

    /** A setting of the benchmark's PostgreSQL server, as it reports it. */
    private static String setting(String jdbcUrl, String name) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             java.sql.ResultSet row = connection.createStatement().executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the database's " + name, e);
        }
    }

    private Measured measure(Side side, Load load) {
        double cpuBefore = side.process() == null ? 0 : side.process().cpuSeconds();
        NativeLoad.Slice slice = load.drive(side, plan.sliceSeconds());
        return new Measured(slice, side.process() == null ? 0 : side.process().cpuSeconds() - cpuBefore);
    }

    static void progress(String message) {
        System.err.println("[bench] " + message);
    }

    /** A slice and the server's CPU time during it. */
    private record Measured(NativeLoad.Slice slice, double serverCpuSeconds) {
        double rps() {
            return slice.requests() / slice.seconds();
        }

        double cpuPerRequest() {
            return serverCpuSeconds / Math.max(1, slice.requests());
        }
    }

    /** The sum of one side's slices. */
    private static final class Totals {
        private static final int CORES = Runtime.getRuntime().availableProcessors();
        long requests;
        long errors;
        double seconds;
        double serverCpuSeconds;
        double generatorCpuSeconds;
        final Histogram latencies = new Histogram(3);

        void add(Measured measured) {
            NativeLoad.Slice slice = measured.slice();
            requests += slice.requests();
            errors += slice.errors();
            seconds += slice.seconds();
            serverCpuSeconds += measured.serverCpuSeconds();
            generatorCpuSeconds += slice.generatorCpuSeconds();
            latencies.add(slice.latencies());
        }

        double rps() {
            return requests / seconds;
        }

        double percentileMillis(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1000.0;
        }

        double cpuMicrosPerRequest() {
            return serverCpuSeconds * 1e6 / Math.max(1, requests);
        }

        /** The generator's CPU time over all the machine's cores for the slices' time. */
        double generatorShare() {
            return generatorCpuSeconds / (seconds * CORES);
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
        List<NativeLoad.HttpRequest> adminFeedbackOverHttp() {
            String body = new JsonObject().put("UserPoolId", poolId).put("Username", "jane")
                    .put("EventId", events.get(0).eventId()).put("FeedbackValue", "Invalid").encode();
            return List.of(signed("AWSCognitoIdentityProviderService.AdminUpdateAuthEventFeedback", body));
        }

        /** AdminUpdateAuthEventFeedback for each of the 64 events in turn, signed now. */
        List<NativeLoad.HttpRequest> adminFeedbackSpreadOverHttp() {
            List<NativeLoad.HttpRequest> requests = new ArrayList<>();
            for (Recorded event : events) {
                requests.add(signed("AWSCognitoIdentityProviderService.AdminUpdateAuthEventFeedback",
                        new JsonObject().put("UserPoolId", poolId).put("Username", "jane")
                                .put("EventId", event.eventId()).put("FeedbackValue", "Invalid").encode()));
            }
            return requests;
        }

        /**
         * For pgbench, one script per event: the statement the PostgreSQL store runs for an admin
         * feedback on an event without a context, with the same columns returned.
         */
        List<String> feedbackStatements(String jdbcUrl) {
            String sub;
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                 java.sql.PreparedStatement query = connection.prepareStatement(
                         "SELECT user_sub FROM authfeedback.auth_events WHERE event_id = ?")) {
                query.setString(1, events.get(0).eventId());
                try (java.sql.ResultSet row = query.executeQuery()) {
                    row.next();
                    sub = row.getString(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read the benchmark's user", e);
            }
            List<String> scripts = new ArrayList<>();
            for (Recorded event : events) {
                scripts.add("UPDATE authfeedback.auth_events SET feedback_value = 'Invalid', feedback_provider = "
                        + "'Admin', feedback_nanos = 1764000000000000000 WHERE pool_id = '" + poolId
                        + "' AND user_sub = '" + sub + "' AND event_id = '" + event.eventId()
                        + "' AND NOT has_context RETURNING pool_id, user_sub, event_id, event_type, creation_nanos, "
                        + "event_response, has_risk, risk_decision, risk_level, compromised_credentials, "
                        + "challenge_names, challenge_results, has_context, ip_address, device_name, timezone, city, "
                        + "country, feedback_value, feedback_provider, feedback_nanos, risk_reasons;\n");
            }
            return scripts;
        }

        /** One signed AdminGetUser, signed now and replayed. */
        List<NativeLoad.HttpRequest> adminGetUserOverHttp() {
            String body = new JsonObject().put("UserPoolId", poolId).put("Username", "jane").encode();
            return List.of(signed("AWSCognitoIdentityProviderService.AdminGetUser", body));
        }

        /** UpdateAuthEventFeedback with each event's token in turn, unsigned as the model says. */
        List<NativeLoad.HttpRequest> userFeedbackOverHttp() {
            List<NativeLoad.HttpRequest> requests = new ArrayList<>();
            for (Recorded event : events) {
                String body = new JsonObject().put("UserPoolId", poolId).put("Username", "jane")
                        .put("EventId", event.eventId()).put("FeedbackToken", event.feedbackToken())
                        .put("FeedbackValue", "Valid").encode();
                requests.add(new NativeLoad.HttpRequest(Map.of("Content-Type", AwsJsonHttpServer.CONTENT_TYPE,
                        "X-Amz-Target", "AWSCognitoIdentityProviderService.UpdateAuthEventFeedback"), body));
            }
            return requests;
        }

        /** RecordAuthEvent for each signer in turn, from the faraway context: evaluated, High, blocked. */
        List<NativeLoad.HttpRequest> evaluatedSignInsOverHttp() {
            List<NativeLoad.HttpRequest> requests = new ArrayList<>();
            for (int signer = 0; signer < SIGNERS; signer++) {
                String body = new JsonObject().put("UserPoolId", poolId).put("Username", "signer" + signer)
                        .put("EventType", "SignIn").put("EventResponse", "Pass").put("EventContextData", FARAWAY)
                        .encode();
                requests.add(signed("AuthEventFeedback.RecordAuthEvent", body));
            }
            return requests;
        }

        /** Signed for the project's server (Host is signed); the baseline gets the same bytes and ignores them. */
        private NativeLoad.HttpRequest signed(String target, String body) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", AwsJsonHttpServer.CONTENT_TYPE);
            headers.put("X-Amz-Target", target);
            return new NativeLoad.HttpRequest(RawAwsJsonClient.signedHeaders(endpoint,
                    new RawAwsJsonClient.Signing(REGION, KEY, SECRET), headers, body.getBytes(StandardCharsets.UTF_8)),
                    body);
        }

        /**
         * AdminUpdateAuthEventFeedback over gRPC for the first event, the same message on every call;
         * made once through a gRPC client first, since h2load sees HTTP statuses, not gRPC's.
         */
        Load adminFeedbackOverGrpc(Side server, int connections) {
            AdminUpdateAuthEventFeedbackRequest request = AdminUpdateAuthEventFeedbackRequest.newBuilder()
                    .setUserPoolId(poolId).setUsername("jane").setEventId(events.get(0).eventId())
                    .setFeedbackValue(FeedbackValue.FEEDBACK_VALUE_INVALID).build();
            Metadata metadata = new Metadata();
            metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + ADMIN_KEY);
            ManagedChannel channel = NettyChannelBuilder.forAddress(server.host(), server.port()).usePlaintext()
                    .build();
            try {
                FeedbackServiceGrpc.newBlockingStub(channel)
                        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                        .adminUpdateAuthEventFeedback(request);
            } finally {
                channel.shutdownNow();
            }
            String method = FeedbackServiceGrpc.getAdminUpdateAuthEventFeedbackMethod().getFullMethodName();
            byte[] message = request.toByteArray();
            return (side, seconds) -> NativeLoad.h2loadGrpc(side.host(), side.port(), method,
                    Map.of("authorization", "Bearer " + ADMIN_KEY), message, connections, seconds);
        }
    }
}
