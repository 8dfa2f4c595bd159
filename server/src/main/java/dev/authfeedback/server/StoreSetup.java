package dev.authfeedback.server;

import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.adapter.postgres.MasterKey;
import dev.authfeedback.adapter.postgres.PostgresSettings;
import dev.authfeedback.adapter.postgres.PostgresStorage;
import dev.authfeedback.domain.port.out.ServerPeers;
import dev.authfeedback.domain.port.out.Stores;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store the server runs on. With PostgreSQL the server starts even when the database is down:
 * the storage says so once in the log, readiness stays DOWN and requests answer
 * InternalErrorException at once until the database is reachable and its schema up to date.
 */
final class StoreSetup implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreSetup.class);

    private final Stores stores;
    private final PostgresStorage postgres;

    private StoreSetup(Stores stores, PostgresStorage postgres) {
        this.stores = stores;
        this.postgres = postgres;
    }

    static StoreSetup from(ServerOptions options) {
        String masterKey = options.masterKey();
        if (options.store == ServerOptions.StoreKind.memory) {
            if (masterKey != null) {
                throw new IllegalArgumentException(ServerOptions.named("--master-key") + " encrypts keys stored in "
                        + "PostgreSQL (--store postgres); the in-memory store keeps them in memory only");
            }
            return new StoreSetup(InMemoryStores.create(), null);
        }
        if (options.jdbcUrl == null) {
            throw new IllegalArgumentException("--store postgres needs " + ServerOptions.named("--jdbc-url") + ", e.g. "
                    + "jdbc:postgresql://localhost:5432/authfeedback");
        }
        PostgresStorage storage = PostgresStorage.open(new PostgresSettings(
                checked("--jdbc-url", options.jdbcUrl, PostgresSettings::requireJdbcUrl),
                options.jdbcUser, options.jdbcPassword(),
                checked("--jdbc-schema", options.jdbcSchema, PostgresSettings::requireSchema),
                checked("--jdbc-connect-timeout", options.jdbcConnectTimeout(), PostgresSettings::requireConnectionTimeout))
                .withMasterKey(masterKey == null ? null : parsed("--master-key", masterKey, MasterKey::fromBase64))
                .withPoolSize(checked("--jdbc-pool-size", options.jdbcPoolSize, PostgresSettings::requirePoolSize)));
        if (masterKey == null) {
            LOG.warn("token signing keys are stored unencrypted in PostgreSQL: give a master key with "
                    + "--master-key-file (or AUTHFEEDBACK_MASTER_KEY) to encrypt them");
        }
        storage.start();
        return new StoreSetup(storage.stores(), storage);
    }

    /** {@code value} once {@code check} accepts it; its refusal names the flag and variable it came from. */
    private static <T> T checked(String flag, T value, Consumer<T> check) {
        return parsed(flag, value, (T accepted) -> {
            check.accept(accepted);
            return accepted;
        });
    }

    /** {@code value} made into what {@code parse} makes of it; its refusal names the flag and variable it came from. */
    private static <T, R> R parsed(String flag, T value, Function<T, R> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException(ServerOptions.named(flag) + ": " + bad.getMessage(), bad);
        }
    }

    Stores stores() {
        return stores;
    }

    /**
     * With PostgreSQL, how its feedback writes share commits and whether it keeps pools, users and
     * risk configurations in memory, as metrics: {@code authfeedback_postgres_feedback_writes_total},
     * {@code ..._transactions_total}, {@code ..._split_transactions_total} and
     * {@code authfeedback_postgres_cache_listening} (1 or 0).
     */
    void bindMetrics(MeterRegistry registry) {
        if (postgres == null) {
            return;
        }
        FunctionCounter.builder("authfeedback.postgres.feedback.writes", postgres, s -> s.feedbackCommits().writes())
                .description("Feedback writes committed").register(registry);
        FunctionCounter.builder("authfeedback.postgres.feedback.transactions", postgres,
                s -> s.feedbackCommits().transactions())
                .description("Transactions the feedback writes took (fewer when writes shared a commit)")
                .register(registry);
        FunctionCounter.builder("authfeedback.postgres.feedback.split.transactions", postgres,
                s -> s.feedbackCommits().splitBatches())
                .description("Shared feedback transactions that failed and were done again write by write")
                .register(registry);
        Gauge.builder("authfeedback.postgres.cache.listening", postgres, s -> s.keepsPoolData() ? 1 : 0)
                .description("1 while pools, users and risk configurations are kept in memory (listening for every "
                        + "server's changes)")
                .register(registry);
    }

    /** The servers sharing these stores: with PostgreSQL, those holding a lease in the database. */
    ServerPeers peers() {
        return postgres == null ? ServerPeers.ALONE : postgres.peers();
    }

    @Override
    public void close() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
