package dev.authfeedback.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.authfeedback.domain.port.out.ServerPeers;
import dev.authfeedback.domain.port.out.Stores;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The PostgreSQL storage of one server: a connection pool, the schema migrations, the stores over
 * them and the database's health. The pool opens lazily and {@link #start()} never fails for a
 * database that is down, so a server can start before its database; it serves as soon as the
 * database is reachable and its schema up to date, and recovers by itself after an outage.
 */
public final class PostgresStorage implements AutoCloseable {

    private final PostgresSettings settings;
    private final HikariDataSource dataSource;
    private final DatabaseHealth health;
    private final PostgresTokenSigningKeyStore signingKeys;
    private final Stores stores;
    private final ServerLeases leases;
    private final PoolCache cache;
    private final PostgresAuthEventStore events;
    private volatile boolean migrated;

    private PostgresStorage(PostgresSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.health = new DatabaseHealth(PostgresSettings.withoutParameters(settings.jdbcUrl()), this::connectAndMigrate);
        Jdbc jdbc = new Jdbc(dataSource, health);
        this.cache = new PoolCache(settings);
        this.signingKeys = new PostgresTokenSigningKeyStore(jdbc, new StoredSecrets(settings.masterKey()));
        this.events = new PostgresAuthEventStore(jdbc);
        this.stores = new Stores(new PostgresUserPoolStore(jdbc, signingKeys, cache), new PostgresUserStore(jdbc, cache),
                events, new PostgresRiskConfigurationStore(jdbc, cache), new PostgresRiskModelStore(jdbc),
                signingKeys, new PostgresNotificationStore(jdbc), true, health);
        this.leases = new ServerLeases(dataSource);
    }

    /** A pool of connections as the settings say; nothing is connected until {@link #start()}. */
    public static PostgresStorage open(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setSchema(settings.schema());
        config.setPoolName("authfeedback");
        config.setMaximumPoolSize(settings.poolSize());
        long timeoutMillis = settings.connectionTimeout().toMillis();
        config.setConnectionTimeout(timeoutMillis);
        config.setValidationTimeout(Math.max(PostgresSettings.MIN_CONNECTION_TIMEOUT.toMillis(), timeoutMillis / 2));
        // the driver's own limit on opening a connection (whole seconds), for a host that drops packets
        config.addDataSourceProperty("connectTimeout", Math.max(1, settings.connectionTimeout().toSeconds()));
        // start without the database: the health checks in the background, requests fail fast meanwhile
        config.setInitializationFailTimeout(-1);
        return new PostgresStorage(settings, new HikariDataSource(config));
    }

    /**
     * Connects and brings the schema up to date, then keeps checking the database in the background;
     * when it cannot be used, reports that once and serves again as soon as it can. Answers whether
     * the storage is usable now.
     */
    public boolean start() {
        return health.start();
    }

    private void connectAndMigrate() throws SQLException {
        if (migrated) {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.isValid((int) Math.max(1, settings.connectionTimeout().toSeconds()))) {
                    throw new SQLException("the connection did not answer", "08006");
                }
            }
            return;
        }
        // a connection first: while the database is down, this fails without Flyway's log lines
        try (Connection probe = dataSource.getConnection()) {
            probe.isValid(1);
        }
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(settings.schema())
                .defaultSchema(settings.schema())
                .locations("classpath:db/authfeedback")
                .connectRetries(0)
                .load()
                .migrate();
        signingKeys.protectStoredKeys(dataSource);
        leases.start();
        cache.start();
        migrated = true;
    }

    public Stores stores() {
        return stores;
    }

    /** The servers sharing this database now (this one included), by their leases: quotas are split between them. */
    public ServerPeers peers() {
        return leases;
    }

    /**
     * True while this server keeps pools, users and risk configurations in memory between requests:
     * it is listening for every server's changes to them (after start, and while the listening
     * connection holds).
     */
    public boolean keepsPoolData() {
        return cache.listening();
    }

    /**
     * Returns once this server has heard of every change to pools, users and risk configurations
     * committed before the call: for whoever changes those tables by other means than the stores (a
     * script, a test) and reads through the stores next.
     */
    public void awaitChangesHeard() {
        cache.awaitHeard(dataSource, Duration.ofSeconds(10));
    }

    /** Feedback writes so far and the transactions they took: concurrent ones share commits. */
    public FeedbackCommitCounts feedbackCommits() {
        return events.feedbackCommits();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        leases.close();
        events.close();
        cache.close();
        health.close();
        dataSource.close();
    }
}
