package dev.authfeedback.conformance;

import dev.authfeedback.adapter.postgres.PostgresSettings;
import dev.authfeedback.adapter.postgres.PostgresStorage;
import dev.authfeedback.domain.port.out.Stores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL server for the tests, from the binaries that a Maven artifact ships, started
 * once per JVM on a free port; nothing to install by hand. One database holds the schema, emptied
 * between tests.
 */
public final class PostgresTestDatabase {

    private static EmbeddedPostgres server;
    private static PostgresStorage storage;

    private PostgresTestDatabase() {
    }

    /** The running server, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            start(EmbeddedPostgres.builder());
        }
        return server;
    }

    /**
     * Starts the server with PostgreSQL's own defaults for durability (a commit returns once its
     * WAL is on disk), which the embedded server otherwise turns off for speed: for measuring what
     * a commit costs. Before anything else has used the server.
     */
    public static synchronized void startDurable() {
        if (server != null) {
            throw new IllegalStateException("the embedded PostgreSQL is already running");
        }
        start(EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // what each statement costs the database, for the scale run's figures
                .setServerConfig("shared_preload_libraries", "pg_stat_statements"));
    }

    private static void start(EmbeddedPostgres.Builder builder) {
        {
            try {
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's directory is temporary
                }
            }));
        }
    }

    public static String jdbcUrl() {
        return server().getJdbcUrl("postgres", "postgres");
    }

    /** A new, empty database on the shared server (no schema yet); answers its JDBC URL. */
    public static String newDatabase() {
        String name = "authfeedback_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database", e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /** The stores on the shared database, emptied first. */
    public static synchronized Stores emptyStores() {
        if (storage == null) {
            storage = PostgresStorage.open(new PostgresSettings(jdbcUrl(), "postgres", "postgres"));
            if (!storage.start()) {
                throw new IllegalStateException("the test database is not usable");
            }
        }
        return emptied(storage);
    }

    /** The stores of {@code storage}, every table emptied first. */
    public static Stores emptied(PostgresStorage storage) {
        try (Connection connection = storage.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE user_aliases, user_risk_profiles, users, auth_events, risk_configurations, "
                    + "pool_risk_counts, token_signing_keys, notifications, user_pools");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test database", e);
        }
        storage.awaitChangesHeard(); // nothing emptied is kept in memory any more
        return storage.stores();
    }
}
