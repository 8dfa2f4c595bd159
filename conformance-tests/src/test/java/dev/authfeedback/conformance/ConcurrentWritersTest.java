package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.conformance.Views.EventView;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * 64 concurrent writers over HTTP and over gRPC: feedback on the same events ends with exactly one of
 * the acknowledged values, listings stay consistent meanwhile, and concurrent RecordAuthEvent loses
 * no event and repeats no id.
 */
class ConcurrentWritersTest {

    private static final int WRITERS = 64;
    private static final int ROUNDS = 10;
    private static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void closeVertx() {
        VERTX.close();
    }

    private static AuthEventFeedbackUseCases service() {
        return AuthEventFeedbackService.builder().stores(InMemoryStores.create())
                .rateLimiter(new TokenBucketRateLimiter(RateLimits.unlimited())).build();
    }

    @Test
    void overHttp() throws Exception {
        try (OperationDriver driver = HttpDriver.startedAround(VERTX, service(), "us-east-1")) {
            writeConcurrently(driver);
        }
    }

    @Test
    void overGrpc() throws Exception {
        try (OperationDriver driver = GrpcDriver.startedOnNetty(service())) {
            writeConcurrently(driver);
        }
    }

    private static void writeConcurrently(OperationDriver driver) throws Exception {
        PoolView pool = driver.createUserPool("race", "ENFORCED", "PLUS", null, null);
        driver.adminCreateUser(pool.id(), "jane", List.of(), null);
        driver.adminCreateUser(pool.id(), "recorder", List.of(), null);
        List<Recorded> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.add(driver.recordAuthEvent(pool.id(), "jane", "SignIn", null, null, null, null));
        }
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        List<String> recorded = new CopyOnWriteArrayList<>();
        List<String> inconsistencies = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService executor = Executors.newFixedThreadPool(WRITERS + 1);
        CountDownLatch go = new CountDownLatch(1);
        Future<?> reader = executor.submit(() -> {
            go.await();
            while (writing.get()) {
                List<EventView> listed = driver.adminListUserAuthEvents(pool.id(), "jane", null, null).items();
                Set<String> ids = new HashSet<>();
                listed.forEach(event -> ids.add(event.eventId()));
                if (listed.size() != events.size() || ids.size() != events.size()) {
                    inconsistencies.add("listing had " + listed.size() + " events, " + ids.size() + " distinct");
                }
            }
            return null;
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(executor.submit(() -> {
                go.await();
                for (int round = 0; round < ROUNDS; round++) {
                    Recorded target = events.get((writer + round) % events.size());
                    String value = (writer * 7 + round) % 3 == 0 ? "Invalid" : "Valid";
                    Function<String, String> ack = provider -> value + "/" + provider;
                    if ((writer + round) % 2 == 0) {
                        driver.adminUpdateAuthEventFeedback(pool.id(), "jane", target.eventId(), value);
                        acknowledged.computeIfAbsent(target.eventId(), id -> ConcurrentHashMap.newKeySet()).add(ack.apply("Admin"));
                    } else {
                        driver.updateAuthEventFeedback(pool.id(), "jane", target.eventId(), target.feedbackToken(), value);
                        acknowledged.computeIfAbsent(target.eventId(), id -> ConcurrentHashMap.newKeySet()).add(ack.apply("User"));
                    }
                    recorded.add(driver.recordAuthEvent(pool.id(), "recorder", "SignIn", null, null, null, null).eventId());
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> writer : writers) {
            writer.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        reader.get(30, TimeUnit.SECONDS);
        executor.shutdown();

        assertThat(inconsistencies).isEmpty();
        for (EventView event : driver.adminListUserAuthEvents(pool.id(), "jane", null, null).items()) {
            assertThat(acknowledged.get(event.eventId()))
                    .contains(event.feedback().value() + "/" + event.feedback().provider());
        }
        assertThat(recorded).hasSize(WRITERS * ROUNDS).doesNotHaveDuplicates();
        List<String> listed = new ArrayList<>();
        String next = null;
        do {
            var page = driver.adminListUserAuthEvents(pool.id(), "recorder", 60, next);
            page.items().forEach(event -> listed.add(event.eventId()));
            next = page.nextToken();
        } while (next != null);
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(recorded);
    }
}
