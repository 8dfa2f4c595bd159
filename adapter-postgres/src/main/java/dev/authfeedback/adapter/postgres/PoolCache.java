package dev.authfeedback.adapter.postgres;

import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.model.User;
import dev.authfeedback.domain.model.UserPool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pools by id, users by pool and username, and risk configurations by pool and client, kept in
 * memory between requests so that the hot requests (feedback, sign-ins) find them without a round
 * trip to the database.
 *
 * <p>Right across servers: every change to a pool, a user or a risk configuration, by any server or
 * by hand, notifies when it commits (the triggers of migrations V8 and V10); this server listens
 * on a connection of its own and drops what the notification names. Its own writes drop their
 * entries at once, so that it reads its own writes. While it is not listening (before start, or
 * once the listening connection is lost) nothing is served from memory, and what was there is
 * dropped when listening resumes, since notifications may have been missed meanwhile. A read that
 * races with a change is not kept: every drop advances its pool's generation (dropping everything,
 * the generation of all), and an entry read under an older one is taken back; a change to one pool
 * leaves reads of others kept.
 * Only pools and users found are kept, a miss always asks the database; a risk configuration's
 * absence is kept too (most pools and clients have none), which is why its inserts notify as well.
 */
final class PoolCache implements AutoCloseable {

    static final String CHANNEL = "authfeedback_changes";
    private static final String HEARD = "heard ";
    static final int MAX_POOLS = 10_000;
    static final int MAX_USERS = 100_000;
    static final int MAX_RISK_CONFIGURATIONS = 100_000;
    /** The key of a pool's own risk configuration among its clients'. */
    private static final String POOL_ITSELF = "";
    /** How often the listening connection is checked: a connection lost without a word is noticed this late. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final int WAIT_MILLIS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(PoolCache.class);

    private final PostgresSettings settings;
    private final ConcurrentHashMap<String, UserPool> pools = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, User>> usersByPool = new ConcurrentHashMap<>();
    private final AtomicInteger usersKept = new AtomicInteger();
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Optional<RiskConfiguration>>> riskByPool =
            new ConcurrentHashMap<>();
    private final AtomicInteger riskConfigurationsKept = new AtomicInteger();
    /** Advanced when everything is dropped. */
    private final AtomicLong generation = new AtomicLong();
    /** Per pool, advanced when its entries are dropped; made on its first change, not by reads (callers name pools). */
    private final ConcurrentHashMap<String, AtomicLong> poolGenerations = new ConcurrentHashMap<>();
    /** The markers this server sent ({@link #awaitHeard}) and the last one it heard back. */
    private final AtomicLong markers = new AtomicLong();
    private final String serverMarker = UUID.randomUUID().toString();
    private long heard;
    private volatile boolean listening;
    private volatile boolean closed;
    private Thread listener;

    PoolCache(PostgresSettings settings) {
        this.settings = settings;
    }

    /** Starts listening in the background (the schema must be up to date); entries are kept from then on. */
    synchronized void start() {
        if (listener == null && !closed) {
            listener = new Thread(this::listen, "pool-cache");
            listener.setDaemon(true);
            listener.start();
        }
    }

    /** True while entries are kept and served: the listening connection is open. */
    boolean listening() {
        return listening;
    }

    Optional<UserPool> pool(String poolId, Supplier<Optional<UserPool>> read) {
        return readThrough(poolId, pools, poolId, read, () -> {
            if (pools.size() >= MAX_POOLS) {
                pools.clear();
            }
        });
    }

    Optional<User> userByUsername(String poolId, String username, Supplier<Optional<User>> read) {
        if (!listening) {
            return read.get();
        }
        ConcurrentHashMap<String, User> users = usersByPool.computeIfAbsent(poolId, id -> new ConcurrentHashMap<>());
        return readThrough(poolId, users, username, read, () -> {
            if (usersKept.incrementAndGet() > MAX_USERS) {
                usersKept.set(0);
                usersByPool.clear();
            }
        });
    }

    /** The pool's or the client's own risk configuration, or none; {@code clientId} null for the pool's. */
    Optional<RiskConfiguration> riskConfiguration(String poolId, String clientId,
                                                  Supplier<Optional<RiskConfiguration>> read) {
        if (!listening) {
            return read.get();
        }
        ConcurrentHashMap<String, Optional<RiskConfiguration>> configurations =
                riskByPool.computeIfAbsent(poolId, id -> new ConcurrentHashMap<>());
        return readThrough(poolId, configurations, clientId == null ? POOL_ITSELF : clientId,
                () -> Optional.of(read.get()),
                () -> {
                    // clients are named by callers: a caller naming new ones only makes room for them
                    if (riskConfigurationsKept.incrementAndGet() > MAX_RISK_CONFIGURATIONS) {
                        riskConfigurationsKept.set(0);
                        riskByPool.clear();
                    }
                }).orElseThrow();
    }

