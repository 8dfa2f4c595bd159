package dev.authfeedback.adapter.postgres;

import static dev.authfeedback.adapter.postgres.Jdbc.instant;
import static dev.authfeedback.adapter.postgres.Jdbc.nanos;
import static dev.authfeedback.adapter.postgres.Jdbc.textArray;
import static dev.authfeedback.adapter.postgres.Jdbc.texts;

import dev.authfeedback.domain.model.AliasKey;
import dev.authfeedback.domain.model.User;
import dev.authfeedback.domain.model.UserStatus;
import dev.authfeedback.domain.model.WireEnum;
import dev.authfeedback.domain.port.out.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users in {@code users}, who-holds-which-alias in {@code user_aliases}. An insert is one
 * transaction: the user row and its aliases land together or not at all, and the primary keys
 * settle races between servers.
 */
final class PostgresUserStore implements UserStore {

    private static final String COLUMNS = "u.pool_id, u.sub, u.username, u.attribute_names, u.attribute_values, "
            + "u.enabled, u.status, u.create_nanos, u.last_modified_nanos, u.alias_names, u.alias_values";

    private final Jdbc jdbc;
    private final PoolCache cache;

    PostgresUserStore(Jdbc jdbc, PoolCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @Override
    public InsertOutcome insert(User user, boolean migrateAliases) {
        return jdbc.inTransaction("insert user", connection -> {
            List<String> names = new ArrayList<>(user.attributes().keySet());
            List<String> values = new ArrayList<>(user.attributes().values());
            int inserted;
            try {
                inserted = Jdbc.update(connection, "INSERT INTO users (pool_id, sub, username, attribute_names, "
                    + "attribute_values, enabled, status, create_nanos, last_modified_nanos, alias_names, alias_values) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", statement -> {
                        statement.setString(1, user.poolId());
                        statement.setString(2, user.sub());
                        statement.setString(3, user.username());
                        statement.setArray(4, textArray(connection, names));
                        statement.setArray(5, textArray(connection, values));
                        statement.setBoolean(6, user.enabled());
                        statement.setString(7, user.status().wireValue());
                        statement.setLong(8, nanos(user.createDate()));
                        statement.setLong(9, nanos(user.lastModifiedDate()));
                        statement.setArray(10, textArray(connection,
                                user.signInAliases().stream().map(AliasKey::attributeName).toList()));
                        statement.setArray(11, textArray(connection,
                                user.signInAliases().stream().map(AliasKey::value).toList()));
                    });
            } catch (SQLException failure) {
                if (Jdbc.referencedRowMissing(failure)) {
                    connection.rollback();
                    return InsertOutcome.POOL_NOT_FOUND;
                }
                throw failure;
            }
            if (inserted == 0) {
                connection.rollback();
                return InsertOutcome.USERNAME_TAKEN;
            }
            String onConflict = migrateAliases ? "ON CONFLICT (pool_id, attribute, value) DO UPDATE SET sub = EXCLUDED.sub"
                    : "ON CONFLICT DO NOTHING";
            // claim aliases in one global order, so that two inserts never wait on each other in a cycle
            List<AliasKey> aliases = new ArrayList<>(user.signInAliases());
            aliases.sort(Comparator.comparing(AliasKey::attributeName).thenComparing(AliasKey::value));
            for (AliasKey alias : aliases) {
                int claimed = Jdbc.update(connection, "INSERT INTO user_aliases (pool_id, attribute, value, sub) "
                        + "VALUES (?, ?, ?, ?) " + onConflict, statement -> {
                            statement.setString(1, user.poolId());
                            statement.setString(2, alias.attributeName());
                            statement.setString(3, alias.value());
                            statement.setString(4, user.sub());
                        });
                if (claimed == 0) {
                    connection.rollback();
                    return InsertOutcome.ALIAS_TAKEN;
                }
            }
            return InsertOutcome.INSERTED;
        });
    }

    @Override
    public Optional<User> findByUsername(String poolId, String username) {
        return cache.userByUsername(poolId, username, () -> jdbc.queryOne("find user by username", "SELECT " + COLUMNS
                + " FROM users u WHERE u.pool_id = ? AND u.username = ?", statement -> {
                    statement.setString(1, poolId);
                    statement.setString(2, username);
                }, PostgresUserStore::user));
    }

    @Override
    public Optional<User> findBySub(String poolId, String sub) {
        return jdbc.queryOne("find user by sub", "SELECT " + COLUMNS + " FROM users u WHERE u.pool_id = ? AND u.sub = ?",
                statement -> {
                    statement.setString(1, poolId);
                    statement.setString(2, sub);
                }, PostgresUserStore::user);
    }

    @Override
    public Optional<User> findByAlias(String poolId, AliasKey alias) {
        return jdbc.queryOne("find user by alias", "SELECT " + COLUMNS + " FROM user_aliases a "
                + "JOIN users u ON u.pool_id = a.pool_id AND u.sub = a.sub "
                + "WHERE a.pool_id = ? AND a.attribute = ? AND a.value = ?", statement -> {
                    statement.setString(1, poolId);
                    statement.setString(2, alias.attributeName());
                    statement.setString(3, alias.value());
                }, PostgresUserStore::user);
    }

    @Override
    public boolean delete(String poolId, String sub) {
        // the user's aliases and events go with it (ON DELETE CASCADE), in this one statement; a
        // migrated alias belongs to its new owner
        try {
            return jdbc.update("delete user", "DELETE FROM users WHERE pool_id = ? AND sub = ?", statement -> {
                statement.setString(1, poolId);
                statement.setString(2, sub);
            }) == 1;
        } finally {
            cache.usersChanged(poolId); // read our own write at once, before the notification comes
        }
    }

    private static User user(ResultSet row) throws SQLException {
        List<String> names = texts(row, "attribute_names");
        List<String> values = texts(row, "attribute_values");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            attributes.put(names.get(i), values.get(i));
        }
        List<String> aliasNames = texts(row, "alias_names");
        List<String> aliasValues = texts(row, "alias_values");
        List<AliasKey> aliases = new ArrayList<>();
        for (int i = 0; i < aliasNames.size(); i++) {
            aliases.add(new AliasKey(aliasNames.get(i), aliasValues.get(i)));
        }
        return new User(row.getString("pool_id"), row.getString("username"), row.getString("sub"), attributes,
                row.getBoolean("enabled"), WireEnum.parseValidated(UserStatus.class, row.getString("status")),
                instant(row.getLong("create_nanos")), instant(row.getLong("last_modified_nanos")), aliases);
    }
}
