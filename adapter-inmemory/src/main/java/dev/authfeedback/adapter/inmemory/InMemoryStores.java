package dev.authfeedback.adapter.inmemory;

import dev.authfeedback.domain.model.AliasKey;
import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.EventFeedback;
import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.model.User;
import dev.authfeedback.domain.model.Notification;
import dev.authfeedback.domain.model.NotificationStatus;
import dev.authfeedback.domain.model.TokenSigningKey;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.out.AuthEventStore;
import dev.authfeedback.domain.port.out.RiskConfigurationStore;
import dev.authfeedback.domain.port.out.RiskModelStore;
import dev.authfeedback.domain.port.out.StoreHealth;
import dev.authfeedback.domain.port.out.Stores;
import dev.authfeedback.domain.port.out.NotificationStore;
import dev.authfeedback.domain.port.out.TokenSigningKeyStore;
import dev.authfeedback.domain.port.out.UserPoolStore;
import dev.authfeedback.domain.port.out.UserStore;
import dev.authfeedback.domain.risk.ContextFeatures;
import dev.authfeedback.domain.risk.PoolStatistics;
import dev.authfeedback.domain.risk.RiskProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The stores in memory, over one map of pools in id order (so that listing pages without a
 * scan), each pool holding its users and their events ({@link PoolData}). They never block.
 */
public final class InMemoryStores {

    private static final Comparator<Notification> NEWEST_FIRST = Comparator.comparing(Notification::createdAt)
            .thenComparing(Notification::notificationId).reversed();

    private final ConcurrentSkipListMap<String, PoolData> pools = new ConcurrentSkipListMap<>();

    private InMemoryStores() {
    }

    /** A new, empty set of in-memory stores. */
    public static Stores create() {
        InMemoryStores storage = new InMemoryStores();
        return new Stores(storage.new Pools(), storage.new Users(), storage.new Events(),
                storage.new RiskConfigurations(), storage.new RiskModel(), storage.new SigningKeys(), storage.new Outbox(), false,
                StoreHealth.ALWAYS_USABLE);
    }

    private final class Pools implements UserPoolStore {
        @Override
        public void insert(UserPool pool, TokenSigningKey firstKey) {
            if (pools.putIfAbsent(pool.id(), new PoolData(pool, firstKey)) != null) {
                throw new IllegalStateException("pool id already taken: " + pool.id());
            }
        }

        @Override
        public Optional<UserPool> find(String poolId) {
            PoolData data = pools.get(poolId);
            return data == null ? Optional.empty() : Optional.of(data.pool());
        }

        @Override
        public boolean replace(UserPool current, UserPool updated) {
            // a pool deleted meanwhile is not in the map: an update of the instance found earlier
            // takes effect before the delete, and is dropped with it
            PoolData data = pools.get(current.id());
            return data != null && data.replace(current, updated);
        }

        @Override
        public boolean delete(String poolId) {
            return pools.remove(poolId) != null;
        }

        @Override
        public List<UserPool> listAfter(String afterPoolId, int limit) {
            ConcurrentNavigableMap<String, PoolData> tail = afterPoolId == null ? pools
                    : pools.tailMap(afterPoolId, false);
            List<UserPool> page = new ArrayList<>(Math.min(limit, 64));
            for (PoolData data : tail.values()) {
                if (page.size() == limit) {
                    break;
                }
                page.add(data.pool());
            }
            return page;
        }
    }

    /**
     * Each pool's outbox lives with the pool (and goes with it); the pending ones are also queued
     * here by the time of their next attempt, so that claiming the due ones reads only those. A
     * notification is queued without a lock (the request path); claims and updates, off that path,
     * take one lock among themselves.
     */
    private final class Outbox implements NotificationStore {
        /** A pending notification's place in the queue. */
        private record Due(Instant at, String notificationId, String poolId) {
        }

        private final ConcurrentSkipListSet<Due> pending = new ConcurrentSkipListSet<>(
                Comparator.comparing(Due::at).thenComparing(Due::notificationId));

        @Override
        public boolean insert(Notification notification) {
            PoolData data = pools.get(notification.poolId());
            if (data == null) {
                return false;
            }
            data.notifications().put(notification.notificationId(), notification);
            if (notification.status() == NotificationStatus.PENDING) {
                pending.add(new Due(notification.nextAttemptAt(), notification.notificationId(), notification.poolId()));
            }
            return true;
        }

        @Override
        public Optional<Notification> find(String poolId, String notificationId) {
            PoolData data = pools.get(poolId);
            return data == null ? Optional.empty() : Optional.ofNullable(data.notifications().get(notificationId));
        }

        @Override
        public List<Notification> listNewestFirst(String poolId, String afterNotificationId, int limit) {
            PoolData data = pools.get(poolId);
            if (data == null) {
                return List.of();
            }
            List<Notification> all = new ArrayList<>(data.notifications().values());
            all.sort(NEWEST_FIRST);
            int start = 0;
            if (afterNotificationId != null) {
                Notification after = data.notifications().get(afterNotificationId);
                while (after != null && start < all.size() && NEWEST_FIRST.compare(all.get(start), after) <= 0) {
                    start++;
                }
            }
            return List.copyOf(all.subList(start, Math.min(all.size(), start + limit)));
        }

