package dev.authfeedback.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authfeedback.domain.model.RiskConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A read that a change races with is not kept, and only a change to the pool read counts: with one
 * generation for all pools, a busy pool's changes kept every other pool's reads from being kept.
 */
class PoolCacheTest {

    /**
     * One database for the JVM, stopped when it exits: the mutation run runs this class again for
     * every mutant it covers, and starting a database each time cost seconds per mutant.
     */
    private static final class Database {
        static final EmbeddedPostgres POSTGRES = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // the JVM is exiting; the embedded server's directory is temporary
                    }
                }));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aChangeHeardDuringAReadTakesBackThatReadOnlyWhenItIsToTheSamePool() throws Exception {
        try (PoolCache cache = new PoolCache(new PostgresSettings(Database.POSTGRES.getJdbcUrl("postgres", "postgres"),
                "postgres", "postgres"))) {
            cache.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!cache.listening() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(cache.listening()).isTrue();
            AtomicInteger reads = new AtomicInteger();

            readConfiguration(cache, "pool-a", reads, () -> cache.riskConfigurationsChanged("pool-b"));
            readConfiguration(cache, "pool-a", reads, () -> { });
            assertThat(reads).as("pool-a read once: another pool's change left it kept").hasValue(1);

            readConfiguration(cache, "pool-c", reads, () -> cache.usersChanged("pool-c"));
            readConfiguration(cache, "pool-c", reads, () -> { });
            readConfiguration(cache, "pool-c", reads, () -> { });
            assertThat(reads).as("pool-c read again after a change to itself, then kept").hasValue(3);

            readConfiguration(cache, "pool-a", reads, () -> { });
            assertThat(reads).as("pool-a still kept").hasValue(3);
        }
    }

    /** Reads the pool's own risk configuration through the cache; {@code meanwhile} runs during the read. */
    private static void readConfiguration(PoolCache cache, String poolId, AtomicInteger reads, Runnable meanwhile) {
        cache.riskConfiguration(poolId, null, () -> {
            reads.incrementAndGet();
            meanwhile.run();
            return Optional.of(RiskConfiguration.defaults(poolId));
        });
    }
}
