package dev.authfeedback.adapter.inmemory;

import dev.authfeedback.domain.model.AliasKey;
import dev.authfeedback.domain.model.User;
import dev.authfeedback.domain.port.out.UserStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users per pool, with three indexes (username, sub, alias). Each pool's indexes change together
 * under the pool's lock, so a concurrent insert can never leave a username or alias on two users.
 */
public final class InMemoryUserStore implements UserStore {

    private final ConcurrentHashMap<String, PoolUsers> pools = new ConcurrentHashMap<>();

    @Override
    public InsertOutcome insert(User user, boolean migrateAliases) {
        return pools.computeIfAbsent(user.poolId(), id -> new PoolUsers()).insert(user, migrateAliases);
    }

    @Override
    public Optional<User> findByUsername(String poolId, String username) {
        PoolUsers users = pools.get(poolId);
        return users == null ? Optional.empty() : users.byUsername(username);
    }

    @Override
    public Optional<User> findBySub(String poolId, String sub) {
        PoolUsers users = pools.get(poolId);
        return users == null ? Optional.empty() : users.bySub(sub);
    }

    @Override
    public Optional<User> findByAlias(String poolId, AliasKey alias) {
        PoolUsers users = pools.get(poolId);
        return users == null ? Optional.empty() : users.byAlias(alias);
    }

    @Override
    public boolean delete(String poolId, String sub) {
        PoolUsers users = pools.get(poolId);
        return users != null && users.delete(sub);
    }

    @Override
    public void deleteAllInPool(String poolId) {
        pools.remove(poolId);
    }

    private static final class PoolUsers {
        private final Map<String, User> byUsername = new HashMap<>();
        private final Map<String, User> bySub = new HashMap<>();
        /** Alias to the sub of the user it finds. */
        private final Map<AliasKey, String> aliasOwners = new HashMap<>();

        synchronized InsertOutcome insert(User user, boolean migrateAliases) {
            if (byUsername.containsKey(user.username()) || bySub.containsKey(user.sub())) {
                return InsertOutcome.USERNAME_TAKEN;
            }
            if (!migrateAliases) {
                for (AliasKey alias : user.signInAliases()) {
                    if (aliasOwners.containsKey(alias)) {
                        return InsertOutcome.ALIAS_TAKEN;
                    }
                }
            }
            byUsername.put(user.username(), user);
            bySub.put(user.sub(), user);
            for (AliasKey alias : user.signInAliases()) {
                aliasOwners.put(alias, user.sub());
            }
            return InsertOutcome.INSERTED;
        }

        synchronized Optional<User> byUsername(String username) {
            return Optional.ofNullable(byUsername.get(username));
        }

        synchronized Optional<User> bySub(String sub) {
            return Optional.ofNullable(bySub.get(sub));
        }

        synchronized Optional<User> byAlias(AliasKey alias) {
            String sub = aliasOwners.get(alias);
            return sub == null ? Optional.empty() : Optional.ofNullable(bySub.get(sub));
        }

        synchronized boolean delete(String sub) {
            User user = bySub.remove(sub);
            if (user == null) {
                return false;
            }
            byUsername.remove(user.username());
            // a migrated alias belongs to another user now: remove only what is still this user's
            for (AliasKey alias : user.signInAliases()) {
                aliasOwners.remove(alias, sub);
            }
            return true;
        }
    }
}
