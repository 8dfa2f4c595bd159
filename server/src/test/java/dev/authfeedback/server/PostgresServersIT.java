package dev.authfeedback.server;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.authfeedback.conformance.HttpDriver;
import dev.authfeedback.conformance.PostgresTestDatabase;
import dev.authfeedback.conformance.ServiceError;
import dev.authfeedback.conformance.Views.EventView;
import dev.authfeedback.conformance.Views.FeedbackView;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server processes on a real PostgreSQL: sharing one database, surviving SIGKILL, outliving the database. */
class PostgresServersIT {

    private static final int WRITERS = 64;

    /** 32 bytes of 0x01: the master key of these servers' databases. */
    private static final String MASTER_KEY = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

    private static final HttpClient METRICS_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .build();

    private static String[] postgresArgs(String jdbcUrl) {
        return new String[] {"--store", "postgres", "--jdbc-url", jdbcUrl, "--jdbc-user", "postgres",
                "--jdbc-password", "postgres", "--rate-limit-rps", "0", "--master-key", MASTER_KEY};
    }

    private static EventView event(HttpDriver driver, PoolView pool, String username, String eventId) {
        return driver.adminListUserAuthEvents(pool.id(), username, 60, null).items().stream()
                .filter(event -> event.eventId().equals(eventId)).findFirst().orElseThrow();
    }

