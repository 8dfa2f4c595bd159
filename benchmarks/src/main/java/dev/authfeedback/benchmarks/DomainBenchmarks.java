package dev.authfeedback.benchmarks;

import dev.authfeedback.adapter.postgres.PostgresSettings;
import dev.authfeedback.adapter.postgres.PostgresStorage;
import dev.authfeedback.conformance.PostgresTestDatabase;
import dev.authfeedback.domain.error.InvalidParameterException;
import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.Page;
import dev.authfeedback.domain.model.RecordedAuthEvent;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.AdminListUserAuthEventsCommand;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import dev.authfeedback.domain.port.in.UpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.out.Stores;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The use cases in process, each with its command built (and so validated) per call as an adapter
 * does. Data sets: {@code hot}, one user whose 64 events take every feedback, and {@code spread},
 * feedback on random events of 100,000 users; both have a user with 10,000 events for listing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DomainBenchmarks {

    static final String LIST_USER = "many-events";

    @State(Scope.Benchmark)
    public static class Data {
        @Param({"hot", "spread"})
        public String dataset;

        @Param({"memory"})
        public String store;

        /** Users of the spread data set (scaled down for quick runs through the system property). */
        public int spreadUsers = Integer.getInteger("bench.spreadUsers", 100_000);
        public int listEvents = Integer.getInteger("bench.listEvents", 10_000);

        AuthEventFeedbackUseCases service;
        UserPool pool;
        Fixtures.Target[] targets;
        PostgresStorage postgres;

        @Setup(Level.Trial)
        public void load() {
            Stores stores;
            if (store.equals("postgres")) {
                postgres = PostgresStorage.open(new PostgresSettings(PostgresTestDatabase.newDatabase(), "postgres",
                        "postgres"));
                if (!postgres.start()) {
                    throw new IllegalStateException("the benchmark database is not usable");
                }
                stores = postgres.stores();
            } else {
                stores = Fixtures.inMemoryStores();
            }
            service = Fixtures.service(stores);
            pool = Fixtures.advancedPool(service);
            Fixtures.createUser(service, pool, LIST_USER);
            Fixtures.record(service, pool, LIST_USER, listEvents, true);
            List<Fixtures.Target> all = new ArrayList<>();
            if (dataset.equals("hot")) {
                Fixtures.createUser(service, pool, "hot");
                all.addAll(Fixtures.record(service, pool, "hot", 64, false));
            } else {
                for (int i = 0; i < spreadUsers; i++) {
                    String username = "user" + i;
                    Fixtures.createUser(service, pool, username);
                    all.addAll(Fixtures.record(service, pool, username, 1, false));
                }
            }
            targets = all.toArray(new Fixtures.Target[0]);
            java.util.Collections.shuffle(java.util.Arrays.asList(targets), new java.util.Random(42));
        }

        @TearDown(Level.Trial)
        public void close() {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** Per-thread position in the targets, so that threads do not share a counter. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        Fixtures.Target take(Data data) {
            Fixtures.Target target = data.targets[next];
            next = next + 1 == data.targets.length ? 0 : next + 1;
            return target;
        }
    }

    /** A user whose events RecordAuthEvent appends to, emptied every iteration so memory stays bounded. */
    @State(Scope.Benchmark)
    public static class Recorder {
        static final String USER = "recorder";

        @Setup(Level.Iteration)
        public void fresh(Data data) {
            try {
                data.service.adminDeleteUser(new dev.authfeedback.domain.port.in.AdminDeleteUserCommand(
                        data.pool.id(), USER));
            } catch (dev.authfeedback.domain.error.UserNotFoundException firstIteration) {
                // nothing to empty yet
            }
            Fixtures.createUser(data.service, data.pool, USER);
        }
    }

    @Benchmark
    public void adminUpdateAuthEventFeedback(Data data, Cursor cursor) {
        Fixtures.Target target = cursor.take(data);
        data.service.adminUpdateAuthEventFeedback(new AdminUpdateAuthEventFeedbackCommand(data.pool.id(),
                target.username(), target.eventId(), "Invalid"));
    }

    @Benchmark
    public void updateAuthEventFeedback(Data data, Cursor cursor) {
        Fixtures.Target target = cursor.take(data);
        data.service.updateAuthEventFeedback(new UpdateAuthEventFeedbackCommand(data.pool.id(), target.username(),
                target.eventId(), target.token(), "Valid"));
    }

    @Benchmark
    public RecordedAuthEvent recordAuthEvent(Data data, Recorder recorder) {
        return data.service.recordAuthEvent(new RecordAuthEventCommand(data.pool.id(), Recorder.USER, "SignIn"));
    }

    @Benchmark
    public Page<AuthEvent> adminListUserAuthEvents(Data data) {
        return data.service.adminListUserAuthEvents(new AdminListUserAuthEventsCommand(data.pool.id(), LIST_USER,
                60, null));
    }

    @Benchmark
    public void requestFailingValidation(Data data, Blackhole blackhole) {
        try {
            data.service.adminUpdateAuthEventFeedback(new AdminUpdateAuthEventFeedbackCommand(data.pool.id(),
                    "jane", "not an event id!", "Maybe"));
        } catch (InvalidParameterException expected) {
            blackhole.consume(expected);
        }
    }
}
