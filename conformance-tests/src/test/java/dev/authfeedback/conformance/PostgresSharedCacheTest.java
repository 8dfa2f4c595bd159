package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authfeedback.adapter.postgres.PostgresSettings;
import dev.authfeedback.adapter.postgres.PostgresStorage;
import dev.authfeedback.domain.error.ResourceNotFoundException;
import dev.authfeedback.domain.error.UserNotFoundException;
import dev.authfeedback.domain.error.UserPoolAddOnNotEnabledException;
import dev.authfeedback.domain.model.RecordedAuthEvent;
import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.AdminCreateUserCommand;
import dev.authfeedback.domain.port.in.AdminDeleteUserCommand;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.CreateUserPoolCommand;
import dev.authfeedback.domain.port.in.DeleteUserPoolCommand;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import dev.authfeedback.domain.port.in.SetRiskConfigurationCommand;
import dev.authfeedback.domain.port.in.UpdateUserPoolCommand;
import dev.authfeedback.domain.port.in.UserPoolAddOnsInput;
import dev.authfeedback.domain.port.out.RiskConfigurationStore;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one database, each keeping pools, users and risk configurations in memory: what one changes, the
 * other serves fresh once it has heard of it; what it keeps, it serves without asking the
 * database; without its listening connection it asks the database every time.
 */
class PostgresSharedCacheTest {

    private PostgresStorage first;
    private PostgresStorage second;
    private AuthEventFeedbackUseCases onFirst;
    private AuthEventFeedbackUseCases onSecond;