    /** {@code makeRoom} runs before an entry is kept, so that a hit costs one lookup and nothing else. */
    private <K, V> Optional<V> readThrough(String poolId, Map<K, V> entries, K key, Supplier<Optional<V>> read,
                                           Runnable makeRoom) {
        if (!listening) {
            return read.get();
        }
        V kept = entries.get(key);
        if (kept != null) {
            return Optional.of(kept);
        }
        long seen = generation.get();
        AtomicLong poolGeneration = poolGenerations.get(poolId); // null: the pool has not changed since it was made
        long seenOfPool = poolGeneration == null ? 0 : poolGeneration.get();
        Optional<V> found = read.get();
        if (found.isPresent() && listening) {
            makeRoom.run();
            entries.put(key, found.get());
            if (generation.get() != seen || poolGenerations.get(poolId) != poolGeneration
                    || (poolGeneration != null && poolGeneration.get() != seenOfPool)) {
                // something changed while this was read: it may predate the change
                entries.remove(key, found.get());
            }
        }
        return found;
    }

    /** The pool changed or went (its users with it): read both from the database next time. */
    void poolChanged(String poolId) {
        advance(poolId);
        pools.remove(poolId);
        usersByPool.remove(poolId);
        riskByPool.remove(poolId);
    }

    /** A risk configuration of the pool was set or removed: read the pool's from the database next time. */
    void riskConfigurationsChanged(String poolId) {
        advance(poolId);
        riskByPool.remove(poolId);
    }

    /** A user of the pool changed or went: read the pool's users from the database next time. */
    void usersChanged(String poolId) {
        advance(poolId);
        usersByPool.remove(poolId);
    }

    /** Before the pool's entries are dropped: a read of the pool under way is not kept. */
    private void advance(String poolId) {
        if (poolGenerations.size() >= MAX_POOLS && !poolGenerations.containsKey(poolId)) {
            dropAll(); // the generations of as many pools as are kept: start afresh, everything with them
        }
        poolGenerations.computeIfAbsent(poolId, id -> new AtomicLong()).incrementAndGet();
    }

    private void dropAll() {
        generation.incrementAndGet();
        poolGenerations.clear();
        pools.clear();
        usersByPool.clear();
        usersKept.set(0);
        riskByPool.clear();
        riskConfigurationsKept.set(0);
    }

    private void listen() {
        while (!closed) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                dropAll(); // whatever changed before LISTEN took effect was not heard
                listening = true;
                LOG.debug("listening for changes to pools, users and risk configurations");
                receive(connection);
            } catch (SQLException | RuntimeException lost) {
                if (!closed) {
                    LOG.debug("not listening for changes to pools, users and risk configurations: {}", lost.getMessage());
                }
            } finally {
                listening = false;
                dropAll();
                synchronized (markers) {
                    markers.notifyAll();
                }
            }
            pause(CHECK_EVERY);
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        long checkAt = System.nanoTime() + CHECK_EVERY.toNanos();
        while (!closed) {
            PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
            if (received != null) {
                for (PGNotification notification : received) {
                    apply(notification.getParameter());
                }
            }
            if (System.nanoTime() - checkAt >= 0) {
                if (!connection.isValid((int) Math.max(1, settings.connectionTimeout().toSeconds()))) {
                    throw new SQLException("the listening connection did not answer", "08006");
                }
                checkAt = System.nanoTime() + CHECK_EVERY.toNanos();
            }
        }
    }

    /**
     * Returns once every change committed before the call has been heard (or nothing is kept):
     * for whoever writes to the tables by other means than the stores and reads through them next.
     */
    void awaitHeard(DataSource dataSource, Duration timeout) {
        if (!listening) {
            return;
        }
        long marker = markers.incrementAndGet();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, HEARD + serverMarker + ' ' + marker);
            notify.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not ask the listener whether it heard every change", e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (markers) {
            while (listening && heard < marker) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the listener did not hear the changes within " + timeout);
                }
                try {
                    markers.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the listener", interrupted);
                }
            }
        }
    }

    private void apply(String change) {
        if (change.startsWith(HEARD)) {
            String[] parts = change.substring(HEARD.length()).split(" ");
            if (parts.length == 2 && parts[0].equals(serverMarker)) {
                synchronized (markers) {
                    heard = Math.max(heard, Long.parseLong(parts[1]));
                    markers.notifyAll();
                }
            }
        } else if (change.startsWith("pool ")) {
            poolChanged(change.substring("pool ".length()));
        } else if (change.startsWith("users ")) {
            usersChanged(change.substring("users ".length()));
        } else if (change.startsWith("risk ")) {
            riskConfigurationsChanged(change.substring("risk ".length()));
        } else {
            dropAll(); // "all" (a table truncated), or a change this version does not know
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("connectTimeout", String.valueOf(Math.max(1, settings.connectionTimeout().toSeconds())));
        properties.setProperty("ApplicationName", "authfeedback cache listener");
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = listener;
        }
        listening = false;
        dropAll();
        if (running != null) {
            running.interrupt();
            try {
                running.join(CHECK_EVERY.toMillis() * 2);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
