package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.conformance.Views.EventView;
import dev.authfeedback.conformance.Views.FeedbackView;
import dev.authfeedback.conformance.Views.PageView;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of feedback and listing over random histories, through the domain and the in-memory stores. */
class FeedbackPropertiesTest {

    /** One feedback call: on which event, which value, and whether the admin or the user gives it. */
    private record FeedbackCall(int event, String value, boolean byAdmin) {
    }

    private static final Gen<FeedbackCall> CALLS = integers().between(0, 4)
            .zip(Generate.pick(List.of("Valid", "Invalid")), Generate.booleans(), FeedbackCall::new);

    private static InProcessDriver newDriver(TestClock clock) {
        return new InProcessDriver(AuthEventFeedbackService.builder()
                .stores(InMemoryStores.create())
                .rateLimiter(new TokenBucketRateLimiter(RateLimits.unlimited()))
                .clock(clock)
                .build());
    }

    @Test
    void anySequenceOfFeedbackLeavesEachEventWithItsLastFeedback() {
        qt().withExamples(200).forAll(lists().of(CALLS).ofSizeBetween(0, 40)).checkAssert(calls -> {
            TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
            InProcessDriver driver = newDriver(clock);
            PoolView pool = driver.createUserPool("p", "ENFORCED", "PLUS", null, null);
            driver.adminCreateUser(pool.id(), "jane", List.of(), null);
            List<Recorded> events = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                events.add(driver.recordAuthEvent(pool.id(), "jane", "SignIn", null, null, null, null));
            }
            Map<String, FeedbackView> expected = new HashMap<>();
            for (FeedbackCall call : calls) {
                clock.advance(Duration.ofSeconds(1));
                Recorded event = events.get(call.event());
                if (call.byAdmin()) {
                    driver.adminUpdateAuthEventFeedback(pool.id(), "jane", event.eventId(), call.value());
                } else {
                    driver.updateAuthEventFeedback(pool.id(), "jane", event.eventId(), event.feedbackToken(),
                            call.value());
                }
                expected.put(event.eventId(),
                        new FeedbackView(call.value(), call.byAdmin() ? "Admin" : "User", clock.instant()));
            }
            for (EventView event : driver.adminListUserAuthEvents(pool.id(), "jane", null, null).items()) {
                assertThat(event.feedback()).isEqualTo(expected.get(event.eventId()));
            }
        });
    }

    @Test
    void concatenatedPagesAreTheWholeNewestFirstListWithoutRepeats() {
        qt().withExamples(100).forAll(integers().between(0, 130), integers().between(0, 60))
                .checkAssert((eventCount, maxResults) -> {
                    InProcessDriver driver = newDriver(new TestClock(Instant.parse("2026-01-01T00:00:00Z")));
                    PoolView pool = driver.createUserPool("p", "AUDIT", "PLUS", null, null);
                    driver.adminCreateUser(pool.id(), "jane", List.of(), null);
                    List<String> newestFirst = new ArrayList<>();
                    for (int i = 0; i < eventCount; i++) {
                        newestFirst.add(0, driver.recordAuthEvent(pool.id(), "jane", "SignIn", null, null, null, null)
                                .eventId());
                    }
                    int pageSize = maxResults == 0 ? 60 : maxResults;
                    List<String> listed = new ArrayList<>();
                    String next = null;
                    do {
                        PageView<EventView> page = driver.adminListUserAuthEvents(pool.id(), "jane", maxResults, next);
                        assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
                        page.items().forEach(event -> listed.add(event.eventId()));
                        next = page.nextToken();
                        if (next != null) {
                            assertThat(page.items()).hasSize(pageSize);
                        }
                    } while (next != null);
                    assertThat(listed).isEqualTo(newestFirst);
                });
    }
}
