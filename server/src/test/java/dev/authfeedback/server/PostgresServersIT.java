package dev.authfeedback.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authfeedback.conformance.HttpDriver;
import dev.authfeedback.conformance.PostgresTestDatabase;
import dev.authfeedback.conformance.ServiceError;
import dev.authfeedback.conformance.Views.EventView;
import dev.authfeedback.conformance.Views.FeedbackView;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static String[] postgresArgs(String jdbcUrl) {
        return new String[] {"--store", "postgres", "--jdbc-url", jdbcUrl, "--jdbc-user", "postgres",
                "--jdbc-password", "postgres", "--rate-limit-rps", "0"};
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

    @Test
    void sigkillInTheMiddleOfAWriteLoadLosesNoAcknowledgedWrite() throws Exception {
        String jdbcUrl = PostgresTestDatabase.newDatabase();
        PoolView pool;
        List<String> acknowledgedEvents = new ArrayList<>();
        Map<String, String> acknowledgedFeedback = new HashMap<>();
        try (ServerProcess server = ServerProcess.start(postgresArgs(jdbcUrl))) {
            try (HttpDriver setup = server.httpDriver()) {
                pool = setup.createUserPool("durable", "AUDIT", "PLUS", null, null);
                setup.adminCreateUser(pool.id(), "jane", List.of(), null);
            }
            AtomicBoolean killed = new AtomicBoolean();
            Thread load = new Thread(() -> {
                try (HttpDriver driver = server.httpDriver()) {
                    for (int i = 0; !killed.get(); i++) {
                        try {
                            Recorded recorded = driver.recordAuthEvent(pool.id(), "jane", "SignIn", null, null, null, null);
                            synchronized (acknowledgedEvents) {
                                acknowledgedEvents.add(recorded.eventId());
                            }
                            String value = i % 2 == 0 ? "Valid" : "Invalid";
                            driver.adminUpdateAuthEventFeedback(pool.id(), "jane", recorded.eventId(), value);
                            synchronized (acknowledgedEvents) {
                                acknowledgedFeedback.put(recorded.eventId(), value);
                            }
                        } catch (RuntimeException connectionLost) {
                            return; // the kill: what was not acknowledged may or may not be there
                        }
                    }
                }
            });
            load.start();
            Instant until = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(until)) {
                synchronized (acknowledgedEvents) {
                    if (acknowledgedEvents.size() >= 50) {
                        break;
                    }
                }
                Thread.sleep(20);
            }
            server.sigkill();
            killed.set(true);
            load.join(30_000);
        }
        assertThat(acknowledgedEvents).hasSizeGreaterThanOrEqualTo(50);
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
            acknowledgedFeedback.forEach((eventId, value) ->
                    assertThat(stored.get(eventId).feedback().value()).isEqualTo(value));
            assertThat(restarted.sigterm()).isZero();
        }
    }

    @Test
    void aDatabaseThatIsDownAtStartOrGoesAwayGivesInternalErrorsUntilItIsBack(@TempDir Path dataDir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (ServerProcess server = ServerProcess.start(postgresArgs(jdbcUrl));
             HttpDriver driver = server.httpDriver()) {
            assertThat(internalError(driver)).isTrue();
            Path data = Files.createDirectories(dataDir.resolve("pgdata"));
            PoolView pool;
            // not "clean": closing must keep the data, as a database that restarts does
            try (EmbeddedPostgres database = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data)
                    .setCleanDataDirectory(false).start()) {
                pool = awaitRecovery(driver);
                assertThat(driver.describeUserPool(pool.id())).isEqualTo(pool);
            }
            // the database went away: clear errors, and the server keeps serving
            assertThat(internalError(driver)).isTrue();
            try (EmbeddedPostgres database = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data)
                    .setCleanDataDirectory(false).start()) {
                PoolView again = awaitRecovery(driver);
                assertThat(driver.describeUserPool(pool.id()).name()).isEqualTo(pool.name());
                assertThat(again.id()).isNotEqualTo(pool.id());
            }
            assertThat(server.sigterm()).isZero();
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

    private static PoolView awaitRecovery(HttpDriver driver) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Set<String> errors = new HashSet<>();
        while (Instant.now().isBefore(deadline)) {
            try {
                return driver.createUserPool("after-recovery", null, null, null, null);
            } catch (ServiceError stillDown) {
                errors.add(stillDown.type());
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the server did not recover within 30 s; errors: " + errors);
    }
}
