package dev.authfeedback.adapter.postgres;

import static dev.authfeedback.adapter.postgres.Jdbc.instant;
import static dev.authfeedback.adapter.postgres.Jdbc.nanos;

import dev.authfeedback.domain.model.TokenSigningKey;
import dev.authfeedback.domain.port.out.TokenSigningKeyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys in {@code token_signing_keys}, a row each, their secrets written by {@link StoredSecrets}
 * (encrypted when the storage has a master key). A pool's row lock serializes its rotations.
 */
final class PostgresTokenSigningKeyStore implements TokenSigningKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresTokenSigningKeyStore.class);

    private final Jdbc jdbc;
    private final StoredSecrets secrets;

    PostgresTokenSigningKeyStore(Jdbc jdbc, StoredSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    @Override
    public List<TokenSigningKey> keys(String poolId) {
        return jdbc.query("read token signing keys", "SELECT key_id, secret, created_nanos, retires_nanos "
                        + "FROM token_signing_keys WHERE pool_id = ? ORDER BY retires_nanos IS NULL, created_nanos",
                statement -> statement.setString(1, poolId), row -> {
                    long retires = row.getLong("retires_nanos");
                    Instant retiresAt = row.wasNull() ? null : instant(retires);
                    String keyId = row.getString("key_id");
                    return new TokenSigningKey(keyId, secrets.read(poolId, keyId, row.getString("secret")),
                            instant(row.getLong("created_nanos")), retiresAt);
                });
    }

    @Override
    public boolean rotate(String poolId, TokenSigningKey newKey, Instant retiresAt, Instant now) {
        return jdbc.inTransaction("rotate token signing key", connection -> {
            if (Jdbc.query(connection, "SELECT 1 FROM user_pools WHERE id = ? FOR UPDATE",
                    statement -> statement.setString(1, poolId), row -> 1).isEmpty()) {
                return false;
            }
            Jdbc.update(connection, "DELETE FROM token_signing_keys WHERE pool_id = ? AND retires_nanos <= ?",
                    statement -> {
                        statement.setString(1, poolId);
                        statement.setLong(2, nanos(now));
                    });
            Jdbc.update(connection, "UPDATE token_signing_keys SET retires_nanos = ? "
                    + "WHERE pool_id = ? AND retires_nanos IS NULL", statement -> {
                        statement.setLong(1, nanos(retiresAt));
                        statement.setString(2, poolId);
                    });
            insert(connection, poolId, newKey);
            return true;
        });
    }

    /** Adds a key of the pool on the caller's connection (in its transaction). */
    void insert(Connection connection, String poolId, TokenSigningKey key) throws SQLException {
        Jdbc.update(connection, "INSERT INTO token_signing_keys (pool_id, key_id, secret, created_nanos, retires_nanos) "
                + "VALUES (?, ?, ?, ?, ?)", statement -> bind(statement, poolId, key));
    }

    private void bind(PreparedStatement statement, String poolId, TokenSigningKey key) throws SQLException {
        statement.setString(1, poolId);
        statement.setString(2, key.keyId());
        statement.setString(3, secrets.write(poolId, key.keyId(), key.secret()));
        statement.setLong(4, nanos(key.createdAt()));
        if (key.retiresAt() == null) {
            statement.setNull(5, Types.BIGINT);
        } else {
            statement.setLong(5, nanos(key.retiresAt()));
        }
    }

    /**
     * At start: checks that this server can read every stored key (IllegalStateException naming the
     * master key needed otherwise) and, given a master key, encrypts those stored unencrypted, in
     * one transaction.
     */
    void protectStoredKeys(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<String[]> toSeal = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT pool_id, key_id, secret FROM token_signing_keys FOR UPDATE");
                     ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String stored = rows.getString("secret");
                        secrets.requireReadable(stored);
                        if (secrets.shouldSeal(stored)) {
                            toSeal.add(new String[] {rows.getString("pool_id"), rows.getString("key_id"), stored});
                        }
                    }
                }
                for (String[] key : toSeal) {
                    byte[] secret = secrets.read(key[0], key[1], key[2]);
                    Jdbc.update(connection, "UPDATE token_signing_keys SET secret = ? WHERE pool_id = ? AND key_id = ?",
                            statement -> {
                                statement.setString(1, secrets.write(key[0], key[1], secret));
                                statement.setString(2, key[0]);
                                statement.setString(3, key[1]);
                            });
                }
                connection.commit();
                if (!toSeal.isEmpty()) {
                    LOG.info("encrypted {} token signing keys that were stored unencrypted", toSeal.size());
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
