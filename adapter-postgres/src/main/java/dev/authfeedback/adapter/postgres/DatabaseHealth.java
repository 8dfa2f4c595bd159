package dev.authfeedback.adapter.postgres;

import dev.authfeedback.domain.port.out.StoreHealth;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database can be used: unknown until the first check, then checked every
 * {@link #RECHECK_INTERVAL} in the background, and down from the first failure (of a check or of a
 * call) that says the database is unreachable until a check succeeds. Each outage is logged once
 * (WARN) and each recovery once (INFO); while down, calls fail at once instead of waiting for a
 * connection.
 */
final class DatabaseHealth implements StoreHealth {

    /** How often the database is checked, up or down. */
    static final Duration RECHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);

    /** What makes the database usable: connect, and bring the schema up to date once. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    private enum State { UNKNOWN, UP, DOWN }

    private final String where;
    private final Check check;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService rechecks;
    private volatile State state = State.UNKNOWN;
    private ScheduledFuture<?> rechecking;

    DatabaseHealth(String where, Check check) {
        this.where = where;
        this.check = check;
        this.rechecks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "postgres-health");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public boolean usable() {
        return state == State.UP;
    }

    @Override
    public void onChange(Consumer<Boolean> listener) {
        listeners.add(listener);
    }

    /** Checks now, then keeps checking in the background; answers whether the database is usable now. */
    synchronized boolean start() {
        if (rechecking == null) {
            recheck();
            rechecking = rechecks.scheduleWithFixedDelay(this::recheck, RECHECK_INTERVAL.toMillis(),
                    RECHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
        return usable();
    }

    /** True when a failure means the database cannot be reached, rather than that one statement failed. */
    static boolean unreachable(SQLException failure) {
        String state = failure.getSQLState();
        // class 08: connection exception; 57P01-57P03: shut down or not accepting connections
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    synchronized void down(Throwable cause) {
        State before = state;
        if (before == State.DOWN) {
            return;
        }
        state = State.DOWN;
        LOG.warn("PostgreSQL at {} is not usable ({}); requests answer InternalErrorException and readiness is "
                + "DOWN until it is, checking every {}", where, reason(cause), RECHECK_INTERVAL);
        if (before == State.UP) {
            listeners.forEach(listener -> listener.accept(false));
        }
    }

    private synchronized void up() {
        State before = state;
        if (before == State.UP) {
            return;
        }
        state = State.UP;
        if (before == State.DOWN) {
            LOG.info("PostgreSQL at {} is usable again: serving", where);
        } else {
            LOG.info("PostgreSQL at {}: schema up to date", where);
        }
        listeners.forEach(listener -> listener.accept(true));
    }

    private void recheck() {
        try {
            check.run();
            up();
        } catch (Exception failure) {
            // while up, only a failure that says the database is unreachable counts: a check can
            // also time out because every connection is busy serving requests
            if (state != State.UP || failure instanceof SQLException sql && unreachable(sql)) {
                down(failure);
            }
            LOG.debug("PostgreSQL at {}: check failed: {}", where, reason(failure));
        }
    }

    void close() {
        rechecks.shutdownNow();
    }

    /** The innermost message: the one that says what is wrong (refused, unknown host, bad password). */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