    @BeforeEach
    void twoServersOnOneDatabase() {
        String url = PostgresTestDatabase.newDatabase();
        first = started(url);
        second = started(url);
        onFirst = service(first);
        onSecond = service(second);
        awaitTrue("both servers listening", () -> first.keepsPoolData() && second.keepsPoolData());
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    private static PostgresStorage started(String url) {
        PostgresStorage storage = PostgresStorage.open(new PostgresSettings(url, "postgres", "postgres"));
        assertThat(storage.start()).as("usable").isTrue();
        return storage;
    }

    private static AuthEventFeedbackUseCases service(PostgresStorage storage) {
        return AuthEventFeedbackService.builder().stores(storage.stores())
                .rateLimiter(new TokenBucketRateLimiter(RateLimits.unlimited())).build();
    }

    private UserPool pool() {
        return onFirst.createUserPool(new CreateUserPoolCommand("shared", new UserPoolAddOnsInput("ENFORCED"), "PLUS",
                null, null));
    }

    private RecordedAuthEvent signIn(UserPool pool, String username) {
        onFirst.adminCreateUser(new AdminCreateUserCommand(pool.id(), username, List.of()));
        return onFirst.recordAuthEvent(new RecordAuthEventCommand(pool.id(), username, "SignIn", "Pass", null, null,
                null, null));
    }

    private static void feedback(AuthEventFeedbackUseCases service, UserPool pool, String username,
                                 RecordedAuthEvent event) {
        service.adminUpdateAuthEventFeedback(new AdminUpdateAuthEventFeedbackCommand(pool.id(), username,
                event.eventId(), "Invalid"));
    }

    @Test
    void whatOneServerChangesTheOtherServesFreshOnceItHasHeardOfIt() {
        UserPool pool = pool();
        RecordedAuthEvent jane = signIn(pool, "jane");
        RecordedAuthEvent bob = signIn(pool, "bob");
        feedback(onSecond, pool, "jane", jane); // the second server now keeps the pool and jane
        feedback(onSecond, pool, "bob", bob);

        onFirst.adminDeleteUser(new AdminDeleteUserCommand(pool.id(), "jane"));
        long heardWithinNanos = timed(second::awaitChangesHeard);
        assertThatThrownBy(() -> feedback(onSecond, pool, "jane", jane)).isInstanceOf(UserNotFoundException.class);
        feedback(onSecond, pool, "bob", bob);

        onFirst.updateUserPool(new UpdateUserPoolCommand(pool.id(), null, new UserPoolAddOnsInput("OFF"), null));
        heardWithinNanos = Math.max(heardWithinNanos, timed(second::awaitChangesHeard));
        assertThatThrownBy(() -> feedback(onSecond, pool, "bob", bob))
                .isInstanceOf(UserPoolAddOnNotEnabledException.class);

        onFirst.deleteUserPool(new DeleteUserPoolCommand(pool.id()));
        heardWithinNanos = Math.max(heardWithinNanos, timed(second::awaitChangesHeard));
        assertThatThrownBy(() -> feedback(onSecond, pool, "bob", bob)).isInstanceOf(ResourceNotFoundException.class);
        System.out.printf("another server's change heard within %.1f ms%n", heardWithinNanos / 1e6);
    }

    @Test
    void aUserDeletedAndCreatedAgainIsTheNewUserOnBothServersAtOnce() {
        UserPool pool = pool();
        signIn(pool, "jane");
        onSecond.recordAuthEvent(new RecordAuthEventCommand(pool.id(), "jane", "SignIn", "Pass", null, null, null, null));
        for (int round = 0; round < 20; round++) {
            onFirst.adminDeleteUser(new AdminDeleteUserCommand(pool.id(), "jane"));
            onFirst.adminCreateUser(new AdminCreateUserCommand(pool.id(), "jane", List.of()));
            // the server that deleted and created reads its own writes at once
            onFirst.recordAuthEvent(new RecordAuthEventCommand(pool.id(), "jane", "SignIn", "Pass", null, null, null,
                    null));
        }
        second.awaitChangesHeard();
        onSecond.recordAuthEvent(new RecordAuthEventCommand(pool.id(), "jane", "SignIn", "Pass", null, null, null, null));
    }

    @Test
    void whatAServerKeepsItServesWithoutTheDatabaseUntilItHearsOfAChange() throws SQLException {
        UserPool pool = pool();
        assertThat(second.stores().userPools().find(pool.id())).get().extracting(UserPool::name).isEqualTo("shared");
        // a change that notifies nobody: the kept pool is what the second server answers
        byHand(first, "SET session_replication_role = replica; UPDATE user_pools SET name = 'unheard' WHERE id = '"
                + pool.id() + "'; SET session_replication_role = origin");
        second.awaitChangesHeard();
        assertThat(second.stores().userPools().find(pool.id())).get().extracting(UserPool::name).isEqualTo("shared");

        byHand(first, "UPDATE user_pools SET name = 'heard' WHERE id = '" + pool.id() + "'");
        second.awaitChangesHeard();
        assertThat(second.stores().userPools().find(pool.id())).get().extracting(UserPool::name).isEqualTo("heard");
    }

    @Test
    void aRiskConfigurationOrItsAbsenceIsKeptUntilAServerSetsOrRemovesOne() throws SQLException {
        UserPool pool = pool();
        UserPool other = pool();
        onFirst.setRiskConfiguration(blockingAtHighRisk(other));
        // heard first: a change heard while a read is under way takes that read's entry back
        second.awaitChangesHeard();
        RiskConfigurationStore onSecondStore = second.stores().riskConfigurations();
        assertThat(onSecondStore.find(pool.id(), null)).isEmpty();
        // a configuration that notifies nobody: the second server keeps answering that there is none
        byHand(first, "SET session_replication_role = replica; CREATE TEMP TABLE copied AS SELECT * FROM "
                + "risk_configurations WHERE pool_id = '" + other.id() + "'; UPDATE copied SET pool_id = '" + pool.id()
                + "'; INSERT INTO risk_configurations SELECT * FROM copied; SET session_replication_role = origin");
        second.awaitChangesHeard();
        assertThat(onSecondStore.find(pool.id(), null)).isEmpty();
        byHand(first, "DELETE FROM risk_configurations WHERE pool_id = '" + pool.id() + "'");

        onFirst.setRiskConfiguration(blockingAtHighRisk(pool));
        assertThat(first.stores().riskConfigurations().find(pool.id(), null)).as("its own write, at once").isPresent();
        second.awaitChangesHeard();
        RiskConfiguration kept = onSecondStore.find(pool.id(), null).orElseThrow();
        assertThat(kept.accountTakeover()).isNotNull();
        byHand(first, "SET session_replication_role = replica; DELETE FROM risk_configurations WHERE pool_id = '"
                + pool.id() + "'; SET session_replication_role = origin");
        second.awaitChangesHeard();
        assertThat(onSecondStore.find(pool.id(), null)).contains(kept);

        onFirst.setRiskConfiguration(blockingAtHighRisk(pool));
        first.stores().riskConfigurations().remove(pool.id(), null);
        second.awaitChangesHeard();
        assertThat(onSecondStore.find(pool.id(), null)).isEmpty();
        assertThat(onSecondStore.find(other.id(), null)).isPresent();
    }

    private static SetRiskConfigurationCommand blockingAtHighRisk(UserPool pool) {
        return new SetRiskConfigurationCommand(pool.id(), null, null, new SetRiskConfigurationCommand.AccountTakeoverInput(
                null, new SetRiskConfigurationCommand.ActionsInput(null, null,
                        new SetRiskConfigurationCommand.LevelActionInput(false, "BLOCK"))), null);
    }

    @Test
    void withoutItsListeningConnectionAServerAsksTheDatabaseEveryTimeAndListensAgainSoon() throws SQLException {
        UserPool pool = pool();
        assertThat(second.stores().userPools().find(pool.id())).isPresent();
        byHand(first, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND application_name = 'authfeedback cache listener'");
        awaitTrue("the listeners noticed", () -> !second.keepsPoolData());
        byHand(first, "SET session_replication_role = replica; UPDATE user_pools SET name = 'unheard' WHERE id = '"
                + pool.id() + "'; SET session_replication_role = origin");
        assertThat(second.stores().userPools().find(pool.id())).get().extracting(UserPool::name).isEqualTo("unheard");

        awaitTrue("listening again", second::keepsPoolData);
        // what changed while it was not listening went unheard: nothing kept from before is served
        byHand(first, "SET session_replication_role = replica; UPDATE user_pools SET name = 'unheard twice' WHERE id = '"
                + pool.id() + "'; SET session_replication_role = origin");
        assertThat(second.stores().userPools().find(pool.id())).get().extracting(UserPool::name)
                .isEqualTo("unheard twice");
    }

    private static void byHand(PostgresStorage storage, String sql) throws SQLException {
        try (Connection connection = storage.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
