package dev.authfeedback.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.authfeedback.domain.port.out.Stores;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The PostgreSQL storage of one server: a connection pool, the schema migrations, and the
 * stores over them. The pool opens lazily, so a server can start while the database is down; it
 * reconnects by itself when the database comes back.
 */
public final class PostgresStorage implements AutoCloseable {

    public static final int DEFAULT_POOL_SIZE = 16;

    private final HikariDataSource dataSource;
    private final Stores stores;

    private PostgresStorage(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        Jdbc jdbc = new Jdbc(dataSource);
        this.stores = new Stores(new PostgresUserPoolStore(jdbc), new PostgresUserStore(jdbc),
                new PostgresAuthEventStore(jdbc), new PostgresRiskConfigurationStore(jdbc), new PostgresRiskModelStore(jdbc),
                true);
    }

    /** A pool of connections to {@code jdbcUrl}; nothing is connected until first use. */
    public static PostgresStorage open(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database) is needed, "
                    + "was: " + jdbcUrl);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("authfeedback");
        config.setMaximumPoolSize(DEFAULT_POOL_SIZE);
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        // start without the database; each request tries again, so the server recovers by itself
        config.setInitializationFailTimeout(-1);
        return new PostgresStorage(new HikariDataSource(config));
    }

    /** Brings the schema up to date; throws when the database cannot be reached. */
    public void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/authfeedback")
                .connectRetries(0)
                .load()
                .migrate();
    }

    public Stores stores() {
        return stores;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
