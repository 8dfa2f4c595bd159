package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.authfeedback.adapter.postgres.PostgresSettings;
import dev.authfeedback.adapter.postgres.PostgresStorage;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.AdminCreateUserCommand;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.CreateUserPoolCommand;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import dev.authfeedback.domain.port.in.UserPoolAddOnsInput;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Feedback on an event is written on the event's own page: the events table keeps room on each page,
 * so an update of the feedback columns (which no index holds) stays where the event is and adds
 * nothing to the table's indexes, however full the table. With less room, feedback moves events to
 * other pages and adds an entry to every index (22 of the 150 events here moved with fillfactor 100,
 * 8 with 90). The room is reused once PostgreSQL prunes the versions feedback left behind, which it
 * does not do while a session in the database holds an older snapshot; so the test has a server of
 * its own without autovacuum (whose ANALYZE holds one), and waits for the connection pool to fill
 * (each new session holds one while it starts: up to 21 events moved in 20 runs without the wait).
 * With both, no event moved in 100 runs; the server's lease renewal and health check each second
 * could still delay a prune, hence two moves are allowed.
 */
class PostgresFeedbackInPlaceTest {

    private static final int EVENTS = 150;
    private static final int MOVES_ALLOWED = 2;

    @Test
    void feedbackGivenTwiceToEveryEventLeavesEachOnItsPage() throws IOException, SQLException {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("autovacuum", "off").start();
             PostgresStorage storage = PostgresStorage.open(new PostgresSettings(server.getJdbcUrl("postgres",
                     "postgres"), "postgres", "postgres"))) {
            assertThat(storage.start()).isTrue();
            awaitEveryPooledConnection(storage);
            AuthEventFeedbackUseCases service = AuthEventFeedbackService.builder().stores(storage.stores())
                    .rateLimiter(new TokenBucketRateLimiter(RateLimits.unlimited())).build();
            UserPool pool = service.createUserPool(new CreateUserPoolCommand("in-place",
                    new UserPoolAddOnsInput("AUDIT"), "PLUS", null, null));
            service.adminCreateUser(new AdminCreateUserCommand(pool.id(), "jane", List.of()));
            for (int i = 0; i < EVENTS; i++) {
                service.recordAuthEvent(new RecordAuthEventCommand(pool.id(), "jane", "SignIn"));
            }
            Map<String, Long> pages = pagesOfEvents(storage, pool);
            assertThat(new HashSet<>(pages.values())).as("pages the events fill").hasSizeGreaterThan(3);

            for (String value : new String[] {"Valid", "Invalid"}) {
                for (String eventId : pages.keySet()) {
                    service.adminUpdateAuthEventFeedback(new AdminUpdateAuthEventFeedbackCommand(pool.id(), "jane",
                            eventId, value));
                }
            }

            Map<String, Long> after = pagesOfEvents(storage, pool);
            assertThat(pages.keySet().stream().filter(eventId -> !pages.get(eventId).equals(after.get(eventId))))
                    .as("events moved to another page by their feedback").hasSizeLessThanOrEqualTo(MOVES_ALLOWED);
        }
    }

    /**
     * The pool opens its connections in the background after start, and each new session holds a
     * snapshot while it starts: waiting for all of them keeps those from the rounds of feedback.
     */
    private static void awaitEveryPooledConnection(PostgresStorage storage) {
        HikariPoolMXBean pool = ((HikariDataSource) storage.dataSource()).getHikariPoolMXBean();
        int size = ((HikariDataSource) storage.dataSource()).getMaximumPoolSize();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pool.getTotalConnections() < size) {
            assertThat(System.nanoTime()).as("the pool's connections opened within 30 s").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    /** Each event's page: the block number of its row's current version. */
    private static Map<String, Long> pagesOfEvents(PostgresStorage storage, UserPool pool) throws SQLException {
        Map<String, Long> pages = new HashMap<>();
        try (Connection connection = storage.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT event_id, (ctid::text::point)[0]::bigint FROM auth_events WHERE pool_id = ?")) {
            query.setString(1, pool.id());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pages.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        assertThat(pages).hasSize(EVENTS);
        return pages;
    }
}
