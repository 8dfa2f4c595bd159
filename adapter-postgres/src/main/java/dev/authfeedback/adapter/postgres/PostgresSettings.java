package dev.authfeedback.adapter.postgres;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where the database is and how long a request waits for it.
 *
 * @param jdbcUrl           {@code jdbc:postgresql://host:port/database}
 * @param user              database user, or null for the URL's or the driver's default
 * @param password          database password, or null
 * @param schema            the schema that holds the tables and the migration history, created if absent;
 *                          a plain lowercase SQL name, so that an application's own tables in {@code public}
 *                          never clash with ours
 * @param connectionTimeout how long a request waits for a connection before it fails (and how long
 *                          opening one may take): short, so that a database that is down fails requests fast
 * @param masterKey         the key that encrypts the token signing keys at rest, or null to store them unencrypted
 * @param poolSize          the most connections the server keeps open to the database
 */
public record PostgresSettings(String jdbcUrl, String user, String password, String schema,
                               Duration connectionTimeout, MasterKey masterKey, int poolSize) {

    public static final String DEFAULT_SCHEMA = "authfeedback";
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    /** HikariCP's own floor. */
    public static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);
    /** Room for feedback's two committers and the requests beside them (the README has 8, 16 and 32 measured). */
    public static final int DEFAULT_POOL_SIZE = 16;
    /** Feedback's two committers hold a connection each while they commit: room for other requests too. */
    public static final int MIN_POOL_SIZE = 4;
    public static final int MAX_POOL_SIZE = 1000;
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PostgresSettings {
        requireJdbcUrl(jdbcUrl);
        requireSchema(schema);
        requireConnectionTimeout(connectionTimeout);
        requirePoolSize(poolSize);
    }

    /** The default schema and connection timeout, keys stored unencrypted. */
    public PostgresSettings(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, DEFAULT_SCHEMA, DEFAULT_CONNECTION_TIMEOUT, null, DEFAULT_POOL_SIZE);
    }

    /** The given schema and connection timeout, keys stored unencrypted. */
    public PostgresSettings(String jdbcUrl, String user, String password, String schema, Duration connectionTimeout) {
        this(jdbcUrl, user, password, schema, connectionTimeout, null, DEFAULT_POOL_SIZE);
    }

    /** The same settings with keys encrypted under {@code key} (null: unencrypted). */
    public PostgresSettings withMasterKey(MasterKey key) {
        return new PostgresSettings(jdbcUrl, user, password, schema, connectionTimeout, key, poolSize);
    }

    /** The same settings with at most {@code size} connections. */
    public PostgresSettings withPoolSize(int size) {
        return new PostgresSettings(jdbcUrl, user, password, schema, connectionTimeout, masterKey, size);
    }

    /** Throws IllegalArgumentException unless {@code jdbcUrl} is a PostgreSQL JDBC URL. */
    public static void requireJdbcUrl(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            // without the URL's parameters: they may hold a password
            throw new IllegalArgumentException("a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database) is needed, "
                    + "was: " + (jdbcUrl == null ? null : withoutParameters(jdbcUrl)));
        }
    }

    /** Throws IllegalArgumentException unless {@code schema} is a plain lowercase SQL name. */
    public static void requireSchema(String schema) {
        if (schema == null || !PLAIN_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("the schema must be a plain lowercase SQL name (letters a-z, digits "
                    + "and _, not starting with a digit, at most 63), was: " + schema);
        }
    }

    /** Throws IllegalArgumentException unless {@code timeout} is at least {@link #MIN_CONNECTION_TIMEOUT}. */
    public static void requireConnectionTimeout(Duration timeout) {
        if (timeout == null || timeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("the connection timeout must be at least " + MIN_CONNECTION_TIMEOUT
                    + ", was: " + timeout);
        }
    }

    /** Throws IllegalArgumentException unless {@code size} is from {@link #MIN_POOL_SIZE} to {@link #MAX_POOL_SIZE}. */
    public static void requirePoolSize(int size) {
        if (size < MIN_POOL_SIZE || size > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("the pool size must be from " + MIN_POOL_SIZE + " to " + MAX_POOL_SIZE
                    + " connections, was: " + size);
        }
    }

    /** The URL without its query string, which may carry a password: what logs and errors show. */
    public static String withoutParameters(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + withoutParameters(jdbcUrl) + ", user=" + user + ", schema=" + schema
                + ", connectionTimeout=" + connectionTimeout + ", masterKey=" + masterKey + ", poolSize=" + poolSize + "]";
    }
}
