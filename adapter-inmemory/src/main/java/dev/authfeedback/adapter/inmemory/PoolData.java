package dev.authfeedback.adapter.inmemory;

import dev.authfeedback.domain.model.AliasKey;
import dev.authfeedback.domain.model.Notification;
import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.model.TokenSigningKey;
import dev.authfeedback.domain.model.User;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.out.UserStore.InsertOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One pool with everything it owns: its users (indexed by username, sub and alias), each user's
 * events and risk profile, the pool's risk figures, and its risk configurations (its own and its app clients'). Deleting is making unreachable: the pool goes with everything it holds when the store's
 * map drops it, a user with its events when the indexes drop it, each in one atomic step. A call
 * that found the pool or user just before takes effect before the delete, and what it leaves
 * behind is unreachable too, so nothing comes back. Changes to the users happen under this object's
 * lock; lookups read the concurrent indexes without locking.
 */
final class PoolData {

    /** A user and the events it owns. */
    record UserRecord(User user, UserEvents events) {
    }

    private volatile UserPool pool;
    /** The pool's token signing keys, current last; replaced whole, under this object's lock. */
    private volatile List<TokenSigningKey> signingKeys;
    private final ConcurrentHashMap<String, UserRecord> byUsername = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, UserRecord> bySub = new ConcurrentHashMap<>();
    /** Alias to the sub of the user it finds. */
    private final ConcurrentHashMap<AliasKey, String> aliasOwners = new ConcurrentHashMap<>();
    /** By client id; the pool's own under the empty string, which no client id can be. */
    private final ConcurrentHashMap<String, RiskConfiguration> riskConfigurations = new ConcurrentHashMap<>();
    private final PoolRiskStatistics riskStatistics = new PoolRiskStatistics();

    /** The pool's outbox by notification id. */
    private final ConcurrentHashMap<String, Notification> notifications = new ConcurrentHashMap<>();

    PoolData(UserPool pool, TokenSigningKey firstKey) {
        this.pool = pool;
        this.signingKeys = List.of(firstKey);
    }

    ConcurrentHashMap<String, Notification> notifications() {
        return notifications;
    }

    List<TokenSigningKey> signingKeys() {
        return signingKeys;
    }

    synchronized void rotateSigningKeys(TokenSigningKey newKey, Instant retiresAt, Instant now) {
        List<TokenSigningKey> kept = new ArrayList<>();
        for (TokenSigningKey key : signingKeys) {
            if (key.retiresAt() == null) {
                kept.add(key.retiringAt(retiresAt));
            } else if (key.retiresAt().isAfter(now)) {
                kept.add(key);
            }
        }
        kept.add(newKey);
        signingKeys = List.copyOf(kept);
    }

    UserPool pool() {
        return pool;
    }

    synchronized boolean replace(UserPool current, UserPool updated) {
        if (pool.version() != current.version()) {
            return false;
        }
        pool = updated;
        return true;
    }

    synchronized InsertOutcome insertUser(User user, boolean migrateAliases) {
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
        UserRecord record = new UserRecord(user, new UserEvents(riskStatistics));
        byUsername.put(user.username(), record);
        bySub.put(user.sub(), record);
        for (AliasKey alias : user.signInAliases()) {
            aliasOwners.put(alias, user.sub());
        }
        return InsertOutcome.INSERTED;
    }

    /** Deletes the user, its aliases and its events; false if there was none. */
    synchronized boolean deleteUser(String sub) {
        UserRecord record = bySub.remove(sub);
        if (record == null) {
            return false;
        }
        byUsername.remove(record.user().username());
        // a migrated alias belongs to another user now: remove only what is still this user's
        for (AliasKey alias : record.user().signInAliases()) {
            aliasOwners.remove(alias, sub);
        }
        return true;
    }

    Optional<User> byUsername(String username) {
        UserRecord record = byUsername.get(username);
        return record == null ? Optional.empty() : Optional.of(record.user());
    }

    Optional<User> bySub(String sub) {
        UserRecord record = bySub.get(sub);
        return record == null ? Optional.empty() : Optional.of(record.user());
    }

    Optional<User> byAlias(AliasKey alias) {
        String sub = aliasOwners.get(alias);
        return sub == null ? Optional.empty() : bySub(sub);
    }

    Optional<RiskConfiguration> riskConfiguration(String clientId) {
        return Optional.ofNullable(riskConfigurations.get(clientId == null ? "" : clientId));
    }

    void putRiskConfiguration(RiskConfiguration configuration) {
        riskConfigurations.put(configuration.clientId() == null ? "" : configuration.clientId(), configuration);
    }

    void removeRiskConfiguration(String clientId) {
        riskConfigurations.remove(clientId == null ? "" : clientId);
    }

    PoolRiskStatistics riskStatistics() {
        return riskStatistics;
    }

    /** The events of the user with this sub, or null if there is no such user. */
    UserEvents eventsOf(String sub) {
        UserRecord record = bySub.get(sub);
        return record == null ? null : record.events();
    }
}
