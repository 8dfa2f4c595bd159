package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.domain.error.ResourceNotFoundException;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.model.UserPoolTier;
import dev.authfeedback.domain.port.in.AttributeInput;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.CreateUserPoolCommand;
import dev.authfeedback.domain.port.in.DescribeUserPoolCommand;
import dev.authfeedback.domain.port.in.SetRiskConfigurationCommand;
import dev.authfeedback.domain.port.in.UpdateUserPoolCommand;
import dev.authfeedback.domain.port.out.IdGenerator;
import dev.authfeedback.domain.port.out.Stores;
import dev.authfeedback.domain.port.out.UserPoolStore;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The operation suite against the domain itself, called in process; and what only embedders see. */
class InProcessOperationTest extends OperationSuite {

    @Override
    protected OperationDriver driverFor(AuthEventFeedbackUseCases service) {
        return new InProcessDriver(service);
    }

    @Test
    void anEmbeddersIdGeneratorMakesTheIds() {
        IdGenerator fixed = new IdGenerator() {
            @Override
            public String poolIdSuffix() {
                return "fixed0001";
            }

            @Override
            public String uuid() {
                return "00000000-0000-4000-8000-000000000001";
            }

            @Override
            public String keyId() {
                return "key0001";
            }

            @Override
            public byte[] secretKey() {
                return new byte[32];
            }
        };
        AuthEventFeedbackUseCases service = AuthEventFeedbackService.builder().stores(InMemoryStores.create())
                .idGenerator(fixed).build();
        assertThat(service.createUserPool(new CreateUserPoolCommand("p", null, null, null, null)).id())
                .isEqualTo("us-east-1_fixed0001");
    }

    /** A pool store through which another caller acts just before this service's first replace lands. */
    private static UserPoolStore racing(UserPoolStore delegate, java.util.function.Consumer<UserPool> otherCaller) {
        AtomicBoolean raced = new AtomicBoolean();
        return (UserPoolStore) java.lang.reflect.Proxy.newProxyInstance(UserPoolStore.class.getClassLoader(),
                new Class<?>[] {UserPoolStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("replace") && raced.compareAndSet(false, true)) {
                        otherCaller.accept((UserPool) args[0]);
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void anUpdateRacingAnotherKeepsBothChanges() {
        Stores memory = InMemoryStores.create();
        UserPoolStore pools = racing(memory.userPools(), read -> assertThat(memory.userPools().replace(read,
                read.withSettings(read.name(), read.advancedSecurityMode(), UserPoolTier.PLUS, read.lastModifiedDate())))
                .isTrue());
        AuthEventFeedbackUseCases service = AuthEventFeedbackService.builder()
                .stores(new Stores(pools, memory.users(), memory.authEvents(),
                        memory.riskConfigurations(), memory.riskModel(), memory.tokenSigningKeys(), memory.notifications(), false, memory.health()))
                .build();
        UserPool pool = service.createUserPool(new CreateUserPoolCommand("before", null, null, null, null));
        // this update names the pool only; the other caller raised the tier meanwhile
        service.updateUserPool(new UpdateUserPoolCommand(pool.id(), "after", null, null));
        UserPool updated = service.describeUserPool(new DescribeUserPoolCommand(pool.id()));
        assertThat(updated.name()).isEqualTo("after");
        assertThat(updated.tier()).isEqualTo(UserPoolTier.PLUS);
        assertThat(updated.version()).isEqualTo(pool.version() + 2);
    }

    @Test
    void anUpdateRacingTheDeleteOfItsPoolFindsNoPool() {
        Stores memory = InMemoryStores.create();
        UserPoolStore pools = racing(memory.userPools(), read -> memory.userPools().delete(read.id()));
        AuthEventFeedbackUseCases service = AuthEventFeedbackService.builder()
                .stores(new Stores(pools, memory.users(), memory.authEvents(),
                        memory.riskConfigurations(), memory.riskModel(), memory.tokenSigningKeys(), memory.notifications(), false, memory.health()))
                .build();
        UserPool pool = service.createUserPool(new CreateUserPoolCommand("doomed", null, null, null, null));
        assertThatThrownBy(() -> service.updateUserPool(new UpdateUserPoolCommand(pool.id(), "after", null, null)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("User pool " + pool.id() + " does not exist.");
    }

    @Test
    void aMissingIpRangeIsReportedByItsPath() {
        assertInvalid("1 validation error detected: Value null at "
                + "'riskExceptionConfiguration.blockedIPRangeList.2.member' failed to satisfy constraint: "
                + "Member must not be null", () -> driver.setRiskConfiguration(
                        "eu-west-1_abc", null, null, null, new SetRiskConfigurationCommand.RiskExceptionsInput(
                                java.util.Arrays.asList("10.0.0.0/8", null), null)));
    }

    @Test
    void aMissingElementOfAListOfStructuresIsReportedByItsPath() {
        assertInvalid("1 validation error detected: Value null at 'userAttributes.2.member' failed to satisfy "
                + "constraint: Member must not be null", () -> driver.adminCreateUser("eu-west-1_abc", "jane",
                        java.util.Arrays.asList(new AttributeInput("name", "Jane"), null), null));
    }

    /** A host that does not know its caller's address: no quota of a source applies, only the pool's. */
    @Test
    void aCommandWithoutASourceCountsAgainstThePoolOnly() {
        var pool = advancedPool();
        user(pool, "jane");
        var event = signIn(pool, "jane");
        for (int i = 0; i < 2 * SOURCE_QUOTA; i++) {
            ((InProcessDriver) driver).updateAuthEventFeedbackWithoutSource(pool.id(), "jane", event.eventId(),
                    event.feedbackToken(), "Valid");
        }
        assertThat(onlyEvent(pool, "jane").feedback().value()).isEqualTo("Valid");
    }
}
