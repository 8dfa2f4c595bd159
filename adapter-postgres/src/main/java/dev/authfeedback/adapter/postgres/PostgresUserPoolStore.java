package dev.authfeedback.adapter.postgres;

import static dev.authfeedback.adapter.postgres.Jdbc.instant;
import static dev.authfeedback.adapter.postgres.Jdbc.nanos;
import static dev.authfeedback.adapter.postgres.Jdbc.textArray;
import static dev.authfeedback.adapter.postgres.Jdbc.texts;

import dev.authfeedback.domain.model.AdvancedSecurityMode;
import dev.authfeedback.domain.model.AliasAttribute;
import dev.authfeedback.domain.model.TokenSigningKey;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.model.UserPoolTier;
import dev.authfeedback.domain.model.UsernameAttribute;
import dev.authfeedback.domain.model.WireEnum;
import dev.authfeedback.domain.port.out.UserPoolStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Pools in {@code user_pools}, one row each; a new pool's first key goes in with it, in one transaction. */
final class PostgresUserPoolStore implements UserPoolStore {

    private static final String COLUMNS = "id, name, arn, creation_nanos, last_modified_nanos, advanced_security_mode, "
            + "tier, alias_attributes, username_attributes, version";

    private final Jdbc jdbc;
    private final PostgresTokenSigningKeyStore signingKeys;
    private final PoolCache cache;

    PostgresUserPoolStore(Jdbc jdbc, PostgresTokenSigningKeyStore signingKeys, PoolCache cache) {
        this.jdbc = jdbc;
        this.signingKeys = signingKeys;
        this.cache = cache;
    }

    @Override
    public void insert(UserPool pool, TokenSigningKey firstKey) {
        boolean inserted = jdbc.inTransaction("insert pool", connection -> {
            if (Jdbc.update(connection, "INSERT INTO user_pools (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    statement -> bind(connection, statement, pool)) == 0) {
                return false;
            }
            signingKeys.insert(connection, pool.id(), firstKey);
            return true;
        });
        if (!inserted) {
            throw new IllegalStateException("pool id already taken: " + pool.id());
        }
    }

    @Override
    public Optional<UserPool> find(String poolId) {
        return cache.pool(poolId, () -> jdbc.queryOne("find pool", "SELECT " + COLUMNS + " FROM user_pools WHERE id = ?",
                statement -> statement.setString(1, poolId), PostgresUserPoolStore::pool));
    }

    @Override
    public boolean replace(UserPool current, UserPool pool) {
        try {
            return replaceRow(current, pool);
        } finally {
            // also when it failed: the pool kept here may be what made it fail
            cache.poolChanged(pool.id());
        }
    }

    private boolean replaceRow(UserPool current, UserPool pool) {
        return jdbc.withConnection("replace pool", connection -> Jdbc.update(connection,
                "UPDATE user_pools SET name = ?, last_modified_nanos = ?, advanced_security_mode = ?, tier = ?, "
                        + "version = ? WHERE id = ? AND version = ?",
                statement -> {
                    statement.setString(1, pool.name());
                    statement.setLong(2, nanos(pool.lastModifiedDate()));
                    statement.setString(3, pool.advancedSecurityMode().wireValue());
                    statement.setString(4, pool.tier().wireValue());
                    statement.setLong(5, pool.version());
                    statement.setString(6, pool.id());
                    statement.setLong(7, current.version());
                })) == 1;
    }

    /** Users, their aliases and events, and the keys go with the pool row (ON DELETE CASCADE), in this one statement. */
    @Override
    public boolean delete(String poolId) {
        try {
            return deleteRows(poolId);
        } finally {
            cache.poolChanged(poolId);
        }
    }

    private boolean deleteRows(String poolId) {
        return jdbc.inTransaction("delete pool", connection -> {
            // the cascade waits for transactions still writing the pool's events; their figures go after
            int deleted = Jdbc.update(connection, "DELETE FROM user_pools WHERE id = ?",
                    statement -> statement.setString(1, poolId));
            Jdbc.update(connection, "DELETE FROM pool_risk_counts WHERE pool_id = ?",
                    statement -> statement.setString(1, poolId));
            return deleted == 1;
        });
    }

    @Override
    public List<UserPool> listAfter(String afterPoolId, int limit) {
        return jdbc.query("list pools", "SELECT " + COLUMNS + " FROM user_pools WHERE id > ? ORDER BY id LIMIT ?",
                statement -> {
                    statement.setString(1, afterPoolId == null ? "" : afterPoolId);
                    statement.setInt(2, limit);
                }, PostgresUserPoolStore::pool);
    }

    private static void bind(Connection connection, PreparedStatement statement, UserPool pool) throws SQLException {
        statement.setString(1, pool.id());
        statement.setString(2, pool.name());
        statement.setString(3, pool.arn());
        statement.setLong(4, nanos(pool.creationDate()));
        statement.setLong(5, nanos(pool.lastModifiedDate()));
        statement.setString(6, pool.advancedSecurityMode().wireValue());
        statement.setString(7, pool.tier().wireValue());
        statement.setArray(8, textArray(connection, pool.aliasAttributes().stream().map(WireEnum::wireValue).toList()));
        statement.setArray(9, textArray(connection, pool.usernameAttributes().stream().map(WireEnum::wireValue).toList()));
        statement.setLong(10, pool.version());
    }

    private static UserPool pool(ResultSet row) throws SQLException {
        return new UserPool(row.getString("id"), row.getString("name"), row.getString("arn"),
                instant(row.getLong("creation_nanos")), instant(row.getLong("last_modified_nanos")),
                WireEnum.parseValidated(AdvancedSecurityMode.class, row.getString("advanced_security_mode")),
                WireEnum.parseValidated(UserPoolTier.class, row.getString("tier")),
                texts(row, "alias_attributes").stream().map(v -> WireEnum.parseValidated(AliasAttribute.class, v)).toList(),
                texts(row, "username_attributes").stream()
                        .map(v -> WireEnum.parseValidated(UsernameAttribute.class, v)).toList(),
                row.getLong("version"));
    }
}
