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
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Pools in {@code user_pools}, one row each, the token signing keys with them. */
final class PostgresUserPoolStore implements UserPoolStore {

    private static final String COLUMNS = "id, name, arn, creation_nanos, last_modified_nanos, advanced_security_mode, "
            + "tier, alias_attributes, username_attributes, token_signing_keys, version";

    private final Jdbc jdbc;

    PostgresUserPoolStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(UserPool pool) {
        int inserted = jdbc.withConnection("insert pool", connection -> Jdbc.update(connection,
                "INSERT INTO user_pools (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                statement -> bind(connection, statement, pool)));
        if (inserted == 0) {
            throw new IllegalStateException("pool id already taken: " + pool.id());
        }
    }

    @Override
    public Optional<UserPool> find(String poolId) {
        return jdbc.queryOne("find pool", "SELECT " + COLUMNS + " FROM user_pools WHERE id = ?",
                statement -> statement.setString(1, poolId), PostgresUserPoolStore::pool);
    }

    @Override
    public boolean replace(UserPool current, UserPool pool) {
        return jdbc.withConnection("replace pool", connection -> Jdbc.update(connection,
                "UPDATE user_pools SET name = ?, last_modified_nanos = ?, advanced_security_mode = ?, tier = ?, "
                        + "token_signing_keys = ?, version = ? WHERE id = ? AND version = ?",
                statement -> {
                    statement.setString(1, pool.name());
                    statement.setLong(2, nanos(pool.lastModifiedDate()));
                    statement.setString(3, pool.advancedSecurityMode().wireValue());
                    statement.setString(4, pool.tier().wireValue());
                    statement.setArray(5, textArray(connection, keys(pool)));
                    statement.setLong(6, pool.version());
                    statement.setString(7, pool.id());
                    statement.setLong(8, current.version());
                })) == 1;
    }

    /** Users, their aliases and events go with the pool row (ON DELETE CASCADE), in this one statement. */
    @Override
    public boolean delete(String poolId) {
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
        statement.setArray(10, textArray(connection, keys(pool)));
        statement.setLong(11, pool.version());
    }

    private static List<String> keys(UserPool pool) {
        return pool.tokenSigningKeys().stream()
                .map(key -> key.keyId() + ':' + Base64.getEncoder().encodeToString(key.secret())).toList();
    }

    private static UserPool pool(ResultSet row) throws SQLException {
        return new UserPool(row.getString("id"), row.getString("name"), row.getString("arn"),
                instant(row.getLong("creation_nanos")), instant(row.getLong("last_modified_nanos")),
                WireEnum.parseValidated(AdvancedSecurityMode.class, row.getString("advanced_security_mode")),
                WireEnum.parseValidated(UserPoolTier.class, row.getString("tier")),
                texts(row, "alias_attributes").stream().map(v -> WireEnum.parseValidated(AliasAttribute.class, v)).toList(),
                texts(row, "username_attributes").stream()
                        .map(v -> WireEnum.parseValidated(UsernameAttribute.class, v)).toList(),
                texts(row, "token_signing_keys").stream().map(key -> {
                    int colon = key.indexOf(':');
                    return new TokenSigningKey(key.substring(0, colon),
                            Base64.getDecoder().decode(key.substring(colon + 1)));
                }).toList(),
                row.getLong("version"));
    }
}