    @Test
    void twoServersOnOneDatabaseShareDataTokensAndConcurrentWrites() throws Exception {
        String jdbcUrl = PostgresTestDatabase.newDatabase();
        try (ServerProcess first = ServerProcess.start(postgresArgs(jdbcUrl));
             ServerProcess second = ServerProcess.start(postgresArgs(jdbcUrl));
             HttpDriver one = first.httpDriver();
             HttpDriver two = second.httpDriver()) {
            PoolView pool = one.createUserPool("shared", "ENFORCED", "PLUS", null, null);
            assertThat(two.describeUserPool(pool.id())).isEqualTo(pool);
            one.adminCreateUser(pool.id(), "jane", List.of(), null);
            List<Recorded> events = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                events.add((i % 2 == 0 ? one : two).recordAuthEvent(pool.id(), "jane", "SignIn", null, null, null, null));
            }
            // a token issued by one server is accepted by the other: the keys live in the database
            two.updateAuthEventFeedback(pool.id(), "jane", events.get(0).eventId(), events.get(0).feedbackToken(), "Valid");
            assertThat(event(one, pool, "jane", events.get(0).eventId()).feedback().provider()).isEqualTo("User");

            // 64 writers split across both servers give feedback on the same events
            Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
            ExecutorService executor = Executors.newFixedThreadPool(WRITERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(executor.submit(() -> {
                    go.await();
                    try (HttpDriver driver = (writer % 2 == 0 ? first : second).httpDriver()) {
                        for (int round = 0; round < 5; round++) {
                            Recorded target = events.get((writer + round) % events.size());
                            String value = (writer + round) % 3 == 0 ? "Invalid" : "Valid";
                            if (writer % 4 < 2) {
                                driver.adminUpdateAuthEventFeedback(pool.id(), "jane", target.eventId(), value);
                                acknowledged.computeIfAbsent(target.eventId(), id -> ConcurrentHashMap.newKeySet())
                                        .add(value + "/Admin");
                            } else {
                                driver.updateAuthEventFeedback(pool.id(), "jane", target.eventId(),
                                        target.feedbackToken(), value);
                                acknowledged.computeIfAbsent(target.eventId(), id -> ConcurrentHashMap.newKeySet())
                                        .add(value + "/User");
                            }
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
            executor.shutdown();
            for (Recorded recorded : events) {
                FeedbackView onFirst = event(one, pool, "jane", recorded.eventId()).feedback();
                FeedbackView onSecond = event(two, pool, "jane", recorded.eventId()).feedback();
                assertThat(onFirst).isEqualTo(onSecond);
                assertThat(acknowledged.get(recorded.eventId())).contains(onFirst.value() + "/" + onFirst.provider());
            }
            assertThat(one.adminListUserAuthEvents(pool.id(), "jane", null, null).items()).hasSize(events.size());
            assertThat(first.sigterm()).isZero();
            assertThat(second.sigterm()).isZero();
        }
    }

    /**
     * Writers in parallel, so that feedback writes share commits (the metrics say they did), then
     * SIGKILL: every event and feedback acknowledged before it is there after a restart.
     */
    @Test
    void sigkillInTheMiddleOfAWriteLoadLosesNoAcknowledgedWrite() throws Exception {
        String jdbcUrl = PostgresTestDatabase.newDatabase();
        PoolView pool;
        Set<String> acknowledgedEvents = ConcurrentHashMap.newKeySet();
        Map<String, String> acknowledgedFeedback = new ConcurrentHashMap<>();
        Map<String, String> unanswered = new ConcurrentHashMap<>();
        int writers = 16;
        try (ServerProcess server = ServerProcess.start(postgresArgs(jdbcUrl))) {
            try (HttpDriver setup = server.httpDriver()) {
                pool = setup.createUserPool("durable", "AUDIT", "PLUS", null, null);
                setup.adminCreateUser(pool.id(), "jane", List.of(), null);
            }
            AtomicBoolean killed = new AtomicBoolean();
            List<Thread> load = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int w = writer;
                Thread thread = new Thread(() -> {
                    try (HttpDriver driver = server.httpDriver()) {
                        List<String> mine = new ArrayList<>();
                        for (int i = 0; !killed.get(); i++) {
                            try {
                                if (mine.size() < 4) {
                                    Recorded recorded = driver.recordAuthEvent(pool.id(), "jane", "SignIn", null, null,
                                            null, null);
                                    acknowledgedEvents.add(recorded.eventId());
                                    mine.add(recorded.eventId());
                                }
                                // each writer its own events, one write at a time: the value kept is the
                                // last one acknowledged, or the one sent when the kill came
                                String eventId = mine.get(i % mine.size());
                                String value = (i + w) % 2 == 0 ? "Valid" : "Invalid";
                                unanswered.put(eventId, value);
                                driver.adminUpdateAuthEventFeedback(pool.id(), "jane", eventId, value);
                                acknowledgedFeedback.put(eventId, value);
                                unanswered.remove(eventId);
                            } catch (RuntimeException connectionLost) {
                                return; // the kill: what was not acknowledged may or may not be there
                            }
                        }
                    }
                });
                load.add(thread);
                thread.start();
            }
            Instant until = Instant.now().plusSeconds(20);
            long[] commits = feedbackCommits(server);
            while (Instant.now().isBefore(until) && (commits[0] < 2_000 || commits[1] >= commits[0])) {
                Thread.sleep(50);
                commits = feedbackCommits(server);
            }
            System.out.println("before the kill: " + commits[0] + " feedback writes in " + commits[1] + " transactions");
            assertThat(commits[1]).as("writes shared commits").isLessThan(commits[0]);
            String metrics = metrics(server);
            assertThat(metric(metrics, "authfeedback_postgres_cache_listening")).isEqualTo(1);
            assertThat(metric(metrics, "authfeedback_postgres_feedback_split_transactions_total")).isZero();
            server.sigkill();
            killed.set(true);
            for (Thread thread : load) {
                thread.join(30_000);
            }
        }
        assertThat(acknowledgedFeedback).hasSizeGreaterThanOrEqualTo(writers * 4);
        try (ServerProcess restarted = ServerProcess.start(postgresArgs(jdbcUrl));
             HttpDriver driver = restarted.httpDriver()) {
            Map<String, EventView> stored = new HashMap<>();
            String next = null;
            do {
                var page = driver.adminListUserAuthEvents(pool.id(), "jane", 60, next);
                page.items().forEach(event -> stored.put(event.eventId(), event));
                next = page.nextToken();
            } while (next != null);
            assertThat(stored.keySet()).containsAll(acknowledgedEvents);
            acknowledgedFeedback.forEach((eventId, value) -> assertThat(stored.get(eventId).feedback().value())
                    .as(eventId).isIn(value, unanswered.getOrDefault(eventId, value)));
            assertThat(restarted.sigterm()).isZero();
        }
    }

    /** The server's feedback writes and the transactions they took so far, from its metrics. */
    private static long[] feedbackCommits(ServerProcess server) throws Exception {
        String metrics = metrics(server);
        return new long[] {metric(metrics, "authfeedback_postgres_feedback_writes_total"),
                metric(metrics, "authfeedback_postgres_feedback_transactions_total")};
    }

    private static String metrics(ServerProcess server) throws Exception {
        // HTTP/1.1 as Prometheus scrapes; the JDK client's default would upgrade each new connection to h2c
        return METRICS_CLIENT.send(HttpRequest.newBuilder(URI.create("http://" + server.httpAddress() + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long metric(String metrics, String name) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + " ")) {
                return (long) Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError(name + " is not among the metrics:\n" + metrics);
    }

    @Test
    void aDatabaseThatIsDownIsReportedOnceFailsRequestsFastAndTakesReadinessAwayUntilItIsBack(@TempDir Path dataDir)
            throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        // a long connection timeout: a request that waited for a connection would take this long
        Duration connectTimeout = Duration.ofSeconds(5);
        List<String> args = new ArrayList<>(List.of(postgresArgs(jdbcUrl)));
        args.addAll(List.of("--jdbc-connect-timeout", connectTimeout.toString()));
        try (ServerProcess server = ServerProcess.listening(args.toArray(String[]::new));
             HttpDriver driver = server.httpDriver()) {
            // the line follows the listening line, which is all ServerProcess.listening waits for
            Instant lineDeadline = Instant.now().plusSeconds(10);
            while (server.stdout().stream().noneMatch(line -> line.startsWith("waiting for the store"))
                    && Instant.now().isBefore(lineDeadline)) {
                Thread.sleep(10);
            }
            assertThat(server.stdout()).last().asString().startsWith("waiting for the store");
            assertThat(readiness(server)).isEqualTo(503);
            assertThat(grpcHealth(server, "")).isEqualTo(ServingStatus.NOT_SERVING);
            assertThat(grpcHealth(server, "authfeedback.v1.FeedbackService")).isEqualTo(ServingStatus.NOT_SERVING);
            assertThat(liveness(server)).as("alive all the same").isEqualTo(200);
            Instant before = Instant.now();
            for (int i = 0; i < 20; i++) {
                assertThat(internalError(driver)).isTrue();
            }
            assertThat(Duration.between(before, Instant.now()))
                    .as("20 requests answered without waiting for a connection each")
                    .isLessThan(connectTimeout);
            assertOneOutageReportedWithoutStackTraces(server, 1);

            Path data = Files.createDirectories(dataDir.resolve("pgdata"));
            PoolView pool;
            // not "clean": closing must keep the data, as a database that restarts does
            try (EmbeddedPostgres database = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data)
                    .setCleanDataDirectory(false).start()) {
                server.awaitReady(Duration.ofSeconds(30));
                assertThat(readiness(server)).isEqualTo(200);
                assertThat(grpcHealth(server, "")).isEqualTo(ServingStatus.SERVING);
                pool = driver.createUserPool("after-recovery", null, null, null, null);
                assertThat(driver.describeUserPool(pool.id())).isEqualTo(pool);
                assertThat(server.stderr()).filteredOn(line -> line.contains("is usable again")).hasSize(1);
            }
            // the database went away with no request in flight: the background check notices
            awaitReadiness(server, 503);
            assertThat(grpcHealth(server, "")).isEqualTo(ServingStatus.NOT_SERVING);
            for (int i = 0; i < 20; i++) {
                assertThat(internalError(driver)).isTrue();
            }
            assertOneOutageReportedWithoutStackTraces(server, 2);
            try (EmbeddedPostgres database = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data)
                    .setCleanDataDirectory(false).start()) {
                awaitReadiness(server, 200);
                assertThat(grpcHealth(server, "")).isEqualTo(ServingStatus.SERVING);
                assertThat(driver.describeUserPool(pool.id()).name()).isEqualTo(pool.name());
                assertThat(server.stderr()).filteredOn(line -> line.contains("is usable again")).hasSize(2);
            }
            assertThat(server.sigterm()).isZero();
        }
    }

    /** A pool's quota of 20 requests/s, granted together by the servers on one database. */
    @Test
    void theServersOnOneDatabaseGrantAPoolItsQuotaTogether() throws Exception {
        String jdbcUrl = PostgresTestDatabase.newDatabase();
        List<String> args = new ArrayList<>(List.of(postgresArgs(jdbcUrl)));
        args.set(args.indexOf("--rate-limit-rps") + 1, "20");
        List<ServerProcess> servers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                servers.add(ServerProcess.start(args.toArray(String[]::new)));
            }
            PoolView pool;
            try (HttpDriver setup = servers.get(0).httpDriver()) {
                pool = setup.createUserPool("shared quota", null, null, null, null);
            }
            Thread.sleep(2_000); // every lease renewed once the third server is up
            int admitted = admittedIn(Duration.ofSeconds(10), servers, pool.id());
            System.out.println("a pool's quota of 20/s over 10 s: " + admitted + " admitted by three servers");
            // 10 s at 20/s, plus one burst of 20 shared by the three: 220; alone each would grant 660
            assertThat(admitted).as("three servers").isBetween(160, 240);

            servers.remove(2).sigkill();
            Thread.sleep(4_500); // the dead server's lease runs out (3 s), the others count again (1 s)
            int afterTheKill = admittedIn(Duration.ofSeconds(10), servers, pool.id());
            System.out.println("a pool's quota of 20/s over 10 s: " + afterTheKill + " admitted by the two left");
            assertThat(afterTheKill).as("two left").isBetween(160, 240);
        } finally {
            for (ServerProcess server : servers) {
                server.close();
            }
        }
    }

    /** DescribeUserPool (the pool-read quota) as fast as one client per server can ask, for {@code window}. */
    private static int admittedIn(Duration window, List<ServerProcess> servers, String poolId) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(servers.size());
        try {
            long end = System.nanoTime() + window.toNanos();
            List<Future<Integer>> counts = new ArrayList<>();
            for (ServerProcess server : servers) {
                counts.add(clients.submit(() -> {
                    int granted = 0;
                    try (HttpDriver driver = server.httpDriver()) {
                        while (System.nanoTime() < end) {
                            try {
                                driver.describeUserPool(poolId);
                                granted++;
                            } catch (ServiceError refused) {
                                assertThat(refused.type()).isEqualTo("TooManyRequestsException");
                            }
                        }
                    }
                    return granted;
                }));
            }
            int total = 0;
            for (Future<Integer> count : counts) {
                total += count.get(60, TimeUnit.SECONDS);
            }
            return total;
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void theTablesAndTheirMigrationHistoryLiveInTheirOwnSchema() throws Exception {
        String jdbcUrl = PostgresTestDatabase.newDatabase();
        List<String> args = new ArrayList<>(List.of(postgresArgs(jdbcUrl)));
        try (ServerProcess server = ServerProcess.start(args.toArray(String[]::new))) {
            assertThat(server.sigterm()).isZero();
        }
        // the second schema's server runs without a master key, and says what that means
        args.removeAll(List.of("--master-key", MASTER_KEY));
        args.addAll(List.of("--jdbc-schema", "tenant_b"));
        try (ServerProcess server = ServerProcess.start(args.toArray(String[]::new));
             HttpDriver driver = server.httpDriver()) {
            driver.createUserPool("in-tenant-b", null, null, null, null);
            assertThat(server.sigterm()).isZero();
            assertThat(server.stderr()).filteredOn(line -> line.contains(" WARN ")).singleElement(as(STRING))
                    .endsWith("token signing keys are stored unencrypted in PostgreSQL: give a master key with "
                            + "--master-key-file (or AUTHFEEDBACK_MASTER_KEY) to encrypt them");
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT table_schema, table_name FROM information_schema.tables "
                             + "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")) {
            Map<String, Set<String>> tablesBySchema = new HashMap<>();
            while (rows.next()) {
                tablesBySchema.computeIfAbsent(rows.getString(1), schema -> new HashSet<>()).add(rows.getString(2));
            }
            assertThat(tablesBySchema).containsOnlyKeys("authfeedback", "tenant_b");
            assertThat(tablesBySchema.get("authfeedback")).contains("flyway_schema_history", "user_pools", "users",
                    "auth_events").isEqualTo(tablesBySchema.get("tenant_b"));
        }
    }

    @Test
    void theServerKeepsItsPoolSizeOfConnectionsOpenAndOneMoreToListen() throws Exception {
        String jdbcUrl = PostgresTestDatabase.newDatabase();
        List<String> args = new ArrayList<>(List.of(postgresArgs(jdbcUrl)));
        args.addAll(List.of("--jdbc-pool-size", "5"));
        try (ServerProcess server = ServerProcess.start(args.toArray(String[]::new));
             Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (otherConnections(connection) < 6 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1000); // had it opened more, they would be there by now
            assertThat(otherConnections(connection)).isEqualTo(6);
            assertThat(server.sigterm()).isZero();
        }
    }

    /** Connections to the database of {@code connection} but that one. */
    private static int otherConnections(Connection connection) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void assertOneOutageReportedWithoutStackTraces(ServerProcess server, int outagesSoFar) {
        List<String> logs = server.stderr();
        assertThat(logs).filteredOn(line -> line.contains(" WARN ")).hasSize(outagesSoFar)
                .allMatch(line -> line.contains("is not usable"));
        assertThat(logs).filteredOn(line -> line.contains(" ERROR ") || line.startsWith("\tat ")
                || line.contains("Exception:")).isEmpty();
    }

    private static int readiness(ServerProcess server) throws Exception {
        return httpGet(server, "/health/ready");
    }

    private static int liveness(ServerProcess server) throws Exception {
        return httpGet(server, "/health/live");
    }

    private static int httpGet(ServerProcess server, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + server.httpAddress() + path)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static void awaitReadiness(ServerProcess server, int status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (readiness(server) != status) {
            assertThat(Instant.now()).as("readiness %s within 30 s", status).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static ServingStatus grpcHealth(ServerProcess server, String service) {
        ManagedChannel channel = ManagedChannelBuilder.forTarget(server.grpcAddress()).usePlaintext().build();
        try {
            return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
        } finally {
            channel.shutdownNow();
        }
    }

    private static boolean internalError(HttpDriver driver) {
        try {
            driver.createUserPool("while-down", null, null, null, null);
            return false;
        } catch (ServiceError error) {
            assertThat(error.type()).isEqualTo("InternalErrorException");
            assertThat(error.errorMessage()).isEqualTo("Internal server error.");
            return true;
        }
    }
}
