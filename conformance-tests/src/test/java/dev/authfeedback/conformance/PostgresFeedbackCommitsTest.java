package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authfeedback.adapter.postgres.FeedbackCommitCounts;
import dev.authfeedback.adapter.postgres.PostgresSettings;
import dev.authfeedback.adapter.postgres.PostgresStorage;
import dev.authfeedback.domain.error.InternalErrorException;
import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.FeedbackValue;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.AdminCreateUserCommand;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.CreateUserPoolCommand;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import dev.authfeedback.domain.port.in.UserPoolAddOnsInput;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.risk.ContextFeatures;
import dev.authfeedback.domain.risk.RiskFeature;
import dev.authfeedback.domain.risk.RiskProfile;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Feedback writes that arrive together commit together on PostgreSQL: many concurrent writers on
 * events with and without a context share transactions, each write answers its own value, a write
 * that fails in the database fails alone (its batch is split and the others land), each event ends
 * with one of the values acknowledged for it, and the risk model has learnt exactly the final
 * verdicts.
 */
class PostgresFeedbackCommitsTest {

    private static final EventContextData HOME = new EventContextData("203.0.113.5", "Firefox", "+01:00", "Oslo",
            "Norway");
    private static final int WRITERS = 64;
    private static final int WRITES_EACH = 25;

    @Test
    void concurrentFeedbackSharesCommitsAndAWriteTheDatabaseRefusesFailsAlone() throws Exception {
        try (PostgresStorage storage = PostgresStorage.open(new PostgresSettings(PostgresTestDatabase.newDatabase(),
                "postgres", "postgres"))) {
            assertThat(storage.start()).isTrue();
            AuthEventFeedbackUseCases service = AuthEventFeedbackService.builder().stores(storage.stores())
                    .rateLimiter(new TokenBucketRateLimiter(RateLimits.unlimited())).build();
            UserPool pool = service.createUserPool(new CreateUserPoolCommand("commits", new UserPoolAddOnsInput("AUDIT"),
                    "PLUS", null, null));
            service.adminCreateUser(new AdminCreateUserCommand(pool.id(), "jane", List.of()));
            List<String> withContext = new ArrayList<>();
            List<String> events = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                boolean context = i % 2 == 0;
                String id = service.recordAuthEvent(new RecordAuthEventCommand(pool.id(), "jane", "SignIn", "Pass",
                        null, null, context ? HOME : null, null)).eventId();
                events.add(id);
                if (context) {
                    withContext.add(id);
                }
            }
            String refused = events.get(5);
            try (Connection connection = storage.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF NEW.event_id = '" + refused + "' THEN RAISE EXCEPTION 'refused by the test'; END IF; "
                        + "RETURN NEW; END $$");
                statement.execute("CREATE TRIGGER refuse_one BEFORE UPDATE ON auth_events FOR EACH ROW "
                        + "EXECUTE FUNCTION refuse_one()");
            }
            FeedbackCommitCounts before = storage.feedbackCommits();

            Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger refusedFailures = new AtomicInteger();
            List<Throwable> unexpected = new ArrayList<>();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int writer = 0; writer < WRITERS; writer++) {
                    int w = writer;
                    done.add(writers.submit(() -> {
                        for (int i = 0; i < WRITES_EACH; i++) {
                            String event = events.get((w * 7 + i * 13) % events.size());
                            String value = (w + i) % 3 == 0 ? "Valid" : "Invalid";
                            try {
                                service.adminUpdateAuthEventFeedback(new AdminUpdateAuthEventFeedbackCommand(
                                        pool.id(), "jane", event, value));
                                acknowledged.computeIfAbsent(event, e -> ConcurrentHashMap.newKeySet()).add(value);
                            } catch (InternalErrorException failure) {
                                if (event.equals(refused)) {
                                    refusedFailures.incrementAndGet();
                                } else {
                                    synchronized (unexpected) {
                                        unexpected.add(failure);
                                    }
                                }
                            }
                        }
                    }));
                }
                for (Future<?> writer : done) {
                    writer.get();
                }
            } finally {
                writers.shutdownNow();
            }

            assertThat(unexpected).as(() -> "failed writes, first cause: " + causes(unexpected.get(0))).isEmpty();
            assertThat(acknowledged).doesNotContainKey(refused);
            assertThat(refusedFailures.get()).isPositive();
            FeedbackCommitCounts after = storage.feedbackCommits();
            long writes = after.writes() - before.writes();
            long transactions = after.transactions() - before.transactions();
            System.out.printf("%d feedback writes in %d transactions; %d shared transactions split%n", writes,
                    transactions, after.splitBatches() - before.splitBatches());
            assertThat(writes).as("every acknowledged write counted").isEqualTo(
                    (long) WRITERS * WRITES_EACH - refusedFailures.get());
            assertThat(transactions).as("writes shared commits").isLessThan(writes * 3 / 4);
            assertThat(after.splitBatches() - before.splitBatches()).as("the refused write's batches split").isPositive();

            int finalInvalid = 0;
            int finalValid = 0;
            for (String eventId : events) {
                AuthEvent stored = storage.stores().authEvents().find(pool.id(), storedSub(storage, pool), eventId)
                        .orElseThrow();
                if (eventId.equals(refused)) {
                    assertThat(stored.eventFeedback()).isNull();
                    continue;
                }
                String value = stored.eventFeedback().feedbackValue().wireValue();
                assertThat(acknowledged.get(eventId)).as(eventId).contains(value);
                if (withContext.contains(eventId)) {
                    if (stored.eventFeedback().feedbackValue() == FeedbackValue.INVALID) {
                        finalInvalid++;
                    } else {
                        finalValid++;
                    }
                }
            }
            // the model learnt each verdict and took back each replaced one: the final ones are what it holds
            String sub = storedSub(storage, pool);
            long ip = ContextFeatures.of(HOME).key(RiskFeature.IP_ADDRESS);
            RiskProfile profile = storage.stores().riskModel().profile(pool.id(), sub);
            assertThat(profile.reports(RiskFeature.IP_ADDRESS, ip)).isEqualTo(finalInvalid);
            assertThat(profile.confirmations(RiskFeature.IP_ADDRESS, ip)).isEqualTo(finalValid);
            assertThat(storage.stores().riskModel().statistics(pool.id(), ContextFeatures.of(HOME))
                    .valueReports(RiskFeature.IP_ADDRESS)).isEqualTo(finalInvalid);
        }
    }

    private static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            chain.append(" <- ").append(cause);
        }
        return chain.toString();
    }

    private static String storedSub(PostgresStorage storage, UserPool pool) {
        return storage.stores().users().findByUsername(pool.id(), "jane").orElseThrow().sub();
    }
}
