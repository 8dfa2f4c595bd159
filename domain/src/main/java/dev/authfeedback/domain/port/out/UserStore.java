package dev.authfeedback.domain.port.out;

import dev.authfeedback.domain.model.AliasKey;
import dev.authfeedback.domain.model.User;
import java.util.Optional;

/**
 * Where users live, indexed by username, sub and active sign-in alias, each unique within a pool.
 * Implementations are thread-safe and keep those indexes consistent under concurrent inserts.
 */
public interface UserStore {

    /** What inserting a user came to. */
    enum InsertOutcome { INSERTED, USERNAME_TAKEN, ALIAS_TAKEN, POOL_NOT_FOUND }

    /**
     * Stores a new user atomically with its aliases. An alias already held by another user makes
     * the insert fail with ALIAS_TAKEN, unless {@code migrateAliases}: then the alias moves to the
     * new user and no longer finds the old one. A taken username always fails. POOL_NOT_FOUND: the
     * pool does not exist (deleted meanwhile), and nothing is stored.
     */
    InsertOutcome insert(User user, boolean migrateAliases);

    /** The user with this username in the pool, if any. */
    Optional<User> findByUsername(String poolId, String username);

    /** The user with this sub in the pool, if any. */
    Optional<User> findBySub(String poolId, String sub);

    /** The user holding this verified alias in the pool, if any. */
    Optional<User> findByAlias(String poolId, AliasKey alias);

    /**
     * Deletes the user with this sub, its aliases and its events as one atomic step; false if there
     * was none. Nothing a concurrent call does brings the user or its events back.
     */
    boolean delete(String poolId, String sub);
}
