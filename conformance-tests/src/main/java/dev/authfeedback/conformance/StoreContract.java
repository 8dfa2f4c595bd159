package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.authfeedback.domain.model.AccountTakeoverEventAction;
import dev.authfeedback.domain.model.AdvancedSecurityMode;
import dev.authfeedback.domain.model.AliasAttribute;
import dev.authfeedback.domain.model.AliasKey;
import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.ChallengeName;
import dev.authfeedback.domain.model.ChallengeResponse;
import dev.authfeedback.domain.model.ChallengeResult;
import dev.authfeedback.domain.model.CompromisedCredentialsEventAction;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.EventFeedback;
import dev.authfeedback.domain.model.EventFilter;
import dev.authfeedback.domain.model.EventResponse;
import dev.authfeedback.domain.model.EventRisk;
import dev.authfeedback.domain.model.EventType;
import dev.authfeedback.domain.model.FeedbackProvider;
import dev.authfeedback.domain.model.FeedbackValue;
import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.model.RiskDecision;
import dev.authfeedback.domain.model.RiskLevel;
import dev.authfeedback.domain.model.RiskReason;
import dev.authfeedback.domain.model.Notification;
import dev.authfeedback.domain.model.NotificationStatus;
import dev.authfeedback.domain.model.TokenSigningKey;
import dev.authfeedback.domain.model.User;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.model.UserPoolTier;
import dev.authfeedback.domain.model.UserStatus;
import dev.authfeedback.domain.model.UsernameAttribute;
import dev.authfeedback.domain.port.out.AuthEventStore;
import dev.authfeedback.domain.port.out.RiskConfigurationStore;
import dev.authfeedback.domain.port.out.RiskModelStore;
import dev.authfeedback.domain.port.out.Stores;
import dev.authfeedback.domain.port.out.NotificationStore;
import dev.authfeedback.domain.port.out.TokenSigningKeyStore;
import dev.authfeedback.domain.port.out.UserPoolStore;
import dev.authfeedback.domain.port.out.UserStore.InsertOutcome;
import dev.authfeedback.domain.port.out.UserStore;
import dev.authfeedback.domain.risk.ContextFeatures;
import dev.authfeedback.domain.risk.PoolStatistics;
import dev.authfeedback.domain.risk.RiskFeature;
import dev.authfeedback.domain.risk.RiskLesson;
import dev.authfeedback.domain.risk.RiskProfile;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the store ports, run against every storage adapter: subclasses provide empty
 * stores ({@link #newStores}) and this suite proves they behave alike, concurrency included.
 */
public abstract class StoreContract {

    protected static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final int WRITERS = 16;

    protected UserPoolStore pools;
    protected RiskConfigurationStore riskConfigurations;
    protected UserStore users;
    protected AuthEventStore events;
    private ExecutorService executor;

    /** A new, empty set of the adapter's stores. */
    protected abstract Stores newStores();

    /** Whether this adapter's calls wait on I/O. */
    protected abstract boolean blocks();

    protected Stores stores;

    @BeforeEach
    void openStores() {
        stores = newStores();
        pools = stores.userPools();
        riskConfigurations = stores.riskConfigurations();
        users = stores.users();
        events = stores.authEvents();
        executor = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterEach
    void stopWriters() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    // ---- fixtures -------------------------------------------------------------------------------

    protected static UserPool pool(String id) {
        return new UserPool(id, "pool " + id, "arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + id,
                T0, T0, AdvancedSecurityMode.ENFORCED, UserPoolTier.PLUS, List.of(), List.of(), 0);
    }

    /** A current key, made at {@code created}, whose secret is {@code fill} repeated. */
    protected static TokenSigningKey key(String keyId, int fill, Instant created) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return new TokenSigningKey(keyId, secret, created, null);
    }

    private static TokenSigningKey firstKey() {
        return key("key1", 7, T0);
    }

    protected static User user(String poolId, String username, AliasKey... aliases) {
        String sub = UUID.randomUUID().toString();
        return new User(poolId, username, sub, Map.of("sub", sub), true, UserStatus.CONFIRMED, T0, T0,
                List.of(aliases));
    }

    protected static AuthEvent event(String poolId, String userSub, String eventId) {
        return new AuthEvent(poolId, userSub, eventId, EventType.SIGN_IN, T0, null, null, List.of(), null, null,
                List.of());
    }

    protected static EventFeedback feedback(FeedbackValue value, int second) {
        return new EventFeedback(value, FeedbackProvider.ADMIN, T0.plusSeconds(second));
    }

    /** The pool of this id, stored now unless it already is: users and events need their owner. */
    private void poolExists(String poolId) {
        if (pools.find(poolId).isEmpty()) {
            pools.insert(pool(poolId), firstKey());
        }
    }

    /** A new user stored in its pool (stored too if needed); answers the user's sub. */
    private String storedUser(String poolId, String username, AliasKey... aliases) {
        poolExists(poolId);
        User user = user(poolId, username, aliases);
        assertThat(users.insert(user, false)).isEqualTo(InsertOutcome.INSERTED);
        return user.sub();
    }

    private <T> List<T> concurrently(int count, IntFunction<Callable<T>> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Callable<T> work = task.apply(i);
            futures.add(executor.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    // ---- threading ------------------------------------------------------------------------------

    @Test
    void theStoresSayWhetherTheyBlockAndTheUseCasesSayTheSame() {
        assertThat(stores.blocking()).isEqualTo(blocks());
        assertThat(AuthEventFeedbackService.builder().stores(stores).build().blocking()).isEqualTo(blocks());
    }

    // ---- pools ----------------------------------------------------------------------------------

    @Test
    void poolIsFoundReplacedAndDeleted() {
        UserPool pool = pool("us-east-1_aaaaaaaaa");
        pools.insert(pool, firstKey());
        assertThat(pools.find(pool.id())).contains(pool);
        UserPool renamed = pool.withSettings("renamed", AdvancedSecurityMode.AUDIT, UserPoolTier.PLUS, T0.plusSeconds(5));
        assertThat(pools.replace(pool, renamed)).isTrue();
        assertThat(pools.find(pool.id())).contains(renamed);
        assertThat(pools.find(pool.id()).orElseThrow().version()).isEqualTo(pool.version() + 1);
        assertThat(pools.delete(pool.id())).isTrue();
        assertThat(pools.find(pool.id())).isEmpty();
        assertThat(pools.delete(pool.id())).isFalse();
        assertThat(pools.replace(renamed, renamed.withSettings("again", AdvancedSecurityMode.OFF, UserPoolTier.PLUS,
                T0.plusSeconds(6)))).isFalse();
    }

    @Test
    void aReplaceBasedOnAStaleVersionIsRefused() {
        UserPool pool = pool("us-east-1_stale0000");
        pools.insert(pool, firstKey());
        UserPool first = pool.withSettings("first", AdvancedSecurityMode.AUDIT, UserPoolTier.PLUS, T0.plusSeconds(1));
        UserPool second = pool.withSettings("second", AdvancedSecurityMode.OFF, UserPoolTier.PLUS, T0.plusSeconds(2));
        assertThat(pools.replace(pool, first)).isTrue();
        assertThat(pools.replace(pool, second)).isFalse();
        assertThat(pools.find(pool.id())).contains(first);
    }

    @Test
    void concurrentReplacesOfOneVersionLetExactlyOneWin() throws Exception {
        UserPool pool = pool("us-east-1_race00000");
        pools.insert(pool, firstKey());
        List<Boolean> replaced = concurrently(WRITERS, i -> () -> pools.replace(pool,
                pool.withSettings("name " + i, AdvancedSecurityMode.AUDIT, UserPoolTier.PLUS, T0.plusSeconds(i))));
        assertThat(replaced).filteredOn(Boolean::booleanValue).hasSize(1);
        int winner = replaced.indexOf(true);
        assertThat(pools.find(pool.id()).orElseThrow().name()).isEqualTo("name " + winner);
    }

    @Test
    void poolKeepsItsAliasAndUsernameAttributes() {
        UserPool base = pool("us-east-1_attrs0000");
        UserPool withAliases = new UserPool("us-east-1_alias0000", base.name(), base.arn(), T0, T0,
                AdvancedSecurityMode.AUDIT, UserPoolTier.PLUS,
                List.of(AliasAttribute.EMAIL, AliasAttribute.PHONE_NUMBER, AliasAttribute.PREFERRED_USERNAME),
                List.of(), 3);
        UserPool byUsername = new UserPool("us-east-1_usern0000", base.name(), base.arn(), T0, T0,
                AdvancedSecurityMode.OFF, UserPoolTier.ESSENTIALS, List.of(),
                List.of(UsernameAttribute.PHONE_NUMBER, UsernameAttribute.EMAIL), 0);
        pools.insert(withAliases, firstKey());
        pools.insert(byUsername, firstKey());
        assertThat(pools.find(withAliases.id())).contains(withAliases);
        assertThat(pools.find(byUsername.id())).contains(byUsername);
    }

    // ---- the outbox -----------------------------------------------------------------------------

    private static Notification notification(String poolId, String id, int createdSecond, NotificationStatus status) {
        Instant created = T0.plusSeconds(createdSecond);
        return new Notification(id, poolId, "sub-1", "event-" + id, "jane@example.com", "security@example.com", null,
                "Subject " + id, "<p>" + id + "</p>", id, status, 0, created,
                status == NotificationStatus.PENDING ? created : null, null);
    }

    @Test
    void theOutboxListsAPoolsNotificationsNewestFirstAndGoesWithThePool() {
        poolExists("us-east-1_outbox000");
        NotificationStore outbox = stores.notifications();
        for (int i = 0; i < 5; i++) {
            assertThat(outbox.insert(notification("us-east-1_outbox000", "n" + i, i, NotificationStatus.OUTBOX_ONLY)))
                    .isTrue();
        }
        // same second: the id breaks the tie
        assertThat(outbox.insert(notification("us-east-1_outbox000", "n9", 4, NotificationStatus.NOT_SENDABLE))).isTrue();
        assertThat(outbox.insert(notification("us-east-1_nopool000", "x", 0, NotificationStatus.PENDING))).isFalse();
        assertThat(outbox.listNewestFirst("us-east-1_outbox000", null, 3)).extracting(Notification::notificationId)
                .containsExactly("n9", "n4", "n3");
        assertThat(outbox.listNewestFirst("us-east-1_outbox000", "n3", 10)).extracting(Notification::notificationId)
                .containsExactly("n2", "n1", "n0");
        assertThat(outbox.find("us-east-1_outbox000", "n2")).contains(
                notification("us-east-1_outbox000", "n2", 2, NotificationStatus.OUTBOX_ONLY));
        assertThat(outbox.find("us-east-1_outbox000", "missing")).isEmpty();
        assertThat(pools.delete("us-east-1_outbox000")).isTrue();
        assertThat(outbox.listNewestFirst("us-east-1_outbox000", null, 10)).isEmpty();
        assertThat(outbox.find("us-east-1_outbox000", "n2")).isEmpty();
    }

    @Test
    void claimingTakesDuePendingNotificationsOnceUntilTheClaimEnds() {
        poolExists("us-east-1_claims000");
        NotificationStore outbox = stores.notifications();
        outbox.insert(notification("us-east-1_claims000", "late", 30, NotificationStatus.PENDING));
        outbox.insert(notification("us-east-1_claims000", "first", 1, NotificationStatus.PENDING));
        outbox.insert(notification("us-east-1_claims000", "second", 2, NotificationStatus.PENDING));
        outbox.insert(notification("us-east-1_claims000", "kept", 0, NotificationStatus.OUTBOX_ONLY));
        Instant now = T0.plusSeconds(10);
        Instant claimUntil = now.plusSeconds(120);
        List<Notification> claimed = outbox.claimDue(now, claimUntil, 10);
        assertThat(claimed).extracting(Notification::notificationId).containsExactlyInAnyOrder("first", "second");
        assertThat(claimed).allMatch(n -> n.nextAttemptAt().equals(claimUntil));
        assertThat(outbox.claimDue(now, claimUntil, 10)).as("claimed already").isEmpty();

        claimed = claimed.stream().sorted(java.util.Comparator.comparing(Notification::notificationId)).toList();
        outbox.update(claimed.get(0).attempted(NotificationStatus.SENT, null, null));
        outbox.update(claimed.get(1).attempted(NotificationStatus.PENDING, now.plusSeconds(4), "421 try later"));
        assertThat(outbox.find("us-east-1_claims000", "first").orElseThrow())
                .extracting(Notification::status, Notification::attempts, Notification::nextAttemptAt)
                .containsExactly(NotificationStatus.SENT, 1, null);
        List<Notification> retried = outbox.claimDue(now.plusSeconds(5), now.plusSeconds(125), 10);
        assertThat(retried).extracting(Notification::notificationId, Notification::attempts, Notification::lastError)
                .containsExactly(tuple("second", 1, "421 try later"));
        assertThat(outbox.claimDue(now.plusSeconds(200), now.plusSeconds(320), 2))
                .as("an unsettled claim ends").extracting(Notification::notificationId)
                .containsExactlyInAnyOrder("late", "second");
        outbox.insert(notification("us-east-1_claims000", "newer", 400, NotificationStatus.PENDING));
        outbox.insert(notification("us-east-1_claims000", "older", 300, NotificationStatus.PENDING));
        assertThat(outbox.claimDue(now.plusSeconds(500), now.plusSeconds(620), 1))
                .as("the one due first is taken first").extracting(Notification::notificationId)
                .containsExactly("older");
    }

    @Test
    void concurrentSendersNeverClaimTheSameNotification() throws Exception {
        poolExists("us-east-1_senders00");
        NotificationStore outbox = stores.notifications();
        for (int i = 0; i < 40; i++) {
            outbox.insert(notification("us-east-1_senders00", "n" + i, 0, NotificationStatus.PENDING));
        }
        List<List<Notification>> claims = concurrently(WRITERS, i -> () ->
                outbox.claimDue(T0.plusSeconds(1), T0.plusSeconds(121), 3));
        List<String> ids = claims.stream().flatMap(List::stream).map(Notification::notificationId).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(Math.min(40, 3 * WRITERS));
    }

    // ---- token signing keys ---------------------------------------------------------------------

    @Test
    void aPoolsFirstKeyIsStoredWithItAndGoesWithIt() {
        UserPool pool = pool("us-east-1_keys00000");
        pools.insert(pool, firstKey());
        assertThat(stores.tokenSigningKeys().keys(pool.id())).containsExactly(firstKey());
        assertThat(stores.tokenSigningKeys().keys("us-east-1_nokeys000")).isEmpty();
        assertThat(pools.delete(pool.id())).isTrue();
        assertThat(stores.tokenSigningKeys().keys(pool.id())).isEmpty();
    }

    @Test
    void rotationRetiresTheCurrentKeyAndDropsKeysRetiredBefore() {
        UserPool pool = pool("us-east-1_rotate000");
        pools.insert(pool, firstKey());
        TokenSigningKeyStore keys = stores.tokenSigningKeys();
        TokenSigningKey second = key("key2", 8, T0.plusSeconds(1));
        Instant firstRetires = T0.plus(Duration.ofDays(7));
        assertThat(keys.rotate(pool.id(), second, firstRetires, T0.plusSeconds(1))).isTrue();
        assertThat(keys.keys(pool.id())).containsExactly(firstKey().retiringAt(firstRetires), second);

        TokenSigningKey third = key("key3", 9, T0.plusSeconds(2));
        Instant secondRetires = T0.plus(Duration.ofDays(8));
        assertThat(keys.rotate(pool.id(), third, secondRetires, T0.plusSeconds(2))).isTrue();
        assertThat(keys.keys(pool.id())).as("a retiring key keeps its date")
                .containsExactly(firstKey().retiringAt(firstRetires), second.retiringAt(secondRetires), third);

        TokenSigningKey fourth = key("key4", 10, firstRetires);
        assertThat(keys.rotate(pool.id(), fourth, T0.plus(Duration.ofDays(14)), firstRetires)).isTrue();
        assertThat(keys.keys(pool.id())).as("the first key retired when the fourth came")
                .containsExactly(second.retiringAt(secondRetires), third.retiringAt(T0.plus(Duration.ofDays(14))),
                        fourth);
        assertThat(keys.rotate("us-east-1_nokeys000", key("key5", 11, T0), T0, T0)).isFalse();
    }

    @Test
    void concurrentRotationsLeaveOneCurrentKey() throws Exception {
        UserPool pool = pool("us-east-1_rotrace00");
        pools.insert(pool, firstKey());
        Instant retires = T0.plus(Duration.ofDays(7));
        concurrently(WRITERS, i -> () -> stores.tokenSigningKeys().rotate(pool.id(),
                key("race" + i, 20 + i, T0.plusSeconds(1)), retires, T0.plusSeconds(1)));
        List<TokenSigningKey> kept = stores.tokenSigningKeys().keys(pool.id());
        assertThat(kept).hasSize(WRITERS + 1);
        assertThat(kept).filteredOn(key -> key.retiresAt() == null).hasSize(1);
        assertThat(kept.get(kept.size() - 1).retiresAt()).isNull();
    }

    @Test
    void poolIdIsUnique() {
        pools.insert(pool("us-east-1_aaaaaaaaa"), firstKey());
        assertThatThrownBy(() -> pools.insert(pool("us-east-1_aaaaaaaaa"), key("other", 1, T0)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(stores.tokenSigningKeys().keys("us-east-1_aaaaaaaaa")).containsExactly(firstKey());
    }

    @Test
    void poolsAreListedInIdOrderAfterACursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "us-east-1_pool" + (char) ('e' - i) + "0000";
            ids.add(id);
            pools.insert(pool(id), firstKey());
        }
        Collections.sort(ids);
        assertThat(pools.listAfter(null, 10).stream().map(UserPool::id)).containsExactlyElementsOf(ids);
        assertThat(pools.listAfter(null, 2).stream().map(UserPool::id)).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(pools.listAfter(ids.get(1), 2).stream().map(UserPool::id)).containsExactlyElementsOf(ids.subList(2, 4));
        assertThat(pools.listAfter(ids.get(4), 2)).isEmpty();
    }

    @Test
    void deletingAPoolDeletesItsUsersAndEventsAndLeavesOtherPools() {
        AliasKey email = new AliasKey("email", "jane@example.com");
        String jane = storedUser("p_1", "jane", email);
        String other = storedUser("p_2", "jane", email);
        assertThat(events.insert(event("p_1", jane, "e1"))).isTrue();
        assertThat(events.insert(event("p_2", other, "e2"))).isTrue();
        assertThat(pools.delete("p_1")).isTrue();
        assertThat(users.findByUsername("p_1", "jane")).isEmpty();
        assertThat(users.findBySub("p_1", jane)).isEmpty();
        assertThat(users.findByAlias("p_1", email)).isEmpty();
        assertThat(events.find("p_1", jane, "e1")).isEmpty();
        assertThat(events.listNewestFirst("p_1", jane, null, 10)).isEmpty();
        assertThat(users.findBySub("p_2", other)).isPresent();
        assertThat(users.findByAlias("p_2", email)).isPresent();
        assertThat(events.find("p_2", other, "e2")).isPresent();
    }

    @Test
    void nothingIsStoredForADeletedPool() {
        String jane = storedUser("p_1", "jane");
        assertThat(pools.delete("p_1")).isTrue();
        assertThat(users.insert(user("p_1", "john"), false)).isEqualTo(InsertOutcome.POOL_NOT_FOUND);
        assertThat(users.findByUsername("p_1", "john")).isEmpty();
        assertThat(events.insert(event("p_1", jane, "e1"))).isFalse();
        assertThat(events.find("p_1", jane, "e1")).isEmpty();
        UserPool gone = pool("p_1");
        assertThat(pools.replace(gone, gone.withSettings("back", AdvancedSecurityMode.OFF, UserPoolTier.PLUS, T0)))
                .isFalse();
        assertThat(pools.find("p_1")).isEmpty();
    }

    @Test
    void aPoolDeletedWhileUsersAndEventsAreInsertedStaysEmpty() throws Exception {
        for (int round = 0; round < 5; round++) {
            String poolId = "p_race" + round;
            String jane = storedUser(poolId, "jane");
            List<Boolean> outcomes = concurrently(WRITERS, i -> () -> {
                if (i == 0) {
                    return pools.delete(poolId);
                }
                if (i % 2 == 0) {
                    return users.insert(user(poolId, "user" + i), false) == InsertOutcome.INSERTED;
                }
                return events.insert(event(poolId, jane, "e" + i));
            });
            assertThat(outcomes.get(0)).isTrue();
            // whatever each insert answered, nothing of the pool is left afterwards
            assertThat(pools.find(poolId)).isEmpty();
            assertThat(users.findBySub(poolId, jane)).isEmpty();
            for (int i = 1; i < WRITERS; i++) {
                assertThat(users.findByUsername(poolId, "user" + i)).isEmpty();
            }
            assertThat(events.listNewestFirst(poolId, jane, null, WRITERS)).isEmpty();
        }
    }

    // ---- risk configurations --------------------------------------------------------------------

    private static RiskConfiguration fullConfiguration(String poolId, String clientId) {
        return new RiskConfiguration(poolId, clientId,
                new RiskConfiguration.CompromisedCredentials(List.of(EventFilter.SIGN_UP),
                        CompromisedCredentialsEventAction.NO_ACTION),
                new RiskConfiguration.AccountTakeover(
                        new RiskConfiguration.Notify("from@example.com", "reply@example.com",
                                "arn:aws:ses:us-east-1:000000000000:identity/example.com",
                                new RiskConfiguration.NotifyEmail("Blocked", "<p>blocked</p>", "blocked"),
                                new RiskConfiguration.NotifyEmail("Noticed", null, "noticed"), null),
                        null, new RiskConfiguration.LevelAction(true, AccountTakeoverEventAction.MFA_REQUIRED),
                        new RiskConfiguration.LevelAction(false, AccountTakeoverEventAction.BLOCK)),
                new RiskConfiguration.RiskExceptions(List.of("203.0.113.0/24", "2001:db8::/32"),
                        List.of("192.0.2.0/24")),
                T0.plusSeconds(7));
    }

    @Test
    void riskConfigurationsAreKeptPerPoolAndClientAndReplaced() {
        poolExists("p_1");
        RiskConfiguration pool = fullConfiguration("p_1", null);
        RiskConfiguration client = new RiskConfiguration("p_1", "client1", null, null, null, T0);
        assertThat(riskConfigurations.find("p_1", null)).isEmpty();
        assertThat(riskConfigurations.put(pool)).isTrue();
        assertThat(riskConfigurations.put(client)).isTrue();
        assertThat(riskConfigurations.find("p_1", null)).contains(pool);
        assertThat(riskConfigurations.find("p_1", "client1")).contains(client);
        assertThat(riskConfigurations.find("p_1", "client2")).isEmpty();
        RiskConfiguration replaced = fullConfiguration("p_1", "client1");
        assertThat(riskConfigurations.put(replaced)).isTrue();
        assertThat(riskConfigurations.find("p_1", "client1")).contains(replaced);
        riskConfigurations.remove("p_1", "client1");
        assertThat(riskConfigurations.find("p_1", "client1")).isEmpty();
        assertThat(riskConfigurations.find("p_1", null)).contains(pool);
        riskConfigurations.remove("p_1", null);
        assertThat(riskConfigurations.find("p_1", null)).isEmpty();
    }

    @Test
    void riskConfigurationsNeedTheirPoolAndGoWithIt() {
        assertThat(riskConfigurations.put(fullConfiguration("p_none", null))).isFalse();
        assertThat(riskConfigurations.find("p_none", null)).isEmpty();
        poolExists("p_1");
        riskConfigurations.put(fullConfiguration("p_1", null));
        riskConfigurations.put(fullConfiguration("p_1", "client1"));
        assertThat(pools.delete("p_1")).isTrue();
        assertThat(riskConfigurations.find("p_1", null)).isEmpty();
        assertThat(riskConfigurations.find("p_1", "client1")).isEmpty();
    }

    // ---- users ----------------------------------------------------------------------------------

    @Test
    void userIsFoundByUsernameSubAndAlias() {
        poolExists("p_1");
        AliasKey email = new AliasKey("email", "jane@example.com");
        User jane = user("p_1", "jane", email);
        assertThat(users.insert(jane, false)).isEqualTo(InsertOutcome.INSERTED);
        assertThat(users.findByUsername("p_1", "jane")).contains(jane);
        assertThat(users.findBySub("p_1", jane.sub())).contains(jane);
        assertThat(users.findByAlias("p_1", email)).contains(jane);
        assertThat(users.findByAlias("p_1", new AliasKey("phone_number", "jane@example.com"))).isEmpty();
        assertThat(users.findByUsername("p_2", "jane")).isEmpty();
    }

    @Test
    void storedUserKeepsItsAttributesInOrder() {
        poolExists("p_1");
        String sub = UUID.randomUUID().toString();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("sub", sub);
        attributes.put("name", "Jane");
        attributes.put("email", "jane@example.com");
        User jane = new User("p_1", "jane", sub, attributes, true, UserStatus.FORCE_CHANGE_PASSWORD, T0, T0, List.of());
        users.insert(jane, false);
        User found = users.findByUsername("p_1", "jane").orElseThrow();
        assertThat(found).isEqualTo(jane);
        assertThat(new ArrayList<>(found.attributes().keySet())).containsExactly("sub", "name", "email");
    }

    @Test
    void usernameIsUniqueWithinAPoolOnly() {
        poolExists("p_1");
        poolExists("p_2");
        assertThat(users.insert(user("p_1", "jane"), false)).isEqualTo(InsertOutcome.INSERTED);
        assertThat(users.insert(user("p_1", "jane"), false)).isEqualTo(InsertOutcome.USERNAME_TAKEN);
        assertThat(users.insert(user("p_1", "jane"), true)).isEqualTo(InsertOutcome.USERNAME_TAKEN);
        assertThat(users.insert(user("p_2", "jane"), false)).isEqualTo(InsertOutcome.INSERTED);
    }

    @Test
    void aTakenAliasFailsTheInsertUnlessMigrated() {
        poolExists("p_1");
        AliasKey email = new AliasKey("email", "shared@example.com");
        User jane = user("p_1", "jane", email);
        User john = user("p_1", "john", email);
        users.insert(jane, false);
        assertThat(users.insert(john, false)).isEqualTo(InsertOutcome.ALIAS_TAKEN);
        assertThat(users.findByUsername("p_1", "john")).isEmpty();
        assertThat(users.insert(john, true)).isEqualTo(InsertOutcome.INSERTED);
        assertThat(users.findByAlias("p_1", email)).contains(john);
        // deleting the former owner leaves the migrated alias with its new owner
        assertThat(users.delete("p_1", jane.sub())).isTrue();
        assertThat(users.findByAlias("p_1", email)).contains(john);
    }

    @Test
    void deletedUserIsGoneFromEveryIndexWithItsEvents() {
        AliasKey email = new AliasKey("email", "jane@example.com");
        String jane = storedUser("p_1", "jane", email);
        String john = storedUser("p_1", "john");
        events.insert(event("p_1", jane, "e1"));
        events.insert(event("p_1", john, "e2"));
        assertThat(users.delete("p_1", jane)).isTrue();
        assertThat(users.findByUsername("p_1", "jane")).isEmpty();
        assertThat(users.findBySub("p_1", jane)).isEmpty();
        assertThat(users.findByAlias("p_1", email)).isEmpty();
        assertThat(events.find("p_1", jane, "e1")).isEmpty();
        assertThat(events.listNewestFirst("p_1", jane, null, 10)).isEmpty();
        assertThat(events.find("p_1", john, "e2")).isPresent();
        assertThat(users.delete("p_1", jane)).isFalse();
        assertThat(events.insert(event("p_1", jane, "e3"))).isFalse();
        assertThat(users.insert(user("p_1", "jane", email), false)).isEqualTo(InsertOutcome.INSERTED);
    }

    @Test
    void aUserDeletedWhileItsEventsAreInsertedStaysWithoutEvents() throws Exception {
        for (int round = 0; round < 5; round++) {
            String jane = storedUser("p_1", "jane" + round);
            int round0 = round;
            List<Boolean> outcomes = concurrently(WRITERS, i -> () -> i == 0 ? users.delete("p_1", jane)
                    : events.insert(event("p_1", jane, "e" + round0 + "-" + i)));
            assertThat(outcomes.get(0)).isTrue();
            assertThat(users.findBySub("p_1", jane)).isEmpty();
            assertThat(events.listNewestFirst("p_1", jane, null, WRITERS)).isEmpty();
            for (int i = 1; i < WRITERS; i++) {
                assertThat(events.find("p_1", jane, "e" + round + "-" + i)).isEmpty();
            }
        }
    }

    @Test
    void concurrentInsertsOfOneAliasLeaveOneOwner() throws Exception {
        poolExists("p_1");
        AliasKey email = new AliasKey("email", "race@example.com");
        List<InsertOutcome> outcomes = concurrently(WRITERS,
                i -> () -> users.insert(user("p_1", "user" + i, email), false));
        assertThat(outcomes).filteredOn(outcome -> outcome == InsertOutcome.INSERTED).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome == InsertOutcome.ALIAS_TAKEN).hasSize(WRITERS - 1);
    }

    @Test
    void concurrentInsertsOfOneUsernameLeaveOneUser() throws Exception {
        poolExists("p_1");
        List<InsertOutcome> outcomes = concurrently(WRITERS, i -> () -> users.insert(user("p_1", "jane"), false));
        assertThat(outcomes).filteredOn(outcome -> outcome == InsertOutcome.INSERTED).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome == InsertOutcome.USERNAME_TAKEN).hasSize(WRITERS - 1);
    }

    // ---- events ---------------------------------------------------------------------------------

    @Test
    void eventIsFoundOnlyForItsUser() {
        String a = storedUser("p_1", "a");
        String b = storedUser("p_1", "b");
        AuthEvent event = event("p_1", a, "e1");
        assertThat(events.insert(event)).isTrue();
        assertThat(events.find("p_1", a, "e1")).contains(event);
        assertThat(events.find("p_1", b, "e1")).isEmpty();
        assertThat(events.find("p_2", a, "e1")).isEmpty();
    }

    @Test
    void anEventOfAMissingUserIsNotStored() {
        poolExists("p_1");
        assertThat(events.insert(event("p_1", "no-such-sub", "e1"))).isFalse();
        assertThat(events.find("p_1", "no-such-sub", "e1")).isEmpty();
    }

    @Test
    void eventIdIsUniquePerUser() {
        String a = storedUser("p_1", "a");
        events.insert(event("p_1", a, "e1"));
        assertThatThrownBy(() -> events.insert(event("p_1", a, "e1"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void storedEventKeepsEveryMember() {
        String a = storedUser("p_1", "a");
        AuthEvent full = new AuthEvent("p_1", a, "e1", EventType.FORGOT_PASSWORD, T0,
                EventResponse.FAIL,
                new EventRisk(RiskDecision.BLOCK, RiskLevel.HIGH, true),
                List.of(new ChallengeResponse(ChallengeName.MFA, ChallengeResult.FAILURE)),
                new EventContextData("203.0.113.9", "phone", "UTC", "Oslo", "Norway"),
                null, List.of(RiskReason.BLOCKED_IP_RANGE, RiskReason.COMPROMISED_CREDENTIALS));
        events.insert(full);
        assertThat(events.find("p_1", a, "e1")).contains(full);
    }

    @Test
    void feedbackIsRecordedAndReplaced() {
        String a = storedUser("p_1", "a");
        events.insert(event("p_1", a, "e1"));
        EventFeedback first = feedback(FeedbackValue.VALID, 1);
        EventFeedback second = new EventFeedback(FeedbackValue.INVALID, FeedbackProvider.USER, T0.plusSeconds(2));
        assertThat(events.recordFeedback("p_1", a, "e1", first).orElseThrow().eventFeedback()).isEqualTo(first);
        assertThat(events.recordFeedback("p_1", a, "e1", second).orElseThrow().eventFeedback()).isEqualTo(second);
        assertThat(events.find("p_1", a, "e1").orElseThrow().eventFeedback()).isEqualTo(second);
    }

    @Test
    void feedbackOnAMissingEventChangesNothing() {
        String a = storedUser("p_1", "a");
        String b = storedUser("p_1", "b");
        events.insert(event("p_1", a, "e1"));
        assertThat(events.recordFeedback("p_1", a, "e2", feedback(FeedbackValue.VALID, 1))).isEmpty();
        assertThat(events.recordFeedback("p_1", b, "e1", feedback(FeedbackValue.VALID, 1))).isEmpty();
        assertThat(events.find("p_1", a, "e1").orElseThrow().eventFeedback()).isNull();
    }

    @Test
    void eventsAreListedNewestFirstAfterACursor() {
        String a = storedUser("p_1", "a");
        String b = storedUser("p_1", "b");
        String c = storedUser("p_1", "c");
        for (int i = 1; i <= 5; i++) {
            events.insert(event("p_1", a, "e" + i));
        }
        events.insert(event("p_1", b, "other"));
        assertThat(ids(events.listNewestFirst("p_1", a, null, 10))).containsExactly("e5", "e4", "e3", "e2", "e1");
        assertThat(ids(events.listNewestFirst("p_1", a, null, 2))).containsExactly("e5", "e4");
        assertThat(ids(events.listNewestFirst("p_1", a, "e4", 2))).containsExactly("e3", "e2");
        assertThat(ids(events.listNewestFirst("p_1", a, "e1", 2))).isEmpty();
        assertThat(ids(events.listNewestFirst("p_1", a, "other", 2))).isEmpty();
        assertThat(ids(events.listNewestFirst("p_1", c, null, 2))).isEmpty();
    }

    @Test
    void listingShowsRecordedFeedback() {
        String a = storedUser("p_1", "a");
        events.insert(event("p_1", a, "e1"));
        events.recordFeedback("p_1", a, "e1", feedback(FeedbackValue.INVALID, 3));
        assertThat(events.listNewestFirst("p_1", a, null, 1).get(0).eventFeedback())
                .isEqualTo(feedback(FeedbackValue.INVALID, 3));
    }

    @Test
    void concurrentFeedbackLeavesExactlyOneOfTheWrittenValues() throws Exception {
        String a = storedUser("p_1", "a");
        events.insert(event("p_1", a, "e1"));
        int writers = WRITERS * 4;
        List<EventFeedback> written = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            written.add(feedback(i % 2 == 0 ? FeedbackValue.VALID : FeedbackValue.INVALID, i));
        }
        List<EventFeedback> answered = concurrently(writers,
                i -> () -> events.recordFeedback("p_1", a, "e1", written.get(i)).orElseThrow().eventFeedback());
        // each write answers the event as it wrote it: the update and its answer are one step
        assertThat(answered).containsExactlyElementsOf(written);
        EventFeedback last = events.find("p_1", a, "e1").orElseThrow().eventFeedback();
        assertThat(written).contains(last);
        assertThat(events.listNewestFirst("p_1", a, null, 10)).hasSize(1);
    }

    @Test
    void concurrentInsertsLoseNoEvent() throws Exception {
        String a = storedUser("p_1", "a");
        int count = WRITERS * 8;
        List<Boolean> inserted = concurrently(count, i -> () -> events.insert(event("p_1", a, "e" + i)));
        assertThat(inserted).containsOnly(true);
        List<AuthEvent> all = events.listNewestFirst("p_1", a, null, count + 1);
        assertThat(all).hasSize(count);
        assertThat(ids(all)).doesNotHaveDuplicates();
    }

    private static List<String> ids(List<AuthEvent> list) {
        return list.stream().map(AuthEvent::eventId).toList();
    }

    // ---- risk model -----------------------------------------------------------------------------

    private static final EventContextData OSLO = new EventContextData("203.0.113.5", "Firefox", "+01:00", "Oslo",
            "Norway");
    private static final ContextFeatures OSLO_FEATURES = ContextFeatures.of(OSLO);

    protected static AuthEvent eventFrom(String poolId, String userSub, String eventId, EventContextData context,
                                         EventResponse response) {
        return new AuthEvent(poolId, userSub, eventId, EventType.SIGN_IN, T0, response, null, List.of(), context,
                null, List.of());
    }

    /** The profile the lessons of these writes teach, computed without any store. */
    private static RiskProfile taught(RiskLesson... lessons) {
        RiskProfile profile = RiskProfile.EMPTY;
        for (RiskLesson lesson : lessons) {
            profile = profile.learn(lesson);
        }
        return profile;
    }

    @Test
    void recordingAnEventTeachesTheUsersProfileAndThePoolsFigures() {
        String jane = storedUser("p_1", "jane");
        String john = storedUser("p_1", "john");
        AuthEvent first = eventFrom("p_1", jane, "e1", OSLO, EventResponse.PASS);
        AuthEvent failed = eventFrom("p_1", jane, "e2", OSLO, EventResponse.FAIL);
        events.insert(first);
        events.insert(failed);
        events.insert(eventFrom("p_1", john, "e3", OSLO, EventResponse.PASS));
        events.insert(event("p_1", john, "no-context"));
        RiskModelStore model = stores.riskModel();
        assertThat(model.profile("p_1", jane))
                .isEqualTo(taught(RiskLesson.recorded(first), RiskLesson.recorded(failed)));
        assertThat(model.profile("p_1", jane).historySize(RiskFeature.COUNTRY)).isEqualTo(1.0);
        PoolStatistics figures = model.statistics("p_1", OSLO_FEATURES);
        for (RiskFeature feature : RiskFeature.values()) {
            assertThat(figures.featureTotal(feature)).as(feature.name()).isEqualTo(3);
            assertThat(figures.valueCount(feature)).as(feature.name()).isEqualTo(3);
            assertThat(figures.valueReports(feature)).as(feature.name()).isZero();
        }
        assertThat(model.statistics("p_2", OSLO_FEATURES)).isEqualTo(PoolStatistics.EMPTY);
        assertThat(model.statistics("p_1", ContextFeatures.NONE)).isEqualTo(PoolStatistics.EMPTY);
        assertThat(model.profile("p_1", "nobody")).isEqualTo(RiskProfile.EMPTY);
    }

    @Test
    void feedbackTeachesTheModelAndAReplacedVerdictIsTakenBack() {
        String jane = storedUser("p_1", "jane");
        AuthEvent signIn = eventFrom("p_1", jane, "e1", OSLO, EventResponse.PASS);
        events.insert(signIn);
        assertThat(events.recordFeedback("p_1", jane, "e1", feedback(FeedbackValue.INVALID, 1)))
                .contains(signIn.withFeedback(feedback(FeedbackValue.INVALID, 1)));
        RiskModelStore model = stores.riskModel();
        assertThat(model.statistics("p_1", OSLO_FEATURES).valueReports(RiskFeature.IP_ADDRESS)).isEqualTo(1);
        assertThat(model.profile("p_1", jane).reports(RiskFeature.IP_ADDRESS, OSLO_FEATURES.key(RiskFeature.IP_ADDRESS)))
                .isEqualTo(1);
        assertThat(events.recordFeedback("p_1", jane, "e1", feedback(FeedbackValue.VALID, 2)))
                .contains(signIn.withFeedback(feedback(FeedbackValue.VALID, 2)));
        events.recordFeedback("p_1", jane, "e1", feedback(FeedbackValue.VALID, 3));
        assertThat(events.recordFeedback("p_1", jane, "no-such-event", feedback(FeedbackValue.VALID, 4))).isEmpty();
        EventFeedback valid = feedback(FeedbackValue.VALID, 2);
        assertThat(model.profile("p_1", jane))
                .isEqualTo(taught(RiskLesson.recorded(signIn), RiskLesson.relabelled(signIn, null, valid)));
        assertThat(model.statistics("p_1", OSLO_FEATURES).valueReports(RiskFeature.IP_ADDRESS)).isZero();
        assertThat(events.find("p_1", jane, "e1").orElseThrow().riskReasons()).isEmpty();
    }

    @Test
    void theModelGoesWithItsUserAndItsPool() {
        String jane = storedUser("p_1", "jane");
        String other = storedUser("p_2", "other");
        events.insert(eventFrom("p_1", jane, "e1", OSLO, EventResponse.PASS));
        events.insert(eventFrom("p_2", other, "e2", OSLO, EventResponse.PASS));
        RiskModelStore model = stores.riskModel();
        assertThat(users.delete("p_1", jane)).isTrue();
        assertThat(model.profile("p_1", jane)).isEqualTo(RiskProfile.EMPTY);
        assertThat(pools.delete("p_1")).isTrue();
        assertThat(model.statistics("p_1", OSLO_FEATURES)).isEqualTo(PoolStatistics.EMPTY);
        // a new user of the same name starts afresh; the other pool keeps its own
        assertThat(model.statistics("p_2", OSLO_FEATURES).featureTotal(RiskFeature.COUNTRY)).isEqualTo(1);
        assertThat(model.profile("p_2", other)).isNotEqualTo(RiskProfile.EMPTY);
    }

    @Test
    void concurrentSignInsAndVerdictsLoseNoLesson() throws Exception {
        String jane = storedUser("p_1", "jane");
        String john = storedUser("p_1", "john");
        int perWriter = 6;
        concurrently(WRITERS, i -> () -> {
            String user = i % 2 == 0 ? jane : john;
            for (int n = 0; n < perWriter; n++) {
                String id = "w" + i + "-" + n;
                events.insert(eventFrom("p_1", user, id, OSLO, EventResponse.PASS));
                events.recordFeedback("p_1", user, id, feedback(n % 2 == 0 ? FeedbackValue.INVALID
                        : FeedbackValue.VALID, n));
            }
            return true;
        });
        RiskModelStore model = stores.riskModel();
        int perUser = WRITERS / 2 * perWriter;
        long ip = OSLO_FEATURES.key(RiskFeature.IP_ADDRESS);
        for (String user : List.of(jane, john)) {
            RiskProfile profile = model.profile("p_1", user);
            assertThat(profile.historySize(RiskFeature.IP_ADDRESS)).isEqualTo(perUser);
            assertThat(profile.reports(RiskFeature.IP_ADDRESS, ip)).isEqualTo(perUser / 2);
            assertThat(profile.confirmations(RiskFeature.IP_ADDRESS, ip)).isEqualTo(perUser / 2);
            assertThat(profile.count(RiskFeature.IP_ADDRESS, ip)).isEqualTo(perUser / 2);
        }
        PoolStatistics figures = model.statistics("p_1", OSLO_FEATURES);
        assertThat(figures.featureTotal(RiskFeature.IP_ADDRESS)).isEqualTo(2L * perUser);
        assertThat(figures.valueReports(RiskFeature.IP_ADDRESS)).isEqualTo(perUser);
    }
}
