package dev.authfeedback.benchmarks;

import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.domain.model.RecordedAuthEvent;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.AdminCreateUserCommand;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.CreateUserPoolCommand;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import dev.authfeedback.domain.port.in.UserPoolAddOnsInput;
import dev.authfeedback.domain.port.out.Stores;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import java.util.ArrayList;
import java.util.List;

/** Services and data sets shared by the JMH benchmarks and the scale run. */
final class Fixtures {

    /** One recorded event: who, which, and its feedback token. */
    record Target(String username, String eventId, String token) {
    }

    private Fixtures() {
    }

    static Stores inMemoryStores() {
        return InMemoryStores.create();
    }

    /**
     * The service as the server builds it, with a token bucket whose limit is never reached, so that
     * its cost is measured but it never refuses.
     */
    static AuthEventFeedbackUseCases service(Stores stores) {
        return AuthEventFeedbackService.builder()
                .stores(stores)
                .rateLimiter(new TokenBucketRateLimiter(RateLimits.uniform(1e12)))
                .build();
    }

    static UserPool advancedPool(AuthEventFeedbackUseCases service) {
        return service.createUserPool(new CreateUserPoolCommand("bench", new UserPoolAddOnsInput("ENFORCED"), "PLUS",
                null, null));
    }

    static void createUser(AuthEventFeedbackUseCases service, UserPool pool, String username) {
        service.adminCreateUser(new AdminCreateUserCommand(pool.id(), username, List.of()));
    }

    /** Records {@code count} events of one user; with {@code feedback}, gives each an admin feedback too. */
    static List<Target> record(AuthEventFeedbackUseCases service, UserPool pool, String username, int count,
                               boolean feedback) {
        List<Target> targets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RecordedAuthEvent event = service.recordAuthEvent(new RecordAuthEventCommand(pool.id(), username, "SignIn"));
            if (feedback) {
                service.adminUpdateAuthEventFeedback(new AdminUpdateAuthEventFeedbackCommand(pool.id(), username,
                        event.eventId(), i % 2 == 0 ? "Valid" : "Invalid"));
            }
            targets.add(new Target(username, event.eventId(), event.feedbackToken()));
        }
        return targets;
    }
}
