package dev.authfeedback.server;

import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.adapter.postgres.PostgresStorage;
import dev.authfeedback.domain.port.out.Stores;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store the server runs on. With PostgreSQL the server starts even when the database is down:
 * it says so once in the log, answers InternalErrorException meanwhile, and brings the schema up
 * to date as soon as the database is reachable (connections recover by themselves).
 */
final class StoreSetup implements AutoCloseable {

    static final Duration MIGRATION_RETRY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(StoreSetup.class);

    private final Stores stores;
    private final PostgresStorage postgres;
    private final Thread migrationRetry;

    private StoreSetup(Stores stores, PostgresStorage postgres, Thread migrationRetry) {
        this.stores = stores;
        this.postgres = postgres;
        this.migrationRetry = migrationRetry;
    }

    static StoreSetup from(ServerOptions options) {
        if (options.store == ServerOptions.StoreKind.memory) {
            return new StoreSetup(InMemoryStores.create(), null, null);
        }
        if (options.jdbcUrl == null) {
            throw new IllegalArgumentException("--store postgres needs " + ServerOptions.named("--jdbc-url") + ", e.g. "
                    + "jdbc:postgresql://localhost:5432/authfeedback");
        }
        if (!options.jdbcUrl.startsWith("jdbc:postgresql:")) {
            // without its parameters: they may hold a password
            throw new IllegalArgumentException(ServerOptions.named("--jdbc-url") + " must be a PostgreSQL JDBC URL "
                    + "such as jdbc:postgresql://localhost:5432/authfeedback, was: " + withoutParameters(options.jdbcUrl));
        }
        PostgresStorage storage = PostgresStorage.open(options.jdbcUrl, options.jdbcUser, options.jdbcPassword);
        String where = withoutParameters(options.jdbcUrl);
        try {
            storage.migrate();
            LOG.info("PostgreSQL at {}: schema up to date", where);
            return new StoreSetup(storage.stores(), storage, null);
        } catch (RuntimeException unreachable) {
            LOG.error("PostgreSQL at {} is not usable ({}); requests answer InternalErrorException until it is, "
                    + "retrying every {}", where, rootMessage(unreachable), MIGRATION_RETRY);
            Thread retry = new Thread(() -> migrateWhenReachable(storage, where), "postgres-migration-retry");
            retry.setDaemon(true);
            retry.start();
            return new StoreSetup(storage.stores(), storage, retry);
        }
    }

    private static void migrateWhenReachable(PostgresStorage storage, String where) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(MIGRATION_RETRY.toMillis());
                storage.migrate();
                LOG.info("PostgreSQL at {} is reachable again: schema up to date, serving", where);
                return;
            } catch (InterruptedException stop) {
                return;
            } catch (RuntimeException stillDown) {
                LOG.debug("PostgreSQL at {} still not usable: {}", where, rootMessage(stillDown));
            }
        }
    }

    Stores stores() {
        return stores;
    }

    @Override
    public void close() {
        if (migrationRetry != null) {
            migrationRetry.interrupt();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The URL without its query string, which may carry a password. */
    static String withoutParameters(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
