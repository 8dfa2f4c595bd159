package dev.authfeedback.domain.port.out;

import dev.authfeedback.domain.model.AliasKey;
import dev.authfeedback.domain.model.User;
import java.util.Optional;

/**
 * Where users live, indexed by username, sub and active sign-in alias, each unique within a pool.
 * Implementations are thread-safe and keep those indexes consistent under concurrent inserts.
 */
public interface UserStore {

    enum InsertOutcome { INSERTED, USERNAME_TAKEN, ALIAS_TAKEN }

    /**
     * Stores a new user atomically with its aliases. An alias already held by another user makes
     * the insert fail with ALIAS_TAKEN, unless {@code migrateAliases}: then the alias moves to the
     * new user and no longer finds the old one. A taken username always fails.
     */
    InsertOutcome insert(User user, boolean migrateAliases);

    Optional<User> findByUsername(String poolId, String username);

    Optional<User> findBySub(String poolId, String sub);

    Optional<User> findByAlias(String poolId, AliasKey alias);

    /** Deletes the user with this sub and its aliases; false if there was none. */
    boolean delete(String poolId, String sub);

    void deleteAllInPool(String poolId);
}
