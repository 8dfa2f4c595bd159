package dev.authfeedback.benchmarks;

import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.RecordedAuthEvent;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.AdminDeleteUserCommand;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * RecordAuthEvent with risk evaluation, in memory, for a user with {@code history} earlier sign-ins
 * (from 32 contexts that share networks, countries and devices, a fifth of them judged), in a pool
 * where 1,000 other users signed in too. Each call records a sign-in from the next of 64 contexts,
 * half of them new to the user, so evaluation meets both familiar and unseen values, and evicts.
 * The user is rebuilt before each iteration, so every iteration starts from the same history.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RiskBenchmarks {

    static final String USER = "evaluated";
    private static final int OTHER_USERS = 1_000;

    @State(Scope.Benchmark)
    public static class Data {
        @Param({"10", "10000"})
        public int history;

        AuthEventFeedbackUseCases service;
        UserPool pool;
        final EventContextData[] contexts = new EventContextData[64];

        @Setup(Level.Trial)
        public void load() {
            service = Fixtures.service(Fixtures.inMemoryStores());
            pool = Fixtures.advancedPool(service);
            for (int i = 0; i < contexts.length; i++) {
                contexts[i] = context(i);
            }
            for (int user = 0; user < OTHER_USERS; user++) {
                Fixtures.createUser(service, pool, "other" + user);
                service.recordAuthEvent(signIn("other" + user, context(user)));
            }
        }

        @Setup(Level.Iteration)
        public void userWithHistory() {
            try {
                service.adminDeleteUser(new AdminDeleteUserCommand(pool.id(), USER));
            } catch (dev.authfeedback.domain.error.UserNotFoundException firstIteration) {
                // nothing to rebuild yet
            }
            Fixtures.createUser(service, pool, USER);
            for (int i = 0; i < history; i++) {
                RecordedAuthEvent recorded = service.recordAuthEvent(signIn(USER, contexts[i % 32]));
                if (i % 5 == 0) {
                    service.adminUpdateAuthEventFeedback(new AdminUpdateAuthEventFeedbackCommand(pool.id(), USER,
                            recorded.eventId(), i % 10 == 0 ? "Valid" : "Invalid"));
                }
            }
        }

        RecordAuthEventCommand signIn(String username, EventContextData context) {
            return new RecordAuthEventCommand(pool.id(), username, "SignIn", "Pass", null, null, context, null);
        }

        /** Contexts over 8 networks, 4 countries, 6 devices and 3 timezones. */
        static EventContextData context(int i) {
            String[] countries = {"Norway", "Sweden", "Brazil", "Japan"};
            String[] devices = {"Firefox 120, Linux", "Safari 17, iOS", "Chrome 119, Windows", "Edge 120, Windows",
                "Chrome 119, Android", "Safari 17, macOS"};
            String[] timezones = {"+01:00", "-03:00", "+09:00"};
            return new EventContextData("198.51." + (i % 8) + "." + (i / 8 % 250), devices[i % 6], timezones[i % 3],
                    "City " + (i % 5), countries[i % 4]);
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public RecordedAuthEvent recordAuthEventEvaluated(Data data, Cursor cursor) {
        EventContextData context = data.contexts[cursor.next];
        cursor.next = (cursor.next + 1) & 63;
        return data.service.recordAuthEvent(data.signIn(USER, context));
    }
}
