package dev.authfeedback.benchmarks;

import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.AdminListUserAuthEventsCommand;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import dev.authfeedback.domain.port.in.UpdateAuthEventFeedbackCommand;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Scale figures, in a JVM of its own: heap bytes per stored event with feedback, the time and memory
 * to load them, and how the cost of each operation changes as the store grows (it should not).
 * Prints one {@code result {json}} line.
 */
public final class ScaleRun {

    private static final int TIMED_ROUNDS = 3;
    private static final int EVENTS_PER_USER = 1000;

    private ScaleRun() {
    }

    /** Arguments: the store sizes to measure at, ascending, e.g. {@code 1000 10000 100000 1000000}. */
    public static void main(String[] args) {
        int[] sizes = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            sizes[i] = Integer.parseInt(args[i]);
        }
        JsonObject result = new JsonObject();
        measureHeap(sizes[sizes.length - 1], result);
        AuthEventFeedbackUseCases service = Fixtures.service(Fixtures.inMemoryStores());
        UserPool pool = Fixtures.advancedPool(service);
        List<Fixtures.Target> stored = new ArrayList<>();
        for (int size : sizes) {
            while (stored.size() < size) {
                String username = "user" + stored.size() / EVENTS_PER_USER;
                if (stored.size() % EVENTS_PER_USER == 0) {
                    Fixtures.createUser(service, pool, username);
                }
                stored.addAll(Fixtures.record(service, pool, username,
                        Math.min(EVENTS_PER_USER - stored.size() % EVENTS_PER_USER, size - stored.size()), true));
            }
            LoadRun.progress("scale: measuring the operations with " + size + " events stored");
            measureOperations(service, pool, stored, size, result);
        }
        for (String operation : List.of("admin_feedback", "user_feedback", "list_page", "record")) {
            double first = result.getDouble("scale." + operation + ".ns_at_" + sizes[0]);
            double last = result.getDouble("scale." + operation + ".ns_at_" + sizes[sizes.length - 1]);
            result.put("scale." + operation + ".growth_ratio", last / first);
        }
        System.out.println("result " + result.encode());
    }

    private static void measureOperations(AuthEventFeedbackUseCases service, UserPool pool,
                                          List<Fixtures.Target> stored, int size, JsonObject result) {
        Random random = new Random(size);
        int rounds = Integer.getInteger("bench.scaleRounds", 200_000);
        result.put("scale.admin_feedback.ns_at_" + size, timed(rounds, () -> {
            Fixtures.Target target = stored.get(random.nextInt(stored.size()));
            service.adminUpdateAuthEventFeedback(new AdminUpdateAuthEventFeedbackCommand(pool.id(), target.username(),
                    target.eventId(), "Valid"));
        }));
        result.put("scale.user_feedback.ns_at_" + size, timed(rounds, () -> {
            Fixtures.Target target = stored.get(random.nextInt(stored.size()));
            service.updateAuthEventFeedback(new UpdateAuthEventFeedbackCommand(pool.id(), target.username(),
                    target.eventId(), target.token(), "Invalid"));
        }));
        result.put("scale.list_page.ns_at_" + size, timed(rounds / 10, () -> {
            Fixtures.Target target = stored.get(random.nextInt(stored.size()));
            service.adminListUserAuthEvents(new AdminListUserAuthEventsCommand(pool.id(), target.username(), 60, null));
        }));
        String recorder = "recorder" + size;
        Fixtures.createUser(service, pool, recorder);
        result.put("scale.record.ns_at_" + size, timed(rounds / 4, () ->
                service.recordAuthEvent(new RecordAuthEventCommand(pool.id(), recorder, "SignIn"))));
        service.adminDeleteUser(new dev.authfeedback.domain.port.in.AdminDeleteUserCommand(pool.id(), recorder));
    }

    /**
     * Heap per stored event with feedback: the growth of the used heap (after full GCs) while a fresh
     * service stores {@code events} events, keeping nothing else alive; and the time that takes.
     */
    private static void measureHeap(int events, JsonObject result) {
        long heapBefore = usedHeapAfterGc();
        long started = System.nanoTime();
        AuthEventFeedbackUseCases service = Fixtures.service(Fixtures.inMemoryStores());
        UserPool pool = Fixtures.advancedPool(service);
        for (int stored = 0; stored < events; stored += EVENTS_PER_USER) {
            String username = "user" + stored / EVENTS_PER_USER;
            Fixtures.createUser(service, pool, username);
            Fixtures.record(service, pool, username, Math.min(EVENTS_PER_USER, events - stored), true);
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        long heapAfter = usedHeapAfterGc();
        result.put("scale.events", events);
        result.put("scale.heap_bytes_per_event", (heapAfter - heapBefore) / (double) events);
        result.put("scale.load_seconds", loadSeconds);
        result.put("scale.heap_mb_after_load", heapAfter / 1e6);
        LoadRun.progress("scale: " + events + " events with feedback take " + (heapAfter - heapBefore) / events
                + " heap bytes each, loaded in " + Results.format(loadSeconds) + " s");
        Reference.reachabilityFence(service); // alive until the heap was read
    }

    /** How many times {@link #timed} calls its operation: a warm-up round and the timed ones. */
    static int callsTimed(int rounds) {
        return (1 + TIMED_ROUNDS) * rounds;
    }

    /**
     * Median over three rounds of the mean ns per call, after a warm-up round and a full GC, so that
     * the garbage of loading the store is not charged to the operation measured next.
     */
    static double timed(int rounds, Runnable operation) {
        for (int i = 0; i < rounds; i++) {
            operation.run();
        }
        usedHeapAfterGc();
        double[] means = new double[TIMED_ROUNDS];
        for (int round = 0; round < means.length; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                operation.run();
            }
            means[round] = (System.nanoTime() - started) / (double) rounds;
        }
        java.util.Arrays.sort(means);
        return means[1];
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