        @Override
        public synchronized List<Notification> claimDue(Instant now, Instant claimUntil, int limit) {
            List<Notification> claimed = new ArrayList<>();
            while (claimed.size() < limit) {
                Due first = pending.isEmpty() ? null : pending.first();
                if (first == null || first.at().isAfter(now)) {
                    break;
                }
                pending.remove(first);
                PoolData data = pools.get(first.poolId());
                Notification notification = data == null ? null : data.notifications().get(first.notificationId());
                if (notification == null || notification.status() != NotificationStatus.PENDING) {
                    continue; // its pool went, or it was settled
                }
                Notification held = notification.claimedUntil(claimUntil);
                data.notifications().put(held.notificationId(), held);
                pending.add(new Due(claimUntil, held.notificationId(), held.poolId()));
                claimed.add(held);
            }
            return claimed;
        }

        @Override
        public synchronized void update(Notification notification) {
            PoolData data = pools.get(notification.poolId());
            Notification before = data == null ? null : data.notifications().get(notification.notificationId());
            if (before == null) {
                return;
            }
            if (before.status() == NotificationStatus.PENDING) {
                pending.remove(new Due(before.nextAttemptAt(), before.notificationId(), before.poolId()));
            }
            data.notifications().put(notification.notificationId(), notification);
            if (notification.status() == NotificationStatus.PENDING) {
                pending.add(new Due(notification.nextAttemptAt(), notification.notificationId(), notification.poolId()));
            }
        }
    }

    /** Keys stay in this process's memory, like everything else here: nothing to protect at rest. */
    private final class SigningKeys implements TokenSigningKeyStore {
        @Override
        public List<TokenSigningKey> keys(String poolId) {
            PoolData data = pools.get(poolId);
            return data == null ? List.of() : data.signingKeys();
        }

        @Override
        public boolean rotate(String poolId, TokenSigningKey newKey, Instant retiresAt, Instant now) {
            PoolData data = pools.get(poolId);
            if (data == null) {
                return false;
            }
            data.rotateSigningKeys(newKey, retiresAt, now);
            return true;
        }
    }

    private final class Users implements UserStore {
        @Override
        public InsertOutcome insert(User user, boolean migrateAliases) {
            PoolData data = pools.get(user.poolId());
            return data == null ? InsertOutcome.POOL_NOT_FOUND : data.insertUser(user, migrateAliases);
        }

        @Override
        public Optional<User> findByUsername(String poolId, String username) {
            PoolData data = pools.get(poolId);
            return data == null ? Optional.empty() : data.byUsername(username);
        }

        @Override
        public Optional<User> findBySub(String poolId, String sub) {
            PoolData data = pools.get(poolId);
            return data == null ? Optional.empty() : data.bySub(sub);
        }

        @Override
        public Optional<User> findByAlias(String poolId, AliasKey alias) {
            PoolData data = pools.get(poolId);
            return data == null ? Optional.empty() : data.byAlias(alias);
        }

        @Override
        public boolean delete(String poolId, String sub) {
            PoolData data = pools.get(poolId);
            return data != null && data.deleteUser(sub);
        }
    }

    private final class Events implements AuthEventStore {
        @Override
        public boolean insert(AuthEvent event) {
            UserEvents events = eventsOf(event.poolId(), event.userSub());
            if (events == null) {
                return false;
            }
            events.insert(event);
            return true;
        }

        @Override
        public Optional<AuthEvent> find(String poolId, String userSub, String eventId) {
            UserEvents events = eventsOf(poolId, userSub);
            return events == null ? Optional.empty() : events.find(eventId);
        }

        @Override
        public Optional<AuthEvent> recordFeedback(String poolId, String userSub, String eventId,
                                                  EventFeedback feedback) {
            UserEvents events = eventsOf(poolId, userSub);
            return events == null ? Optional.empty() : events.recordFeedback(eventId, feedback);
        }

        @Override
        public List<AuthEvent> listNewestFirst(String poolId, String userSub, String afterEventId, int limit) {
            UserEvents events = eventsOf(poolId, userSub);
            return events == null ? List.of() : events.newestFirst(afterEventId, limit);
        }

        private UserEvents eventsOf(String poolId, String userSub) {
            PoolData data = pools.get(poolId);
            return data == null ? null : data.eventsOf(userSub);
        }
    }

    private final class RiskConfigurations implements RiskConfigurationStore {
        @Override
        public Optional<RiskConfiguration> find(String poolId, String clientId) {
            PoolData data = pools.get(poolId);
            return data == null ? Optional.empty() : data.riskConfiguration(clientId);
        }

        @Override
        public boolean put(RiskConfiguration configuration) {
            PoolData data = pools.get(configuration.userPoolId());
            if (data == null) {
                return false;
            }
            data.putRiskConfiguration(configuration);
            return true;
        }

        @Override
        public void remove(String poolId, String clientId) {
            PoolData data = pools.get(poolId);
            if (data != null) {
                data.removeRiskConfiguration(clientId);
            }
        }
    }

    private final class RiskModel implements RiskModelStore {
        @Override
        public RiskProfile profile(String poolId, String userSub) {
            PoolData data = pools.get(poolId);
            UserEvents events = data == null ? null : data.eventsOf(userSub);
            return events == null ? RiskProfile.EMPTY : events.profile();
        }

        @Override
        public PoolStatistics statistics(String poolId, ContextFeatures context) {
            PoolData data = pools.get(poolId);
            return data == null ? PoolStatistics.EMPTY : data.riskStatistics().statistics(context);
        }
    }
}
