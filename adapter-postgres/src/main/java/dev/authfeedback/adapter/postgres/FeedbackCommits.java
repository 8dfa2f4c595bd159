package dev.authfeedback.adapter.postgres;

import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.EventFeedback;
import dev.authfeedback.domain.port.out.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feedback writes committed together. A write that comes while no feedback transaction is under
 * way is done at once by its caller. Otherwise it waits in a queue; each of {@link #COMMITTERS}
 * committers, when free, takes every write waiting (up to {@link #MAX_BATCH}) and does them in one
 * transaction, so that the writes arriving while commits are in flight share the next commit. A
 * write alone is done as it would be without the queue. Each write is answered only once its own
 * transaction has committed; when a shared transaction fails, its writes are done again one
 * transaction each, so that one bad write fails alone and the others still land.
 */
final class FeedbackCommits implements AutoCloseable {

    /**
     * Transactions in flight at once. Fewer committers make larger batches: with the benchmark's
     * feedback load (64 connections, 20 worker threads then, commits flushed to disk) 1 and 2 did best
     * (1.44-1.69 times pgbench's transactions per second), 4 did 1.37 and 8 did 0.87 (waiting on each
     * other's row locks until commit). Two, so that one batch waiting on a lock does not hold up all.
     */
    static final int COMMITTERS = 2;
    static final int MAX_BATCH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackCommits.class);

    record Write(String poolId, String userSub, String eventId, EventFeedback feedback,
                 CompletableFuture<Optional<AuthEvent>> result) {
    }

    /** How one write is done in a transaction of its own (it commits it). */
    interface Alone {
        Optional<AuthEvent> record(Write write);
    }

    /** How several writes are done on a connection in one open transaction; answers each write's result. */
    interface Together {
        Map<Write, Optional<AuthEvent>> record(Connection connection, List<Write> writes) throws SQLException;
    }

    private final Jdbc jdbc;
    private final Alone alone;
    private final Together together;
    private final LinkedBlockingQueue<Write> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong splitBatches = new AtomicLong();
    /** Transactions of feedback writes under way, by committers or by a caller alone. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;

    FeedbackCommits(Jdbc jdbc, Alone alone, Together together) {
        this.jdbc = jdbc;
        this.alone = alone;
        this.together = together;
        for (int i = 0; i < COMMITTERS; i++) {
            Thread committer = new Thread(this::commitWhatWaits, "feedback-commits-" + i);
            committer.setDaemon(true);
            committers.add(committer);
            committer.start();
        }
    }

    /** Does the write with whatever else waits, and answers once it is committed. */
    Optional<AuthEvent> record(String poolId, String userSub, String eventId, EventFeedback feedback) {
        jdbc.requireUsable("record feedback");
        if (closed) {
            throw closedStore();
        }
        Write write = new Write(poolId, userSub, eventId, feedback, new CompletableFuture<>());
        if (inFlight.compareAndSet(0, 1)) {
            // nothing in flight, so nothing to share a commit with: done here, without a hand-over
            try {
                doAlone(write);
            } finally {
                inFlight.decrementAndGet();
            }
            return answer(write);
        }
        waiting.add(write);
        if (closed && waiting.remove(write)) { // closed meanwhile: no committer would take it
            throw closedStore();
        }
        return answer(write);
    }

    private static StoreUnavailableException closedStore() {
        return new StoreUnavailableException("record feedback failed: the store is closed", null);
    }

    private static Optional<AuthEvent> answer(Write write) {
        try {
            return write.result().join();
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failure;
        }
    }

    FeedbackCommitCounts counts() {
        return new FeedbackCommitCounts(writes.get(), transactions.get(), splitBatches.get());
    }

    private void commitWhatWaits() {
        List<Write> batch = new ArrayList<>(MAX_BATCH);
        while (!closed) {
            try {
                Write first = waiting.poll(250, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                inFlight.incrementAndGet();
                try {
                    commit(batch);
                } finally {
                    inFlight.decrementAndGet();
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error unexpected) {
                LOG.error("a feedback committer failed", unexpected);
                fail(batch, unexpected);
            } finally {
                batch.clear();
            }
        }
        fail(drained(), closedStore());
    }

    private void commit(List<Write> batch) {
        if (batch.size() == 1) {
            doAlone(batch.get(0));
            return;
        }
        Map<Write, Optional<AuthEvent>> results;
        try {
            results = jdbc.inTransaction("record feedback", connection -> together.record(connection, batch));
        } catch (RuntimeException failed) {
            splitBatches.incrementAndGet();
            LOG.debug("{} feedback writes committed together failed ({}); each is done alone", batch.size(),
                    failed.getMessage());
            batch.forEach(this::doAlone);
            return;
        }
        transactions.incrementAndGet();
        writes.addAndGet(batch.size());
        for (Write write : batch) {
            write.result().complete(results.get(write));
        }
    }

    private void doAlone(Write write) {
        try {
            Optional<AuthEvent> result = alone.record(write);
            transactions.incrementAndGet();
            writes.incrementAndGet();
            write.result().complete(result);
        } catch (RuntimeException failure) {
            write.result().completeExceptionally(failure);
        }
    }

    private static void fail(List<Write> batch, Throwable failure) {
        for (Write write : batch) {
            write.result().completeExceptionally(failure);
        }
    }

    private List<Write> drained() {
        List<Write> left = new ArrayList<>();
        waiting.drainTo(left);
        return left;
    }

    /** Stops the committers once their transactions end; writes still waiting fail as the store being closed. */
    @Override
    public void close() {
        closed = true; // not an interrupt: a committer ends its transaction, then sees this within 250 ms
        for (Thread committer : committers) {
            try {
                committer.join(5_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail(drained(), closedStore());
    }
}
