package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.authfeedback.adapter.inmemory.InMemoryStores;
import dev.authfeedback.conformance.Views.EventView;
import dev.authfeedback.conformance.Views.NotificationView;
import dev.authfeedback.conformance.Views.PageView;
import dev.authfeedback.conformance.Views.PoolSummary;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import dev.authfeedback.conformance.Views.RotatedView;
import dev.authfeedback.conformance.Views.UserView;
import dev.authfeedback.domain.error.NotAuthorizedException;
import dev.authfeedback.domain.error.TooManyRequestsException;
import dev.authfeedback.domain.error.UserNotFoundException;
import dev.authfeedback.domain.model.AccountTakeoverEventAction;
import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.CompromisedCredentialsEventAction;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.EventFeedback;
import dev.authfeedback.domain.model.EventFilter;
import dev.authfeedback.domain.model.FeedbackProvider;
import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.port.in.AttributeInput;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.ChallengeResponseInput;
import dev.authfeedback.domain.port.in.EventRiskInput;
import dev.authfeedback.domain.port.in.SetRiskConfigurationCommand;
import dev.authfeedback.domain.port.out.AuthEventStore;
import dev.authfeedback.domain.port.out.FeedbackRecorded;
import dev.authfeedback.domain.port.out.OperationCategory;
import dev.authfeedback.domain.port.out.Stores;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import dev.authfeedback.domain.service.ServiceSettings;
import dev.authfeedback.domain.validation.Shapes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the contract (docs/CONTRACT.md) as a case that any transport must pass: subclasses say how to reach the
 * service ({@link #driverFor}) and may put it on other stores ({@link #newStores}). The suite owns the
 * service's clock and quota time, so expiry, dates and rate limits are exact on every transport.
 */
public abstract class OperationSuite {

    protected static final String INVALID_TOKEN = NotAuthorizedException.INVALID_FEEDBACK_TOKEN_MESSAGE;
    protected static final String USER_NOT_FOUND = UserNotFoundException.MESSAGE;
    /** The region of the suite's service, which signatures are scoped to. */
    protected static final String REGION = "eu-west-1";
    /** The feedback operations' quotas per pool in this suite (admin, and token), as in Cognito. */
    protected static final int FEEDBACK_QUOTA = 25;
    /** Token feedbacks one source address may send at once in this suite. */
    protected static final int SOURCE_QUOTA = 10;
    /** Refused tokens a source may send before it is slowed down. */
    protected static final int REFUSALS_ALLOWED = (int) RateLimits.SOURCE_REFUSED_TOKENS_BURST;
    /** The source address of the cases' attackers (TEST-NET-3). */
    protected static final String ATTACKER = "203.0.113.66";
    /** The pool operations' quota in this suite, per pool, and per account for create and list. */
    protected static final int POOL_QUOTA = 40;

    protected final TestClock clock = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));
    /** The rate limiter's time, apart from the clock so that moving one does not refill the other. */
    protected final AtomicLong quotaNanos = new AtomicLong();
    protected final List<FeedbackRecorded> riskNotifications = new CopyOnWriteArrayList<>();
    /** When set, the risk listener throws after it has heard of a feedback. */
    protected final AtomicBoolean riskListenerFails = new AtomicBoolean();
    protected OperationDriver driver;
    /** The stores behind {@link #driver}, for cases that check what an operation left in them. */
    protected Stores stores;

    /** Wraps the use cases in this transport's driver (starting servers as needed). */
    protected abstract OperationDriver driverFor(AuthEventFeedbackUseCases useCases);

    /** The stores of a new service: in memory unless a subclass runs the suite on another store. */
    protected Stores newStores() {
        return InMemoryStores.create();
    }

    protected AuthEventFeedbackUseCases newService(Stores stores) {
        return AuthEventFeedbackService.builder()
                .stores(stores)
                .rateLimiter(new TokenBucketRateLimiter(
                        RateLimits.uniform(10_000).with(OperationCategory.FEEDBACK, FEEDBACK_QUOTA)
                                .with(OperationCategory.TOKEN_FEEDBACK, FEEDBACK_QUOTA).withSourceLimit(SOURCE_QUOTA)
                                .with(OperationCategory.POOL_WRITE, POOL_QUOTA)
                                .with(OperationCategory.POOL_READ, POOL_QUOTA),
                        quotaNanos::get, 10_000))
                .riskListener(feedback -> {
                    riskNotifications.add(feedback);
                    if (riskListenerFails.get()) {
                        throw new IllegalStateException("risk listener down");
                    }
                })
                .clock(clock)
                .settings(new ServiceSettings(REGION, "123456789012", Duration.ofDays(7)))
                .build();
    }

    @BeforeEach
    void startDriver() {
        stores = newStores();
        driver = driverFor(newService(stores));
    }

    @AfterEach
    void closeDriver() throws Exception {
        driver.close();
    }

    // ---- fixtures -------------------------------------------------------------------------------

    protected PoolView advancedPool(String... aliasAttributes) {
        return driver.createUserPool("feedback-pool", "ENFORCED", "PLUS", List.of(aliasAttributes), null);
    }

    protected UserView user(PoolView pool, String username, AttributeInput... attributes) {
        return driver.adminCreateUser(pool.id(), username, List.of(attributes), null);
    }

    protected Recorded signIn(PoolView pool, String username) {
        return driver.recordAuthEvent(pool.id(), username, "SignIn", "Pass", null, null, null);
    }

    protected EventView onlyEvent(PoolView pool, String username) {
        List<EventView> events = driver.adminListUserAuthEvents(pool.id(), username, null, null).items();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    protected EventView event(PoolView pool, String username, String eventId) {
        return driver.adminListUserAuthEvents(pool.id(), username, null, null).items().stream()
                .filter(event -> event.eventId().equals(eventId)).findFirst().orElseThrow();
    }

    protected static ServiceError error(Runnable call) {
        ServiceError error = catchThrowableOfType(ServiceError.class, call::run);
        assertThat(error).as("the call should have failed").isNotNull();
        return error;
    }

    protected static void assertError(String type, String message, Runnable call) {
        ServiceError error = error(call);
        assertThat(error.type()).isEqualTo(type);
        assertThat(error.errorMessage()).isEqualTo(message);
    }

    protected static void assertInvalid(String message, Runnable call) {
        assertError("InvalidParameterException", message, call);
    }

    protected void exhaustFeedbackQuota(String poolId) {
        for (int i = 0; i < FEEDBACK_QUOTA; i++) {
            try {
                driver.adminUpdateAuthEventFeedback(poolId, "nobody", "no-event", "Valid");
            } catch (ServiceError expected) {
                assertThat(expected.type()).isNotEqualTo("TooManyRequestsException");
            }
        }
    }

    /** Long enough for every quota to refill, and for a source's allowance of refused tokens to give one more. */
    protected void refillQuotas() {
        quotaNanos.addAndGet(Duration.ofSeconds(10).toNanos());
    }

    // ---- validation: every message kind ---------------------------------------------------------

    @Test
    void listUserPoolsNeedsMaxResults() {
        assertInvalid("1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: "
                + "Member must not be null", () -> driver.listUserPools(null, null));
    }

    @Test
    void missingMemberIsReportedAsNull() {
        assertInvalid("1 validation error detected: Value null at 'eventId' failed to satisfy constraint: "
                        + "Member must not be null",
                () -> driver.adminUpdateAuthEventFeedback("eu-west-1_abc", "jane", null, "Valid"));
    }

    @Test
    void patternViolationEchoesValueAndModelPattern() {
        assertInvalid("1 validation error detected: Value 'bad id!' at 'userPoolId' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
                () -> driver.adminUpdateAuthEventFeedback("bad id!", "jane", "event-1", "Valid"));
    }

    @Test
    void tooShortValueBreaksLengthAndPattern() {
        assertInvalid("2 validation errors detected: Value '' at 'eventId' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1; Value '' at 'eventId' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: [\\w+-]+",
                () -> driver.adminUpdateAuthEventFeedback("eu-west-1_abc", "jane", "", "Valid"));
    }

    @Test
    void tooLongValueIsReportedWithTheModelMaximum() {
        String longPoolId = "eu-west-1_" + "a".repeat(46);
        assertInvalid("1 validation error detected: Value '" + longPoolId + "' at 'userPoolId' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 55",
                () -> driver.describeUserPool(longPoolId));
    }

    @Test
    void enumViolationListsTheModelValues() {
        assertInvalid("1 validation error detected: Value '" + driver.echoOfEnumValue("Maybe") + "' at "
                        + "'feedbackValue' failed to satisfy constraint: Member must satisfy enum value set: [Valid, Invalid]",
                () -> driver.adminUpdateAuthEventFeedback("eu-west-1_abc", "jane", "event-1", "Maybe"));
    }

    @Test
    void rangeViolationsOfMaxResults() {
        PoolView pool = advancedPool();
        assertInvalid("1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 60",
                () -> driver.adminListUserAuthEvents(pool.id(), "jane", 61, null));
        assertInvalid("1 validation error detected: Value '-1' at 'maxResults' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 0",
                () -> driver.adminListUserAuthEvents(pool.id(), "jane", -1, null));
        assertInvalid("1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1",
                () -> driver.listUserPools(0, null));
    }

    @Test
    void everyViolationOfARequestIsReportedInOneMessageInMemberOrder() {
        assertInvalid("4 validation errors detected: "
                        + "Value 'bad id!' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular "
                        + "expression pattern: [\\w-]+_[0-9a-zA-Z]+; "
                        + "Value null at 'username' failed to satisfy constraint: Member must not be null; "
                        + "Value at 'feedbackToken' failed to satisfy constraint: Member must satisfy regular "
                        + "expression pattern: [A-Za-z0-9-_=.]+; "
                        + "Value '" + driver.echoOfEnumValue("maybe") + "' at 'feedbackValue' failed to satisfy "
                        + "constraint: Member must satisfy enum "
                        + "value set: [Valid, Invalid]",
                () -> driver.updateAuthEventFeedback("bad id!", null, "event-1", "not a token!", "maybe"));
    }

    @Test
    void sensitiveMembersNeverEchoTheirValue() {
        String secretName = "secret-" + "x".repeat(130);
        ServiceError error = error(() -> driver.updateAuthEventFeedback(
                "eu-west-1_abc", secretName, "event-1", "token$secret", "Valid"));
        assertThat(error.errorMessage()).isEqualTo("2 validation errors detected: "
                + "Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128; "
                + "Value at 'feedbackToken' failed to satisfy constraint: Member must satisfy regular expression "
                + "pattern: [A-Za-z0-9-_=.]+");
        assertThat(error.errorMessage()).doesNotContain(secretName).doesNotContain("token$secret");
    }

    @Test
    void nestedAndListMembersUseAwsPaths() {
        assertInvalid("1 validation error detected: Value '" + driver.echoOfEnumValue("MAYBE")
                        + "' at 'userPoolAddOns.advancedSecurityMode' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [OFF, AUDIT, ENFORCED]",
                () -> driver.createUserPool("pool", "MAYBE", "PLUS", null, null));
        assertInvalid("1 validation error detected: Value '[email, " + driver.echoOfEnumValue("nickname")
                        + "]' at 'aliasAttributes' failed to satisfy "
                        + "constraint: Member must satisfy constraint: [Member must satisfy enum value set: "
                        + "[phone_number, email, preferred_username]]",
                () -> driver.createUserPool("pool", null, null, List.of("email", "nickname"), null));
        PoolView pool = advancedPool();
        String longName = "n".repeat(33);
        assertInvalid("1 validation error detected: Value '" + longName + "' at 'userAttributes.2.member.name' "
                        + "failed to satisfy constraint: Member must have length less than or equal to 32",
                () -> driver.adminCreateUser(pool.id(), "jane",
                        List.of(new AttributeInput("name", "Jane"), new AttributeInput(longName, "x")), null));
    }

    @Test
    void recordAuthEventValidatesItsMembers() {
        assertInvalid("2 validation errors detected: Value '" + driver.echoOfEnumValue("LogIn")
                        + "' at 'eventType' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [SignIn, SignUp, ForgotPassword, PasswordChange, "
                        + "ResendCode]; Value '" + driver.echoOfEnumValue("Severe")
                        + "' at 'eventRisk.riskLevel' failed to satisfy constraint: Member "
                        + "must satisfy enum value set: [Low, Medium, High]",
                () -> driver.recordAuthEvent("eu-west-1_abc", "jane", "LogIn", null,
                        new EventRiskInput(null, "Severe", null), null, null));
    }

    // ---- check order ----------------------------------------------------------------------------

    @Test
    void validationComesBeforeTheRateLimit() {
        exhaustFeedbackQuota("eu-west-1_none");
        assertThat(error(() -> driver.adminUpdateAuthEventFeedback("eu-west-1_none", "jane", "e1", "Nope")).type())
                .isEqualTo("InvalidParameterException");
    }

    @Test
    void rateLimitComesBeforeThePoolLookupAndLeavesOtherPoolsAlone() {
        PoolView other = advancedPool();
        exhaustFeedbackQuota("eu-west-1_none");
        assertError("TooManyRequestsException", TooManyRequestsException.MESSAGE,
                () -> driver.adminUpdateAuthEventFeedback("eu-west-1_none", "jane", "e1", "Valid"));
        assertThat(error(() -> driver.adminUpdateAuthEventFeedback(other.id(), "jane", "e1", "Valid")).type())
                .isEqualTo("UserNotFoundException");
        refillQuotas();
        assertError("ResourceNotFoundException", "User pool eu-west-1_none does not exist.",
                () -> driver.adminUpdateAuthEventFeedback("eu-west-1_none", "jane", "e1", "Valid"));
    }

    @Test
    void creatingAndListingPoolsCountAgainstTheAccount() {
        PoolView first = driver.createUserPool("pool-0", null, null, null, null);
        for (int i = 1; i < POOL_QUOTA; i++) {
            driver.createUserPool("pool-" + i, null, null, null, null);
        }
        assertError("TooManyRequestsException", TooManyRequestsException.MESSAGE,
                () -> driver.createUserPool("one too many", null, null, null, null));
        for (int i = 0; i < POOL_QUOTA; i++) {
            driver.listUserPools(1, null);
        }
        assertError("TooManyRequestsException", TooManyRequestsException.MESSAGE,
                () -> driver.listUserPools(1, null));
        // a pool's own operations count against the pool, not the account
        assertThat(driver.describeUserPool(first.id()).name()).isEqualTo("pool-0");
        driver.updateUserPool(first.id(), "renamed", null, null);
        refillQuotas();
        assertThat(driver.createUserPool("after a second", null, null, null, null).name()).isEqualTo("after a second");
    }

    @Test
    void anAnonymousFloodLeavesAdminFeedbackAndOtherSourcesWorking() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        user(pool, "mallory");
        Recorded janes = signIn(pool, "jane");
        Recorded mallorys = signIn(pool, "mallory");
        // one source replays a genuine token of its own and sends forged ones, as fast as it can
        int answered = 0;
        for (int i = 0; i < 3 * FEEDBACK_QUOTA; i++) {
            String token = i % 2 == 0 ? mallorys.feedbackToken() : "v1.forged.payload" + i + ".mac";
            ServiceError error = catchThrowableOfType(ServiceError.class, () -> driver.updateAuthEventFeedbackFrom(
                    ATTACKER, pool.id(), "mallory", mallorys.eventId(), token, "Valid"));
            if (error == null || !error.type().equals("TooManyRequestsException")) {
                answered++;
            }
        }
        assertThat(answered).isEqualTo(SOURCE_QUOTA);
        for (int i = 0; i < FEEDBACK_QUOTA; i++) {
            driver.adminUpdateAuthEventFeedback(pool.id(), "jane", janes.eventId(), "Invalid");
        }
        driver.updateAuthEventFeedbackFrom("203.0.113.5", pool.id(), "jane", janes.eventId(), janes.feedbackToken(),
                "Valid");
        assertThat(onlyEvent(pool, "jane").feedback().value()).isEqualTo("Valid");
        assertThat(onlyEvent(pool, "jane").feedback().provider()).isEqualTo("User");
    }

    @Test
    void tokenFeedbackHasAQuotaOfItsOwnPerPoolTakenOnlyByTokensThatHold() {
        PoolView pool = advancedPool();
        PoolView other = advancedPool();
        user(pool, "jane");
        user(other, "jane");
        Recorded event = signIn(pool, "jane");
        Recorded otherEvent = signIn(other, "jane");
        // forged tokens from many sources take nothing from the pool's quota
        for (int i = 0; i < 2 * FEEDBACK_QUOTA; i++) {
            String source = source(i);
            assertError("NotAuthorizedException", INVALID_TOKEN, () -> driver.updateAuthEventFeedbackFrom(
                    source, pool.id(), "jane", event.eventId(), "v1.forged.payload.mac", "Valid"));
        }
        for (int i = 0; i < FEEDBACK_QUOTA; i++) {
            driver.updateAuthEventFeedbackFrom(source(i), pool.id(), "jane", event.eventId(), event.feedbackToken(),
                    "Valid");
        }
        assertError("TooManyRequestsException", TooManyRequestsException.MESSAGE, () -> driver.updateAuthEventFeedbackFrom(
                "192.0.2.200", pool.id(), "jane", event.eventId(), event.feedbackToken(), "Invalid"));
        // neither the administrators nor another pool feel it
        driver.adminUpdateAuthEventFeedback(pool.id(), "jane", event.eventId(), "Invalid");
        driver.updateAuthEventFeedbackFrom("192.0.2.200", other.id(), "jane", otherEvent.eventId(),
                otherEvent.feedbackToken(), "Valid");
        refillQuotas();
        driver.updateAuthEventFeedbackFrom("192.0.2.200", pool.id(), "jane", event.eventId(), event.feedbackToken(),
                "Valid");
        assertThat(onlyEvent(pool, "jane").feedback().provider()).isEqualTo("User");
    }

    @Test
    void refusedTokensSlowTheirSourceDown() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        Recorded event = signIn(pool, "jane");
        for (int i = 0; i < REFUSALS_ALLOWED; i++) {
            // a second apart, so that the source's rate is never what stops it
            quotaNanos.addAndGet(Duration.ofSeconds(1).toNanos());
            String forged = i % 2 == 0 ? event.feedbackToken() + "x" : event.feedbackToken();
            String eventId = i % 2 == 0 ? event.eventId() : "another-event";
            assertError("NotAuthorizedException", INVALID_TOKEN, () -> driver.updateAuthEventFeedbackFrom(
                    ATTACKER, pool.id(), "jane", eventId, forged, "Valid"));
        }
        // even a genuine token waits now, and so does a pool that does not exist: nothing is looked at
        assertError("TooManyRequestsException", TooManyRequestsException.MESSAGE, () -> driver.updateAuthEventFeedbackFrom(
                ATTACKER, pool.id(), "jane", event.eventId(), event.feedbackToken(), "Valid"));
        assertError("TooManyRequestsException", TooManyRequestsException.MESSAGE, () -> driver.updateAuthEventFeedbackFrom(
                ATTACKER, "eu-west-1_none", "jane", event.eventId(), event.feedbackToken(), "Valid"));
        driver.updateAuthEventFeedbackFrom("203.0.113.5", pool.id(), "jane", event.eventId(), event.feedbackToken(),
                "Invalid");
        refillQuotas();
        driver.updateAuthEventFeedbackFrom(ATTACKER, pool.id(), "jane", event.eventId(), event.feedbackToken(),
                "Valid");
        assertThat(onlyEvent(pool, "jane").feedback().value()).isEqualTo("Valid");
    }

    @Test
    void anIpv6SourceCountsByItsSlash64() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        Recorded event = signIn(pool, "jane");
        for (int i = 0; i < SOURCE_QUOTA; i++) {
            driver.updateAuthEventFeedbackFrom("2001:db8:1:2::" + Integer.toHexString(i + 1), pool.id(), "jane",
                    event.eventId(), event.feedbackToken(), "Valid");
        }
        assertError("TooManyRequestsException", TooManyRequestsException.MESSAGE, () -> driver.updateAuthEventFeedbackFrom(
                "2001:db8:1:2:ffff::99", pool.id(), "jane", event.eventId(), event.feedbackToken(), "Valid"));
        driver.updateAuthEventFeedbackFrom("2001:db8:1:3::1", pool.id(), "jane", event.eventId(),
                event.feedbackToken(), "Invalid");
        assertThat(onlyEvent(pool, "jane").feedback().value()).isEqualTo("Invalid");
    }

    /** A distinct documentation address (TEST-NET-2) per {@code i}. */
    private static String source(int i) {
        return "198.51.100." + (i + 1);
    }

    @Test
    void unknownPoolIsResourceNotFound() {
        assertError("ResourceNotFoundException", "User pool eu-west-1_missing1 does not exist.",
                () -> driver.updateAuthEventFeedback("eu-west-1_missing1", "jane", "e1", "abc", "Valid"));
        assertError("ResourceNotFoundException", "User pool eu-west-1_missing1 does not exist.",
                () -> driver.adminListUserAuthEvents("eu-west-1_missing1", "jane", null, null));
    }

    @Test
    void poolWithoutTheAddOnRejectsFeedbackBeforeLookingAtTheToken() {
        PoolView pool = driver.createUserPool("plain", null, null, null, null);
        user(pool, "jane");
        String message = "Advanced security features are not enabled for user pool " + pool.id() + ".";
        assertError("UserPoolAddOnNotEnabledException", message,
                () -> driver.updateAuthEventFeedback(pool.id(), "jane", "e1", "garbage", "Valid"));
        assertError("UserPoolAddOnNotEnabledException", message,
                () -> driver.adminUpdateAuthEventFeedback(pool.id(), "jane", "e1", "Valid"));
        assertError("UserPoolAddOnNotEnabledException", message,
                () -> driver.adminListUserAuthEvents(pool.id(), "jane", null, null));
        assertError("UserPoolAddOnNotEnabledException", message, () -> signIn(pool, "jane"));
    }

    @Test
    void auditModeCountsAsEnabled() {
        PoolView pool = driver.createUserPool("audit", "AUDIT", "PLUS", null, null);
        user(pool, "jane");
        Recorded event = signIn(pool, "jane");
        driver.updateAuthEventFeedback(pool.id(), "jane", event.eventId(), event.feedbackToken(), "Valid");
        assertThat(onlyEvent(pool, "jane").feedback().value()).isEqualTo("Valid");
    }

    @Test
    void tokenIsCheckedBeforeTheUsername() {
        PoolView pool = advancedPool();
        assertError("NotAuthorizedException", INVALID_TOKEN,
                () -> driver.updateAuthEventFeedback(pool.id(), "nobody", "e1", "v1.abc.def.ghi", "Valid"));
    }

    @Test
    void userIsResolvedBeforeTheEvent() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        assertError("UserNotFoundException", USER_NOT_FOUND,
                () -> driver.adminUpdateAuthEventFeedback(pool.id(), "nobody", "no-such-event", "Valid"));
        assertError("ResourceNotFoundException", "Auth event no-such-event does not exist.",
                () -> driver.adminUpdateAuthEventFeedback(pool.id(), "jane", "no-such-event", "Valid"));
    }

    @Test
    void aValidTokenForAnUnknownUsernameIsUserNotFound() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        Recorded event = signIn(pool, "jane");
        assertError("UserNotFoundException", USER_NOT_FOUND, () -> driver.updateAuthEventFeedback(
                pool.id(), "nobody", event.eventId(), event.feedbackToken(), "Valid"));
    }

    // ---- feedback tokens ------------------------------------------------------------------------

    @Test
    void recordedEventCarriesAnOpaqueTokenOfTheModelAlphabet() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        Recorded event = signIn(pool, "jane");
        assertThat(event.eventId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(event.feedbackToken()).matches("[A-Za-z0-9-_=.]+").doesNotContain("jane");
    }

    @Test
    void tamperedTokensAreAllRejectedWithTheOneMessage() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        Recorded event = signIn(pool, "jane");
        String token = event.feedbackToken();
        List<String> forgeries = new ArrayList<>();
        for (int i = 0; i < token.length(); i += 7) {
            char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
            forgeries.add(token.substring(0, i) + replacement + token.substring(i + 1));
        }
        forgeries.add(token.substring(0, token.length() - 1));
        forgeries.add(token + "A");
        forgeries.add(token.replace('.', '-'));
        forgeries.add("v2" + token.substring(2));
        // the same bytes, re-encoded: base64url with padding (still the token alphabet)
        String[] parts = token.split("\\.");
        java.util.Base64.Encoder padded = java.util.Base64.getUrlEncoder();
        forgeries.add(parts[0] + "." + parts[1] + "." + parts[2] + "."
                + padded.encodeToString(java.util.Base64.getUrlDecoder().decode(parts[3])));
        String paddedPayload = padded.encodeToString(java.util.Base64.getUrlDecoder().decode(parts[2]));
        if (!paddedPayload.equals(parts[2])) {
            forgeries.add(parts[0] + "." + parts[1] + "." + paddedPayload + "." + parts[3]);
        }
        for (String forged : forgeries) {
            refillQuotas();
            assertError("NotAuthorizedException", INVALID_TOKEN, () -> driver.updateAuthEventFeedback(
                    pool.id(), "jane", event.eventId(), forged, "Invalid"));
        }
        assertThat(onlyEvent(pool, "jane").feedback()).isNull();
    }

    @Test
    void aRotatedKeySignsNewTokensAndTheOldOnesWorkUntilTheyExpire() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        Recorded before = signIn(pool, "jane");
        clock.advance(Duration.ofDays(1));
        RotatedView rotated = driver.rotateFeedbackTokenKey(pool.id());
        assertThat(rotated.keyId()).isNotEqualTo(keyIdOf(before.feedbackToken()));
        // a token's lifetime and the keys' cache time: servers sharing a store learn of it by then
        assertThat(rotated.previousKeyRetiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7))
                .plusSeconds(5));
        Recorded after = signIn(pool, "jane");
        assertThat(keyIdOf(after.feedbackToken())).isEqualTo(rotated.keyId());

        driver.updateAuthEventFeedback(pool.id(), "jane", before.eventId(), before.feedbackToken(), "Valid");
        driver.updateAuthEventFeedback(pool.id(), "jane", after.eventId(), after.feedbackToken(), "Invalid");
        clock.advance(Duration.ofDays(6).minusSeconds(1));
        driver.updateAuthEventFeedback(pool.id(), "jane", before.eventId(), before.feedbackToken(), "Invalid");
        clock.advance(Duration.ofSeconds(1));
        assertError("NotAuthorizedException", INVALID_TOKEN, () -> driver.updateAuthEventFeedback(
                pool.id(), "jane", before.eventId(), before.feedbackToken(), "Valid"));
        driver.updateAuthEventFeedback(pool.id(), "jane", after.eventId(), after.feedbackToken(), "Valid");
    }

    @Test
    void aKeyRotatedTwiceStillVerifiesItsTokens() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        Recorded first = signIn(pool, "jane");
        driver.rotateFeedbackTokenKey(pool.id());
        Recorded second = signIn(pool, "jane");
        driver.rotateFeedbackTokenKey(pool.id());
        driver.updateAuthEventFeedback(pool.id(), "jane", first.eventId(), first.feedbackToken(), "Valid");
        driver.updateAuthEventFeedback(pool.id(), "jane", second.eventId(), second.feedbackToken(), "Valid");
    }

    @Test
    void rotatingNeedsAnExistingPoolAndNotThreatProtection() {
        assertInvalid("1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: "
                + "Member must not be null", () -> driver.rotateFeedbackTokenKey(null));
        assertError("ResourceNotFoundException", "User pool eu-west-1_missing1 does not exist.",
                () -> driver.rotateFeedbackTokenKey("eu-west-1_missing1"));
        PoolView plain = driver.createUserPool("plain", null, null, null, null);
        assertThat(driver.rotateFeedbackTokenKey(plain.id()).keyId()).isNotBlank();
    }

    /** The key id a token carries: {@code v1.<keyId>.<payload>.<mac>}. */
    private static String keyIdOf(String token) {
        return token.split("\\.")[1];
    }

    @Test
    void tokenExpiresAfterItsLifetime() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        Recorded event = signIn(pool, "jane");
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        driver.updateAuthEventFeedback(pool.id(), "jane", event.eventId(), event.feedbackToken(), "Valid");
        clock.advance(Duration.ofSeconds(1));
        assertError("NotAuthorizedException", INVALID_TOKEN, () -> driver.updateAuthEventFeedback(
                pool.id(), "jane", event.eventId(), event.feedbackToken(), "Invalid"));
        assertThat(onlyEvent(pool, "jane").feedback().value()).isEqualTo("Valid");
    }

    @Test
    void tokenOfAnotherPoolIsRejected() {
        PoolView pool = advancedPool();
        PoolView otherPool = advancedPool();
        user(pool, "jane");
        user(otherPool, "jane");
        Recorded event = signIn(pool, "jane");
        Recorded otherEvent = signIn(otherPool, "jane");
        assertError("NotAuthorizedException", INVALID_TOKEN, () -> driver.updateAuthEventFeedback(
                otherPool.id(), "jane", event.eventId(), event.feedbackToken(), "Valid"));
        assertError("NotAuthorizedException", INVALID_TOKEN, () -> driver.updateAuthEventFeedback(
                otherPool.id(), "jane", otherEvent.eventId(), event.feedbackToken(), "Valid"));
    }

    @Test
    void tokenOfAnotherEventIsRejected() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        Recorded first = signIn(pool, "jane");
        Recorded second = signIn(pool, "jane");
        assertError("NotAuthorizedException", INVALID_TOKEN, () -> driver.updateAuthEventFeedback(
                pool.id(), "jane", second.eventId(), first.feedbackToken(), "Invalid"));
        assertThat(event(pool, "jane", second.eventId()).feedback()).isNull();
    }

    @Test
    void tokenOfAnotherUserIsRejected() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        user(pool, "john");
        Recorded janes = signIn(pool, "jane");
        assertError("NotAuthorizedException", INVALID_TOKEN, () -> driver.updateAuthEventFeedback(
                pool.id(), "john", janes.eventId(), janes.feedbackToken(), "Invalid"));
        assertThat(onlyEvent(pool, "jane").feedback()).isNull();
    }

    @Test
    void tokenOutlivesNothingItNames() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        Recorded event = signIn(pool, "jane");
        driver.adminDeleteUser(pool.id(), "jane");
        user(pool, "jane");
        assertError("NotAuthorizedException", INVALID_TOKEN, () -> driver.updateAuthEventFeedback(
                pool.id(), "jane", event.eventId(), event.feedbackToken(), "Invalid"));
    }

    // ---- feedback -------------------------------------------------------------------------------

    @Test
    void userFeedbackIsStoredWithProviderUserAndTheDate() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        Recorded event = signIn(pool, "jane");
        clock.advance(Duration.ofMinutes(5));
        driver.updateAuthEventFeedback(pool.id(), "jane", event.eventId(), event.feedbackToken(), "Invalid");
        Views.FeedbackView feedback = onlyEvent(pool, "jane").feedback();
        assertThat(feedback.value()).isEqualTo("Invalid");
        assertThat(feedback.provider()).isEqualTo("User");
        assertThat(feedback.date()).isEqualTo(clock.instant());
    }

    @Test
    void adminFeedbackIsStoredWithProviderAdmin() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        Recorded event = signIn(pool, "jane");
        driver.adminUpdateAuthEventFeedback(pool.id(), "jane", event.eventId(), "Valid");
        Views.FeedbackView feedback = onlyEvent(pool, "jane").feedback();
        assertThat(feedback.value()).isEqualTo("Valid");
        assertThat(feedback.provider()).isEqualTo("Admin");
        assertThat(feedback.date()).isEqualTo(clock.instant());
    }

    @Test
    void laterFeedbackReplacesEarlierFeedback() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        Recorded event = signIn(pool, "jane");
        driver.adminUpdateAuthEventFeedback(pool.id(), "jane", event.eventId(), "Valid");
        clock.advance(Duration.ofHours(1));
        driver.updateAuthEventFeedback(pool.id(), "jane", event.eventId(), event.feedbackToken(), "Invalid");
        assertThat(onlyEvent(pool, "jane").feedback())
                .isEqualTo(new Views.FeedbackView("Invalid", "User", clock.instant()));
        clock.advance(Duration.ofHours(1));
        driver.adminUpdateAuthEventFeedback(pool.id(), "jane", event.eventId(), "Valid");
        assertThat(onlyEvent(pool, "jane").feedback())
                .isEqualTo(new Views.FeedbackView("Valid", "Admin", clock.instant()));
    }

    @Test
    void theRiskListenerHearsOfEveryStoredFeedback() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        Recorded event = signIn(pool, "jane");
        driver.adminUpdateAuthEventFeedback(pool.id(), "jane", event.eventId(), "Invalid");
        assertThat(riskNotifications).hasSize(1);
        AuthEvent notified = riskNotifications.get(0).event();
        assertThat(notified.poolId()).isEqualTo(pool.id());
        assertThat(notified.eventId()).isEqualTo(event.eventId());
        assertThat(notified.feedback()).map(EventFeedback::provider).contains(FeedbackProvider.ADMIN);
    }

    @Test
    void aFailingRiskListenerLeavesTheFeedbackStoredAndTheCallerAnswered() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        Recorded event = signIn(pool, "jane");
        riskListenerFails.set(true);
        driver.updateAuthEventFeedback(pool.id(), "jane", event.eventId(), event.feedbackToken(), "Invalid");
        assertThat(riskNotifications).hasSize(1);
        assertThat(onlyEvent(pool, "jane").feedback()).isEqualTo(
                new Views.FeedbackView("Invalid", "User", clock.instant()));
    }

    @Test
    void aFailingStoreIsAnInternalErrorWithAGenericMessage() throws Exception {
        Stores healthy = newStores();
        AuthEventStore failing = (AuthEventStore) java.lang.reflect.Proxy.newProxyInstance(
                AuthEventStore.class.getClassLoader(), new Class<?>[] {AuthEventStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("recordFeedback")) {
                        throw new IllegalStateException("disk on fire at /var/secret/path");
                    }
                    try {
                        return method.invoke(healthy.authEvents(), args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (OperationDriver broken = driverFor(newService(
                new Stores(healthy.userPools(), healthy.users(), failing, healthy.riskConfigurations(),
                        healthy.riskModel(), healthy.tokenSigningKeys(), healthy.notifications(), healthy.blocking(), healthy.health())))) {
            PoolView pool = broken.createUserPool("p", "ENFORCED", "PLUS", null, null);
            broken.adminCreateUser(pool.id(), "jane", List.of(), null);
            Recorded event = broken.recordAuthEvent(pool.id(), "jane", "SignIn", null, null, null, null);
            ServiceError error = error(() -> broken.adminUpdateAuthEventFeedback(
                    pool.id(), "jane", event.eventId(), "Valid"));
            assertThat(error.type()).isEqualTo("InternalErrorException");
            assertThat(error.errorMessage()).isEqualTo("Internal server error.").doesNotContain("secret");
            // the service keeps serving
            assertThat(broken.adminListUserAuthEvents(pool.id(), "jane", null, null).items()).hasSize(1);
        }
    }

    // ---- risk configuration ---------------------------------------------------------------------

    private static final String SES_ARN = "arn:aws:ses:eu-west-1:123456789012:identity/security@example.com";

    private static SetRiskConfigurationCommand.AccountTakeoverInput takeover(String low, String medium, String high) {
        return new SetRiskConfigurationCommand.AccountTakeoverInput(null, new SetRiskConfigurationCommand.ActionsInput(
                low == null ? null : new SetRiskConfigurationCommand.LevelActionInput(false, low),
                medium == null ? null : new SetRiskConfigurationCommand.LevelActionInput(false, medium),
                high == null ? null : new SetRiskConfigurationCommand.LevelActionInput(true, high)));
    }

    private static RiskConfiguration.LevelAction level(boolean notify, AccountTakeoverEventAction action) {
        return new RiskConfiguration.LevelAction(notify, action);
    }

    @Test
    void aPoolNeverConfiguredHasTheDefaultRiskConfiguration() {
        PoolView pool = advancedPool();
        RiskConfiguration described = driver.describeRiskConfiguration(pool.id(), null);
        assertThat(described).isEqualTo(RiskConfiguration.defaults(pool.id()));
        assertThat(described.lastModifiedDate()).isNull();
        assertThat(described.accountTakeover().highAction()).isEqualTo(level(false, AccountTakeoverEventAction.BLOCK));
    }

    @Test
    void aRiskConfigurationIsStoredWholeAndDescribedAsStored() {
        PoolView pool = advancedPool();
        clock.advance(Duration.ofMinutes(5));
        SetRiskConfigurationCommand.NotifyEmailInput block = new SetRiskConfigurationCommand.NotifyEmailInput(
                "Blocked sign-in attempt", "<p>We blocked a sign-in from {ip-address}.</p>",
                "We blocked a sign-in from {ip-address}.");
        RiskConfiguration answered = driver.setRiskConfiguration(pool.id(), null,
                new SetRiskConfigurationCommand.CompromisedCredentialsInput(List.of("SIGN_IN", "SIGN_UP"),
                        new SetRiskConfigurationCommand.CompromisedCredentialsActionsInput("NO_ACTION")),
                new SetRiskConfigurationCommand.AccountTakeoverInput(
                        new SetRiskConfigurationCommand.NotifyInput("security@example.com", null, SES_ARN, block,
                                null, new SetRiskConfigurationCommand.NotifyEmailInput("New sign-in", null,
                                        "Confirm it was you: {one-click-link-valid}")),
                        new SetRiskConfigurationCommand.ActionsInput(null,
                                new SetRiskConfigurationCommand.LevelActionInput(true, "MFA_REQUIRED"),
                                new SetRiskConfigurationCommand.LevelActionInput(true, "BLOCK"))),
                new SetRiskConfigurationCommand.RiskExceptionsInput(List.of("203.0.113.0/24", "2001:db8::/32"),
                        List.of("198.51.100.7")));
        RiskConfiguration expected = new RiskConfiguration(pool.id(), null,
                new RiskConfiguration.CompromisedCredentials(List.of(EventFilter.SIGN_IN, EventFilter.SIGN_UP),
                        CompromisedCredentialsEventAction.NO_ACTION),
                new RiskConfiguration.AccountTakeover(new RiskConfiguration.Notify("security@example.com", null, SES_ARN,
                        new RiskConfiguration.NotifyEmail(block.subject(), block.htmlBody(), block.textBody()), null,
                        new RiskConfiguration.NotifyEmail("New sign-in", null,
                                "Confirm it was you: {one-click-link-valid}")),
                        null, level(true, AccountTakeoverEventAction.MFA_REQUIRED),
                        level(true, AccountTakeoverEventAction.BLOCK)),
                new RiskConfiguration.RiskExceptions(List.of("203.0.113.0/24", "2001:db8::/32"),
                        List.of("198.51.100.7")),
                clock.instant());
        assertThat(answered).isEqualTo(expected);
        assertThat(driver.describeRiskConfiguration(pool.id(), null)).isEqualTo(expected);
    }

    @Test
    void anEmptyEventFilterMeansEveryEvent() {
        PoolView pool = advancedPool();
        RiskConfiguration answered = driver.setRiskConfiguration(pool.id(), null,
                new SetRiskConfigurationCommand.CompromisedCredentialsInput(null,
                        new SetRiskConfigurationCommand.CompromisedCredentialsActionsInput("BLOCK")), null, null);
        assertThat(answered.compromisedCredentials().eventFilter()).containsExactly(EventFilter.values());
        assertThat(answered.accountTakeover()).isNull();
        assertThat(answered.riskExceptions()).isNull();
    }

    @Test
    void aClientsConfigurationOverridesThePoolsUntilItIsReset() {
        PoolView pool = advancedPool();
        RiskConfiguration poolOwn = driver.setRiskConfiguration(pool.id(), null, null,
                takeover("NO_ACTION", "NO_ACTION", "MFA_IF_CONFIGURED"), null);
        RiskConfiguration clientOwn = driver.setRiskConfiguration(pool.id(), "strictclient1", null,
                takeover("MFA_REQUIRED", "BLOCK", "BLOCK"), null);
        assertThat(clientOwn.clientId()).isEqualTo("strictclient1");
        assertThat(driver.describeRiskConfiguration(pool.id(), "strictclient1")).isEqualTo(clientOwn);
        // a client without a configuration of its own has the pool's
        assertThat(driver.describeRiskConfiguration(pool.id(), "otherclient2")).isEqualTo(poolOwn);
        assertThat(driver.describeRiskConfiguration(pool.id(), null)).isEqualTo(poolOwn);
        // UserPoolId and ClientId only: the client inherits again, and the answer says what applies now
        assertThat(driver.setRiskConfiguration(pool.id(), "strictclient1", null, null, null)).isEqualTo(poolOwn);
        assertThat(driver.describeRiskConfiguration(pool.id(), "strictclient1")).isEqualTo(poolOwn);
    }

    @Test
    void onlyTheUserPoolIdResetsThePoolToTheDefaults() {
        PoolView pool = advancedPool();
        driver.setRiskConfiguration(pool.id(), null, null, takeover("BLOCK", "BLOCK", "BLOCK"), null);
        assertThat(driver.setRiskConfiguration(pool.id(), null, null, null, null))
                .isEqualTo(RiskConfiguration.defaults(pool.id()));
        assertThat(driver.describeRiskConfiguration(pool.id(), null)).isEqualTo(RiskConfiguration.defaults(pool.id()));
    }

    @Test
    void riskConfigurationsGoWithTheirPool() {
        PoolView pool = advancedPool();
        driver.setRiskConfiguration(pool.id(), null, null, takeover("BLOCK", "BLOCK", "BLOCK"), null);
        driver.setRiskConfiguration(pool.id(), "client1", null, takeover("BLOCK", "BLOCK", "BLOCK"), null);
        driver.deleteUserPool(pool.id());
        assertThat(stores.riskConfigurations().find(pool.id(), null)).isEmpty();
        assertThat(stores.riskConfigurations().find(pool.id(), "client1")).isEmpty();
        String gone = "User pool " + pool.id() + " does not exist.";
        assertError("ResourceNotFoundException", gone, () -> driver.describeRiskConfiguration(pool.id(), null));
        assertError("ResourceNotFoundException", gone, () -> driver.setRiskConfiguration(pool.id(), null, null,
                takeover("BLOCK", null, null), null));
    }

    @Test
    void riskConfigurationMembersAreValidatedWithTheirPaths() {
        PoolView pool = advancedPool();
        assertInvalid("3 validation errors detected: "
                        + "Value null at 'compromisedCredentialsRiskConfiguration.actions' failed to satisfy constraint: "
                        + "Member must not be null; "
                        + "Value null at 'accountTakeoverRiskConfiguration.notifyConfiguration.sourceArn' failed to "
                        + "satisfy constraint: Member must not be null; "
                        + "Value null at 'accountTakeoverRiskConfiguration.actions.highAction.notify' failed to "
                        + "satisfy constraint: Member must not be null",
                () -> driver.setRiskConfiguration(pool.id(), null,
                        new SetRiskConfigurationCommand.CompromisedCredentialsInput(List.of("SIGN_IN"), null),
                        new SetRiskConfigurationCommand.AccountTakeoverInput(
                                new SetRiskConfigurationCommand.NotifyInput("a@example.com", null, null, null, null,
                                        null),
                                new SetRiskConfigurationCommand.ActionsInput(null, null,
                                        new SetRiskConfigurationCommand.LevelActionInput(null, "BLOCK"))),
                        null));
        assertInvalid("1 validation error detected: Value '" + driver.echoOfEnumValue("SOMETIMES") + "' at "
                        + "'accountTakeoverRiskConfiguration.actions.lowAction.eventAction' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [BLOCK, MFA_IF_CONFIGURED, MFA_REQUIRED, "
                        + "NO_ACTION]",
                () -> driver.setRiskConfiguration(pool.id(), null, null, takeover("SOMETIMES", null, null), null));
        assertInvalid("1 validation error detected: Value null at 'accountTakeoverRiskConfiguration.actions' failed "
                        + "to satisfy constraint: Member must not be null",
                () -> driver.setRiskConfiguration(pool.id(), null, null,
                        new SetRiskConfigurationCommand.AccountTakeoverInput(null, null), null));
        assertInvalid("1 validation error detected: Value at 'clientId' failed to satisfy constraint: Member must "
                        + "satisfy regular expression pattern: [\\w+]+",
                () -> driver.describeRiskConfiguration(pool.id(), "not a client!"));
    }

    @Test
    void notificationSettingsHaveTheModelsConstraints() {
        PoolView pool = advancedPool();
        String longSubject = "s".repeat(141);
        String path = "accountTakeoverRiskConfiguration.notifyConfiguration.";
        assertInvalid("3 validation errors detected: Value 'not-an-arn-at-all-xx' at '" + path + "sourceArn' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: "
                        + Shapes.ARN.pattern().pattern() + "; "
                        + "Value '" + longSubject + "' at '" + path + "blockEmail.subject' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 140; "
                        + "Value 'short' at '" + path + "blockEmail.htmlBody' failed to satisfy constraint: Member must "
                        + "have length greater than or equal to 6",
                () -> driver.setRiskConfiguration(pool.id(), null, null,
                        new SetRiskConfigurationCommand.AccountTakeoverInput(
                                new SetRiskConfigurationCommand.NotifyInput(null, null, "not-an-arn-at-all-xx",
                                        new SetRiskConfigurationCommand.NotifyEmailInput(longSubject, "short", null),
                                        null, null),
                                new SetRiskConfigurationCommand.ActionsInput(null, null, null)),
                        null));
    }

    @Test
    void ipRangesMustBeCidrBlocksAndAtMost200() {
        PoolView pool = advancedPool();
        assertInvalid("2 validation errors detected: Value '10.0.0.0/33' at "
                        + "'riskExceptionConfiguration.blockedIPRangeList.2.member' failed to satisfy constraint: "
                        + "Member must be an IPv4 or IPv6 CIDR block; Value 'localhost' at "
                        + "'riskExceptionConfiguration.skippedIPRangeList.1.member' failed to satisfy constraint: "
                        + "Member must be an IPv4 or IPv6 CIDR block",
                () -> driver.setRiskConfiguration(pool.id(), null, null, null,
                        new SetRiskConfigurationCommand.RiskExceptionsInput(List.of("10.0.0.0/8", "10.0.0.0/33"),
                                List.of("localhost"))));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add("10.0." + (i / 256) + "." + (i % 256));
        }
        ServiceError tooMany = error(() -> driver.setRiskConfiguration(pool.id(), null, null, null,
                new SetRiskConfigurationCommand.RiskExceptionsInput(many, null)));
        assertThat(tooMany.type()).isEqualTo("InvalidParameterException");
        assertThat(tooMany.errorMessage()).startsWith("1 validation error detected: Value '[10.0.0.0, ")
                .endsWith("' at 'riskExceptionConfiguration.blockedIPRangeList' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 200");
        assertThat(driver.setRiskConfiguration(pool.id(), null, null, null,
                new SetRiskConfigurationCommand.RiskExceptionsInput(many.subList(0, 200), List.of("::1/128")))
                .riskExceptions().blockedIpRanges()).hasSize(200);
        assertThat(driver.setRiskConfiguration(pool.id(), null, null, null,
                new SetRiskConfigurationCommand.RiskExceptionsInput(null, List.of("::1/128"))).riskExceptions())
                .isEqualTo(new RiskConfiguration.RiskExceptions(List.of(), List.of("::1/128")));
    }

    // ---- username resolution --------------------------------------------------------------------

    @Test
    void verifiedEmailAliasResolvesTheUser() {
        PoolView pool = advancedPool("email");
        user(pool, "jane", new AttributeInput("email", "jane@example.com"),
                new AttributeInput("email_verified", "true"));
        Recorded event = signIn(pool, "jane@example.com");
        driver.updateAuthEventFeedback(pool.id(), "jane@example.com", event.eventId(), event.feedbackToken(), "Valid");
        assertThat(onlyEvent(pool, "jane").feedback().value()).isEqualTo("Valid");
        assertThat(driver.adminGetUser(pool.id(), "jane@example.com").username()).isEqualTo("jane");
    }

    @Test
    void unverifiedEmailIsNoAlias() {
        PoolView pool = advancedPool("email");
        user(pool, "jane", new AttributeInput("email", "jane@example.com"),
                new AttributeInput("email_verified", "false"));
        assertError("UserNotFoundException", USER_NOT_FOUND, () -> signIn(pool, "jane@example.com"));
    }

    @Test
    void verifiedPhoneAndPreferredUsernameAliasesResolve() {
        PoolView pool = advancedPool("phone_number", "preferred_username");
        user(pool, "jane", new AttributeInput("phone_number", "+15555550100"),
                new AttributeInput("phone_number_verified", "true"), new AttributeInput("preferred_username", "jd"));
        assertThat(driver.adminGetUser(pool.id(), "+15555550100").username()).isEqualTo("jane");
        assertThat(driver.adminGetUser(pool.id(), "jd").username()).isEqualTo("jane");
    }

    @Test
    void anAliasOnlyCountsForTheAttributesThePoolNames() {
        PoolView pool = advancedPool();
        user(pool, "jane", new AttributeInput("email", "jane@example.com"),
                new AttributeInput("email_verified", "true"));
        assertError("UserNotFoundException", USER_NOT_FOUND, () -> driver.adminGetUser(pool.id(), "jane@example.com"));
    }

    @Test
    void subResolvesTheUser() {
        PoolView pool = advancedPool();
        UserView jane = user(pool, "jane");
        String sub = jane.attributes().get("sub");
        assertThat(sub).matches("[0-9a-f-]{36}");
        Recorded event = signIn(pool, sub);
        driver.updateAuthEventFeedback(pool.id(), sub, event.eventId(), event.feedbackToken(), "Valid");
        assertThat(onlyEvent(pool, "jane").feedback().provider()).isEqualTo("User");
    }

    @Test
    void usernameWinsOverAnotherUsersAlias() {
        PoolView pool = advancedPool("preferred_username");
        user(pool, "jane", new AttributeInput("preferred_username", "john"));
        user(pool, "john");
        assertThat(driver.adminGetUser(pool.id(), "john").username()).isEqualTo("john");
    }

    @Test
    void aTakenAliasIsNamedByItsAttribute() {
        PoolView pool = advancedPool("email", "phone_number");
        AttributeInput phone = new AttributeInput("phone_number", "+15555550199");
        AttributeInput phoneVerified = new AttributeInput("phone_number_verified", "true");
        user(pool, "jane", new AttributeInput("email", "jane@example.com"),
                new AttributeInput("email_verified", "true"), phone, phoneVerified);
        // john's email is free, his phone number is jane's: the message names the phone number
        assertError("AliasExistsException", "An account with the given phone_number already exists.",
                () -> user(pool, "john", new AttributeInput("email", "john@example.com"),
                        new AttributeInput("email_verified", "true"), phone, phoneVerified));
    }

    @Test
    void anAliasBelongsToOneUserAtATime() {
        PoolView pool = advancedPool("email");
        AttributeInput email = new AttributeInput("email", "shared@example.com");
        AttributeInput verified = new AttributeInput("email_verified", "true");
        user(pool, "jane", email, verified);
        assertError("AliasExistsException", "An account with the given email already exists.",
                () -> user(pool, "john", email, verified));
        driver.adminCreateUser(pool.id(), "john", List.of(email, verified), true);
        assertThat(driver.adminGetUser(pool.id(), "shared@example.com").username()).isEqualTo("john");
        assertThat(driver.adminGetUser(pool.id(), "jane").attributes()).containsEntry("email", "shared@example.com");
    }

    @Test
    void usernameAttributesPoolStoresTheEmailAndNamesTheUserBySub() {
        PoolView pool = driver.createUserPool("by-email", "ENFORCED", "PLUS", null, List.of("email"));
        UserView created = driver.adminCreateUser(pool.id(), "jane@example.com", List.of(), null);
        assertThat(created.username()).isEqualTo(created.attributes().get("sub"));
        assertThat(created.attributes()).containsEntry("email", "jane@example.com");
        Recorded event = signIn(pool, "jane@example.com");
        driver.updateAuthEventFeedback(pool.id(), "jane@example.com", event.eventId(), event.feedbackToken(), "Valid");
        assertThat(onlyEvent(pool, created.username()).feedback().value()).isEqualTo("Valid");
        assertError("UsernameExistsException", "An account with the given email already exists.",
                () -> driver.adminCreateUser(pool.id(), "jane@example.com", List.of(), null));
        assertInvalid("Username should be an email.",
                () -> driver.adminCreateUser(pool.id(), "jane", List.of(), null));
    }

    @Test
    void usernameAttributesTakeTheUsernameAsTheAttributeItMatches() {
        PoolView byPhone = driver.createUserPool("by-phone", null, null, null, List.of("phone_number"));
        assertThat(driver.adminCreateUser(byPhone.id(), "+15555550123", List.of(), null).attributes())
                .containsEntry("phone_number", "+15555550123").doesNotContainKey("email");
        assertInvalid("Username should be a phone number.",
                () -> driver.adminCreateUser(byPhone.id(), "jane@example.com", List.of(), null));
        PoolView byEither = driver.createUserPool("by-either", null, null, null, List.of("email", "phone_number"));
        assertThat(driver.adminCreateUser(byEither.id(), "+15555550124", List.of(), null).attributes())
                .containsEntry("phone_number", "+15555550124").doesNotContainKey("email");
        assertThat(driver.adminCreateUser(byEither.id(), "ann@example.com", List.of(), null).attributes())
                .containsEntry("email", "ann@example.com").doesNotContainKey("phone_number");
        assertInvalid("Username should be either an email or a phone number.",
                () -> driver.adminCreateUser(byEither.id(), "jane", List.of(), null));
    }

    @Test
    void usernamesThatLookLikeAnAliasAreRefusedInAliasPools() {
        PoolView pool = advancedPool("email", "phone_number");
        assertInvalid("Username cannot be of email format, since user pool is configured for email alias.",
                () -> user(pool, "jane@example.com"));
        assertInvalid("Username cannot be of phone number format, since user pool is configured for phone number alias.",
                () -> user(pool, "+15555550100"));
    }

    // ---- users ----------------------------------------------------------------------------------

    @Test
    void createdUserHasSubFirstAndCognitoDefaults() {
        PoolView pool = advancedPool();
        UserView jane = user(pool, "jane", new AttributeInput("name", "Jane Doe"));
        assertThat(jane.username()).isEqualTo("jane");
        assertThat(new ArrayList<>(jane.attributes().keySet())).containsExactly("sub", "name");
        assertThat(jane.enabled()).isTrue();
        assertThat(jane.status()).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(jane.createDate()).isEqualTo(clock.instant());
        assertThat(driver.adminGetUser(pool.id(), "jane")).isEqualTo(jane);
    }

    @Test
    void duplicateUsernameIsRefused() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        assertError("UsernameExistsException", "User account already exists", () -> user(pool, "jane"));
    }

    @Test
    void subCannotBeGiven() {
        PoolView pool = advancedPool();
        assertInvalid("Cannot modify the non-mutable attribute sub",
                () -> user(pool, "jane", new AttributeInput("sub", "mine")));
    }

    @Test
    void deletingAUserDeletesItsEvents() {
        PoolView pool = advancedPool();
        String sub = user(pool, "jane").attributes().get("sub");
        Recorded event = signIn(pool, "jane");
        assertThat(stores.authEvents().find(pool.id(), sub, event.eventId())).isPresent();
        driver.adminDeleteUser(pool.id(), "jane");
        assertError("UserNotFoundException", USER_NOT_FOUND, () -> driver.adminGetUser(pool.id(), "jane"));
        assertError("UserNotFoundException", USER_NOT_FOUND, () -> driver.adminDeleteUser(pool.id(), "jane"));
        // the events are gone from the store, not only out of reach of a username
        assertThat(stores.authEvents().find(pool.id(), sub, event.eventId())).isEmpty();
        assertThat(stores.authEvents().listNewestFirst(pool.id(), sub, null, 10)).isEmpty();
        user(pool, "jane");
        assertThat(driver.adminListUserAuthEvents(pool.id(), "jane", null, null).items()).isEmpty();
    }

    // ---- pools ----------------------------------------------------------------------------------

    @Test
    void createdPoolHasARegionalIdAnArnAndDefaults() {
        PoolView pool = driver.createUserPool("my pool", null, null, null, null);
        assertThat(pool.id()).matches("eu-west-1_[0-9a-zA-Z]{9}");
        assertThat(pool.arn()).isEqualTo("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/" + pool.id());
        assertThat(pool.name()).isEqualTo("my pool");
        assertThat(pool.advancedSecurityMode()).isEqualTo("OFF");
        assertThat(pool.tier()).isEqualTo("ESSENTIALS");
        assertThat(pool.creationDate()).isEqualTo(clock.instant());
        assertThat(driver.describeUserPool(pool.id())).isEqualTo(pool);
    }

    @Test
    void threatProtectionNeedsThePlusTier() {
        ServiceError error = error(() -> driver.createUserPool("p", "AUDIT", null, null, null));
        assertThat(error.type()).isEqualTo("FeatureUnavailableInTierException");
        assertThat(error.errorMessage()).contains("PLUS");
        PoolView pool = driver.createUserPool("p", "AUDIT", "PLUS", null, null);
        assertThat(error(() -> driver.updateUserPool(pool.id(), null, "ENFORCED", "ESSENTIALS")).type())
                .isEqualTo("FeatureUnavailableInTierException");
    }

    @Test
    void aliasAndUsernameAttributesExcludeEachOther() {
        assertInvalid("Only one of aliasAttributes or usernameAttributes can be set in a User Pool.",
                () -> driver.createUserPool("p", null, null, List.of("email"), List.of("phone_number")));
    }

    @Test
    void updateUserPoolSetsTheAddOnAndResetsItWhenLeftOut() {
        PoolView pool = driver.createUserPool("p", null, "PLUS", null, null);
        clock.advance(Duration.ofMinutes(1));
        driver.updateUserPool(pool.id(), "renamed", "ENFORCED", null);
        PoolView updated = driver.describeUserPool(pool.id());
        assertThat(updated.advancedSecurityMode()).isEqualTo("ENFORCED");
        assertThat(updated.name()).isEqualTo("renamed");
        assertThat(updated.tier()).isEqualTo("PLUS");
        assertThat(updated.lastModifiedDate()).isEqualTo(clock.instant());
        assertThat(updated.creationDate()).isEqualTo(pool.creationDate());
        driver.updateUserPool(pool.id(), null, null, null);
        assertThat(driver.describeUserPool(pool.id()).advancedSecurityMode()).isEqualTo("OFF");
        assertThat(driver.describeUserPool(pool.id()).name()).isEqualTo("renamed");
    }

    @Test
    void deletedPoolIsGoneWithItsUsersAndEvents() {
        PoolView pool = advancedPool();
        String sub = user(pool, "jane").attributes().get("sub");
        Recorded event = signIn(pool, "jane");
        driver.deleteUserPool(pool.id());
        String gone = "User pool " + pool.id() + " does not exist.";
        assertError("ResourceNotFoundException", gone, () -> driver.describeUserPool(pool.id()));
        assertError("ResourceNotFoundException", gone, () -> driver.deleteUserPool(pool.id()));
        assertError("ResourceNotFoundException", gone, () -> driver.updateAuthEventFeedback(
                pool.id(), "jane", event.eventId(), event.feedbackToken(), "Valid"));
        // the users and events are gone from the stores with the pool
        assertThat(stores.userPools().find(pool.id())).isEmpty();
        assertThat(stores.users().findBySub(pool.id(), sub)).isEmpty();
        assertThat(stores.users().findByUsername(pool.id(), "jane")).isEmpty();
        assertThat(stores.authEvents().find(pool.id(), sub, event.eventId())).isEmpty();
        assertThat(stores.authEvents().listNewestFirst(pool.id(), sub, null, 10)).isEmpty();
    }

    @Test
    void listUserPoolsPagesThroughEveryPoolOnce() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(driver.createUserPool("pool-" + i, null, null, null, null).id());
        }
        List<String> listed = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            PageView<PoolSummary> page = driver.listUserPools(3, next);
            page.items().forEach(pool -> listed.add(pool.id()));
            next = page.nextToken();
            pages++;
        } while (next != null);
        assertThat(pages).isEqualTo(3);
        Collections.sort(created);
        assertThat(listed).isEqualTo(created);
        assertInvalid("Invalid pagination token.", () -> driver.listUserPools(3, "bm90LWEtdG9rZW4"));
    }

    // ---- events and listing ---------------------------------------------------------------------

    @Test
    void recordedEventKeepsEveryMember() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        EventContextData context = new EventContextData("203.0.113.7", "Firefox on Linux", "+01:00", "Lyon", "France");
        Recorded recorded = driver.recordAuthEvent(pool.id(), "jane", "SignIn", "Fail",
                new EventRiskInput("AccountTakeover", "High", true),
                List.of(new ChallengeResponseInput("Password", "Success"), new ChallengeResponseInput("Mfa", "Failure")),
                context);
        EventView event = onlyEvent(pool, "jane");
        assertThat(event.eventId()).isEqualTo(recorded.eventId());
        assertThat(event.eventType()).isEqualTo("SignIn");
        assertThat(event.creationDate()).isEqualTo(clock.instant());
        assertThat(event.eventResponse()).isEqualTo("Fail");
        assertThat(event.riskDecision()).isEqualTo("AccountTakeover");
        assertThat(event.riskLevel()).isEqualTo("High");
        assertThat(event.compromisedCredentialsDetected()).isTrue();
        assertThat(event.challengeResponses()).containsExactly(
                new Views.ChallengeView("Password", "Success"), new Views.ChallengeView("Mfa", "Failure"));
        assertThat(event.contextData()).isEqualTo(context);
        assertThat(event.feedback()).isNull();
    }

    @Test
    void eventsAreListedNewestFirstAndPagedWithoutRepeats() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            clock.advance(Duration.ofSeconds(1));
            recorded.add(signIn(pool, "jane").eventId());
        }
        Collections.reverse(recorded);
        List<String> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String next = null;
        do {
            PageView<EventView> page = driver.adminListUserAuthEvents(pool.id(), "jane", 3, next);
            page.items().forEach(event -> listed.add(event.eventId()));
            pageSizes.add(page.items().size());
            next = page.nextToken();
        } while (next != null);
        assertThat(listed).isEqualTo(recorded);
        assertThat(pageSizes).containsExactly(3, 3, 1);
    }

    @Test
    void maxResultsZeroOrAbsentMeansSixty() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        for (int i = 0; i < 61; i++) {
            signIn(pool, "jane");
        }
        PageView<EventView> absent = driver.adminListUserAuthEvents(pool.id(), "jane", null, null);
        PageView<EventView> zero = driver.adminListUserAuthEvents(pool.id(), "jane", 0, null);
        assertThat(absent.items()).hasSize(60);
        assertThat(zero.items()).hasSize(60);
        assertThat(absent.nextToken()).isNotNull();
        assertThat(driver.adminListUserAuthEvents(pool.id(), "jane", 60, absent.nextToken()).items()).hasSize(1);
    }

    @Test
    void anExactlyFullLastPageHasNoNextToken() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        signIn(pool, "jane");
        signIn(pool, "jane");
        assertThat(driver.adminListUserAuthEvents(pool.id(), "jane", 2, null).nextToken()).isNull();
    }

    @Test
    void nextTokenOfAnotherUserOrGarbageIsRefused() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        user(pool, "john");
        for (int i = 0; i < 3; i++) {
            signIn(pool, "jane");
        }
        String janesNext = driver.adminListUserAuthEvents(pool.id(), "jane", 1, null).nextToken();
        assertInvalid("Invalid pagination token.", () -> driver.adminListUserAuthEvents(pool.id(), "john", 1, janesNext));
        assertInvalid("Invalid pagination token.",
                () -> driver.adminListUserAuthEvents(pool.id(), "jane", 1, "garbage-token"));
    }

    @Test
    void listingFindsTheUserByAliasToo() {
        PoolView pool = advancedPool("email");
        user(pool, "jane", new AttributeInput("email", "jane@example.com"), new AttributeInput("email_verified", "true"));
        signIn(pool, "jane");
        assertThat(driver.adminListUserAuthEvents(pool.id(), "jane@example.com", null, null).items()).hasSize(1);
        assertError("UserNotFoundException", USER_NOT_FOUND,
                () -> driver.adminListUserAuthEvents(pool.id(), "nobody", null, null));
    }

    @Test
    void eventsOfOneUserAreInvisibleToAnother() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        user(pool, "john");
        Recorded janes = signIn(pool, "jane");
        assertThat(driver.adminListUserAuthEvents(pool.id(), "john", null, null).items()).isEmpty();
        assertError("ResourceNotFoundException", "Auth event " + janes.eventId() + " does not exist.",
                () -> driver.adminUpdateAuthEventFeedback(pool.id(), "john", janes.eventId(), "Valid"));
    }

    // ---- notifications --------------------------------------------------------------------------

    /** Notify on every level; BLOCK at high risk; sent from security@example.com. */
    private void notifyingConfiguration(PoolView pool, SetRiskConfigurationCommand.NotifyEmailInput blockEmail) {
        driver.setRiskConfiguration(pool.id(), null, null, new SetRiskConfigurationCommand.AccountTakeoverInput(
                new SetRiskConfigurationCommand.NotifyInput("security@example.com", "help@example.com", SES_ARN,
                        blockEmail, null, null),
                new SetRiskConfigurationCommand.ActionsInput(
                        new SetRiskConfigurationCommand.LevelActionInput(true, "NO_ACTION"),
                        new SetRiskConfigurationCommand.LevelActionInput(true, "MFA_IF_CONFIGURED"),
                        new SetRiskConfigurationCommand.LevelActionInput(true, "BLOCK"))), null);
    }

    /** jane, with an email address unless {@code email} is null, and 20 sign-ins from home. */
    private void janeAtHome(PoolView pool, String email) {
        if (email == null) {
            user(pool, "jane");
        } else {
            user(pool, "jane", new AttributeInput("email", email), new AttributeInput("email_verified", "true"));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(signInFrom(pool, "jane", HOME).riskDecision()).isEqualTo("NoRisk");
        }
    }

    @Test
    void anEnforcedPoolWhoseLevelNotifiesQueuesOneMessageForTheRiskySignIn() {
        PoolView pool = advancedPool();
        notifyingConfiguration(pool, null);
        janeAtHome(pool, "jane@example.com");
        assertThat(driver.listNotifications(pool.id(), null, null).items()).as("familiar sign-ins tell nobody")
                .isEmpty();
        Recorded stranger = signInFrom(pool, "jane", STRANGER);
        List<NotificationView> queued = driver.listNotifications(pool.id(), null, null).items();
        assertThat(queued).hasSize(1);
        NotificationView message = queued.get(0);
        String sub = driver.adminGetUser(pool.id(), "jane").attributes().get("sub");
        assertThat(message).extracting(NotificationView::eventId, NotificationView::userSub,
                NotificationView::recipient, NotificationView::from, NotificationView::replyTo,
                NotificationView::subject, NotificationView::status, NotificationView::attempts)
                .containsExactly(stranger.eventId(), sub, "jane@example.com", "security@example.com",
                        "help@example.com", "Blocked sign-in attempt", "OutboxOnly", 0);
        String link = "http://127.0.0.1:9229/feedback/" + pool.id() + "/" + stranger.eventId() + "/" + sub + "/"
                + stranger.feedbackToken() + "/";
        assertThat(message.htmlBody()).contains("Hello jane", "Recife, Brazil", "Chrome 119, Windows", "198.51.100.9",
                "<a href=" + link + "invalid>", "<a href=" + link + "valid>");
        assertThat(message.textBody()).contains(link + "valid", link + "invalid", "Recife, Brazil");
    }

    @Test
    void placeholdersAreFilledAndEscapedInTheHtmlBodyOnly() {
        PoolView pool = advancedPool();
        notifyingConfiguration(pool, new SetRiskConfigurationCommand.NotifyEmailInput("Sign-in by {username}",
                "<p>{device-name} at {login-time} from {ip-address}, {city} {country}; {event-id} {feedback-token}"
                        + " <a href={one-click-link-valid}>me</a> <a href={one-click-link-invalid}>not me</a></p>",
                "{device-name} {username} {unknown-placeholder} {event-id}"));
        janeAtHome(pool, "jane@example.com");
        clock.advance(Duration.ofHours(2).plusMinutes(25));
        EventContextData hostile = new EventContextData("198.51.100.9", "<script>alert('x')</script> & \"co\"",
                "-03:00", "Recife", "Brazil");
        Recorded stranger = signInFrom(pool, "jane", hostile);
        NotificationView message = driver.listNotifications(pool.id(), null, null).items().get(0);
        assertThat(message.subject()).isEqualTo("Sign-in by jane");
        assertThat(message.htmlBody()).startsWith("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                + "&quot;co&quot; at Sunday, March 1, 2026 02:25 PM UTC from 198.51.100.9, Recife Brazil; "
                + stranger.eventId() + " " + stranger.feedbackToken() + " <a href=http://127.0.0.1:9229/feedback/")
                .doesNotContain("<script>");
        assertThat(message.textBody()).isEqualTo("<script>alert('x')</script> & \"co\" jane {unknown-placeholder} "
                + stranger.eventId());
    }

    @Test
    void anMfaLevelUsesTheMfaTemplateAndWithoutASenderTheServersOwn() {
        PoolView pool = advancedPool();
        driver.setRiskConfiguration(pool.id(), null, null, new SetRiskConfigurationCommand.AccountTakeoverInput(null,
                new SetRiskConfigurationCommand.ActionsInput(null, null,
                        new SetRiskConfigurationCommand.LevelActionInput(true, "MFA_REQUIRED"))), null);
        janeAtHome(pool, "jane@example.com");
        assertThat(signInFrom(pool, "jane", STRANGER).eventAction()).isEqualTo("MFA_REQUIRED");
        NotificationView message = driver.listNotifications(pool.id(), null, null).items().get(0);
        assertThat(message).extracting(NotificationView::subject, NotificationView::from, NotificationView::replyTo)
                .containsExactly("New sign-in attempt", "no-reply@localhost", null);
        assertThat(message.textBody()).startsWith("Hello jane, we asked for a second factor");

        driver.setRiskConfiguration(pool.id(), null, null, new SetRiskConfigurationCommand.AccountTakeoverInput(
                new SetRiskConfigurationCommand.NotifyInput("security@example.com", null, SES_ARN, null, null,
                        new SetRiskConfigurationCommand.NotifyEmailInput("Was it you, {username}?", null,
                                "{one-click-link-valid}")),
                new SetRiskConfigurationCommand.ActionsInput(null, null,
                        new SetRiskConfigurationCommand.LevelActionInput(true, "MFA_IF_CONFIGURED"))), null);
        clock.advance(Duration.ofMinutes(1));
        signInFrom(pool, "jane", STRANGER);
        NotificationView configured = driver.listNotifications(pool.id(), 1, null).items().get(0);
        assertThat(configured.subject()).isEqualTo("Was it you, jane?");
        assertThat(configured.htmlBody()).isNull();
        assertThat(configured.textBody()).startsWith("http://127.0.0.1:9229/feedback/" + pool.id() + "/")
                .endsWith("/valid");
    }

    @Test
    void aNoActionLevelThatNotifiesUsesItsTemplate() {
        PoolView pool = advancedPool();
        driver.setRiskConfiguration(pool.id(), null, null, new SetRiskConfigurationCommand.AccountTakeoverInput(null,
                new SetRiskConfigurationCommand.ActionsInput(null, null,
                        new SetRiskConfigurationCommand.LevelActionInput(true, "NO_ACTION"))), null);
        janeAtHome(pool, "jane@example.com");
        assertThat(signInFrom(pool, "jane", STRANGER).eventAction()).isEqualTo("NO_ACTION");
        NotificationView message = driver.listNotifications(pool.id(), null, null).items().get(0);
        assertThat(message.subject()).isEqualTo("New sign-in attempt");
        assertThat(message.textBody()).startsWith("Hello jane, we noticed a sign-in");
    }

    @Test
    void auditModeOrALevelThatDoesNotNotifyQueuesNothing() {
        PoolView audit = driver.createUserPool("audit", "AUDIT", "PLUS", null, null);
        notifyingConfiguration(audit, null);
        janeAtHome(audit, "jane@example.com");
        assertThat(signInFrom(audit, "jane", STRANGER).riskLevel()).isEqualTo("High");
        assertThat(driver.listNotifications(audit.id(), null, null).items()).isEmpty();

        PoolView quiet = advancedPool();
        driver.setRiskConfiguration(quiet.id(), null, null, new SetRiskConfigurationCommand.AccountTakeoverInput(null,
                new SetRiskConfigurationCommand.ActionsInput(null, null,
                        new SetRiskConfigurationCommand.LevelActionInput(false, "BLOCK"))), null);
        janeAtHome(quiet, "jane@example.com");
        assertThat(signInFrom(quiet, "jane", STRANGER).eventAction()).isEqualTo("BLOCK");
        assertThat(driver.listNotifications(quiet.id(), null, null).items()).isEmpty();
    }

    @Test
    void aUserWithoutAnEmailAddressIsRecordedAsNotSendable() {
        PoolView pool = advancedPool();
        notifyingConfiguration(pool, null);
        janeAtHome(pool, null);
        signInFrom(pool, "jane", STRANGER);
        NotificationView message = driver.listNotifications(pool.id(), null, null).items().get(0);
        assertThat(message).extracting(NotificationView::recipient, NotificationView::status,
                NotificationView::lastError).containsExactly(null, "NotSendable", "the user has no email address");
    }

    @Test
    void notificationsAreListedNewestFirstInPages() {
        PoolView pool = advancedPool();
        notifyingConfiguration(pool, null);
        janeAtHome(pool, "jane@example.com");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(1));
            events.add(0, signInFrom(pool, "jane", STRANGER).eventId());
        }
        PageView<NotificationView> first = driver.listNotifications(pool.id(), 2, null);
        assertThat(first.items()).extracting(NotificationView::eventId).containsExactly(events.get(0), events.get(1));
        PageView<NotificationView> second = driver.listNotifications(pool.id(), 2, first.nextToken());
        assertThat(second.items()).extracting(NotificationView::eventId).containsExactly(events.get(2));
        assertThat(second.nextToken()).isNull();
        PoolView other = advancedPool();
        assertError("InvalidParameterException", "Invalid pagination token.",
                () -> driver.listNotifications(other.id(), 2, first.nextToken()));
        assertError("ResourceNotFoundException", "User pool eu-west-1_missing1 does not exist.",
                () -> driver.listNotifications("eu-west-1_missing1", null, null));
        assertInvalid("1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: "
                + "Member must have value less than or equal to 60", () -> driver.listNotifications(pool.id(), 61, null));
    }

    // ---- risk evaluation ------------------------------------------------------------------------

    protected static final EventContextData HOME = new EventContextData("203.0.113.5", "Firefox 120, Linux",
            "+01:00", "Oslo", "Norway");
    protected static final EventContextData TRIP = new EventContextData("192.0.2.44", "Firefox 120, Linux",
            "+02:00", "Stockholm", "Sweden");
    protected static final EventContextData STRANGER = new EventContextData("198.51.100.9", "Chrome 119, Windows",
            "-03:00", "Recife", "Brazil");
    private static final List<String> EVERY_FEATURE_NEW = List.of("NewIpAddress", "NewNetwork", "NewCountry",
            "NewCity", "NewDevice", "NewTimezone");

    protected Recorded signInFrom(PoolView pool, String username, EventContextData context) {
        return driver.recordAuthEvent(pool.id(), username, "SignIn", "Pass", null, null, context);
    }

    /** A user with {@code signIns} earlier sign-ins from {@code HOME}. */
    protected void regularAtHome(PoolView pool, String username, int signIns) {
        user(pool, username);
        for (int i = 0; i < signIns; i++) {
            Recorded home = signInFrom(pool, username, HOME);
            assertThat(home.riskDecision()).isEqualTo("NoRisk");
        }
    }

    @Test
    void aFamiliarContextHasNoRiskAndTheHostMayProceed() {
        PoolView pool = advancedPool();
        regularAtHome(pool, "jane", 5);
        Recorded familiar = signInFrom(pool, "jane", HOME);
        assertThat(familiar).extracting(Recorded::riskDecision, Recorded::riskLevel, Recorded::eventResponse,
                Recorded::reasons, Recorded::eventAction).containsExactly("NoRisk", null, "Pass", List.of(), "NO_ACTION");
    }

    @Test
    void aStrangersSignInIsBlockedAtHighRiskAndTheEventSaysSo() {
        PoolView pool = advancedPool();
        regularAtHome(pool, "jane", 20);
        Recorded stranger = signInFrom(pool, "jane", STRANGER);
        assertThat(stranger).extracting(Recorded::riskDecision, Recorded::riskLevel, Recorded::eventResponse,
                Recorded::eventAction).containsExactly("Block", "High", "Fail", "BLOCK");
        assertThat(stranger.reasons()).containsExactlyElementsOf(EVERY_FEATURE_NEW);
        EventView stored = event(pool, "jane", stranger.eventId());
        assertThat(stored).extracting(EventView::riskDecision, EventView::riskLevel, EventView::eventResponse)
                .containsExactly("Block", "High", "Fail");
    }

    @Test
    void mediumRiskAsksForMfaByDefault() {
        PoolView pool = advancedPool();
        regularAtHome(pool, "jane", 5);
        Recorded stranger = signInFrom(pool, "jane", STRANGER);
        assertThat(stranger).extracting(Recorded::riskDecision, Recorded::riskLevel, Recorded::eventResponse,
                Recorded::eventAction).containsExactly("AccountTakeover", "Medium", "InProgress", "MFA_IF_CONFIGURED");
    }

    @Test
    void anAttackerWhoKeepsFailingTheMfaChallengeNeverBecomesFamiliar() {
        PoolView pool = advancedPool();
        regularAtHome(pool, "jane", 5);
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(signInFrom(pool, "jane", STRANGER)).extracting(Recorded::riskDecision, Recorded::riskLevel)
                    .containsExactly("AccountTakeover", "Medium");
        }
    }

    @Test
    void eachLevelTakesItsConfiguredAction() {
        PoolView pool = advancedPool();
        driver.setRiskConfiguration(pool.id(), null, null, new SetRiskConfigurationCommand.AccountTakeoverInput(null,
                new SetRiskConfigurationCommand.ActionsInput(
                        new SetRiskConfigurationCommand.LevelActionInput(false, "BLOCK"),
                        new SetRiskConfigurationCommand.LevelActionInput(false, "MFA_REQUIRED"),
                        new SetRiskConfigurationCommand.LevelActionInput(false, "NO_ACTION"))), null);
        regularAtHome(pool, "low", 2);
        assertThat(signInFrom(pool, "low", STRANGER)).extracting(Recorded::riskDecision, Recorded::riskLevel,
                Recorded::eventAction).containsExactly("Block", "Low", "BLOCK");
        regularAtHome(pool, "medium", 5);
        assertThat(signInFrom(pool, "medium", STRANGER)).extracting(Recorded::riskDecision, Recorded::riskLevel,
                Recorded::eventAction).containsExactly("AccountTakeover", "Medium", "MFA_REQUIRED");
        regularAtHome(pool, "high", 20);
        assertThat(signInFrom(pool, "high", STRANGER)).extracting(Recorded::riskDecision, Recorded::riskLevel,
                Recorded::eventResponse, Recorded::eventAction).containsExactly("NoRisk", "High", "Pass", "NO_ACTION");
    }

    @Test
    void auditModeRecordsTheLevelAndReasonsAndActsOnNothing() {
        PoolView pool = driver.createUserPool("audit", "AUDIT", "PLUS", null, null);
        regularAtHome(pool, "jane", 20);
        Recorded stranger = signInFrom(pool, "jane", STRANGER);
        assertThat(stranger).extracting(Recorded::riskDecision, Recorded::riskLevel, Recorded::eventResponse,
                Recorded::eventAction).containsExactly("NoRisk", "High", "Pass", null);
        assertThat(stranger.reasons()).containsExactlyElementsOf(EVERY_FEATURE_NEW);
        assertThat(event(pool, "jane", stranger.eventId()).riskLevel()).isEqualTo("High");
    }

    @Test
    void theIpListsSkipAndBlockWithoutALevel() {
        PoolView pool = advancedPool();
        driver.setRiskConfiguration(pool.id(), null, null, null, new SetRiskConfigurationCommand.RiskExceptionsInput(
                List.of("198.51.100.0/24", "2001:db8:bad::/48"), List.of("192.0.2.0/24")));
        regularAtHome(pool, "jane", 20);
        for (String blocked : List.of("198.51.100.9", "2001:db8:bad::1")) {
            Recorded attempt = signInFrom(pool, "jane", new EventContextData(blocked, null, null, null, null));
            assertThat(attempt).extracting(Recorded::riskDecision, Recorded::riskLevel, Recorded::eventResponse,
                    Recorded::reasons, Recorded::eventAction)
                    .containsExactly("Block", null, "Fail", List.of("BlockedIpRange"), "BLOCK");
        }
        Recorded skipped = signInFrom(pool, "jane", TRIP);
        assertThat(skipped).extracting(Recorded::riskDecision, Recorded::riskLevel, Recorded::eventResponse,
                Recorded::reasons, Recorded::eventAction)
                .containsExactly("NoRisk", null, "Pass", List.of("SkippedIpRange"), "NO_ACTION");
    }

    @Test
    void inAuditModeTheIpListsAreRecordedAndNothingActs() {
        PoolView pool = driver.createUserPool("audit", "AUDIT", "PLUS", null, null);
        driver.setRiskConfiguration(pool.id(), null, null, null, new SetRiskConfigurationCommand.RiskExceptionsInput(
                List.of("198.51.100.0/24"), List.of("192.0.2.0/24")));
        regularAtHome(pool, "jane", 20);
        assertThat(signInFrom(pool, "jane", STRANGER)).extracting(Recorded::riskDecision, Recorded::riskLevel,
                Recorded::eventResponse, Recorded::reasons, Recorded::eventAction)
                .containsExactly("NoRisk", null, "Pass", List.of("BlockedIpRange"), null);
        assertThat(signInFrom(pool, "jane", TRIP)).extracting(Recorded::riskDecision, Recorded::reasons,
                Recorded::eventAction).containsExactly("NoRisk", List.of("SkippedIpRange"), null);
    }

    @Test
    void compromisedCredentialsFollowTheFilterAndTheAction() {
        PoolView pool = advancedPool();
        user(pool, "jane");
        EventRiskInput compromised = new EventRiskInput(null, null, true);
        Recorded blocked = driver.recordAuthEvent(pool.id(), "jane", "SignIn", "Pass", compromised, null, null);
        assertThat(blocked).extracting(Recorded::riskDecision, Recorded::compromisedCredentialsDetected,
                Recorded::eventResponse, Recorded::reasons, Recorded::eventAction)
                .containsExactly("Block", true, "Fail", List.of("CompromisedCredentials"), "BLOCK");
        Recorded notWatched = driver.recordAuthEvent(pool.id(), "jane", "ForgotPassword", "Pass", compromised, null,
                null);
        assertThat(notWatched).extracting(Recorded::riskDecision, Recorded::reasons).containsExactly("NoRisk",
                List.of());

        driver.setRiskConfiguration(pool.id(), null, new SetRiskConfigurationCommand.CompromisedCredentialsInput(
                List.of("SIGN_UP"), new SetRiskConfigurationCommand.CompromisedCredentialsActionsInput("BLOCK")),
                null, null);
        assertThat(driver.recordAuthEvent(pool.id(), "jane", "SignIn", "Pass", compromised, null, null))
                .extracting(Recorded::riskDecision, Recorded::reasons).containsExactly("NoRisk", List.of());
        assertThat(driver.recordAuthEvent(pool.id(), "jane", "SignUp", "Pass", compromised, null, null))
                .extracting(Recorded::riskDecision, Recorded::reasons).containsExactly("Block",
                        List.of("CompromisedCredentials"));

        driver.setRiskConfiguration(pool.id(), null, new SetRiskConfigurationCommand.CompromisedCredentialsInput(
                null, new SetRiskConfigurationCommand.CompromisedCredentialsActionsInput("NO_ACTION")), null, null);
        assertThat(driver.recordAuthEvent(pool.id(), "jane", "PasswordChange", "Pass", compromised, null, null))
                .extracting(Recorded::riskDecision, Recorded::eventResponse, Recorded::reasons)
                .containsExactly("NoRisk", "Pass", List.of("CompromisedCredentials"));
    }

    @Test
    void aRiskTheCallerGivesIsKeptAsGiven() {
        PoolView pool = advancedPool();
        regularAtHome(pool, "jane", 20);
        Recorded given = driver.recordAuthEvent(pool.id(), "jane", "SignIn", "Pass",
                new EventRiskInput("NoRisk", "Low", false), null, STRANGER);
        assertThat(given).extracting(Recorded::riskDecision, Recorded::riskLevel, Recorded::eventResponse,
                Recorded::reasons, Recorded::eventAction).containsExactly("NoRisk", "Low", "Pass", List.of(), null);
        Recorded bare = driver.recordAuthEvent(pool.id(), "jane", "SignIn", null, null, null, null);
        assertThat(bare).extracting(Recorded::riskDecision, Recorded::eventResponse, Recorded::reasons)
                .containsExactly(null, null, List.of());
    }

    @Test
    void anAppClientsConfigurationDecidesForItsEvents() {
        PoolView pool = advancedPool();
        driver.setRiskConfiguration(pool.id(), "app1client", null, new SetRiskConfigurationCommand.AccountTakeoverInput(
                null, new SetRiskConfigurationCommand.ActionsInput(null, null,
                        new SetRiskConfigurationCommand.LevelActionInput(false, "NO_ACTION"))), null);
        regularAtHome(pool, "jane", 20);
        // another client has no configuration of its own: the pool's defaults block (and a blocked
        // attempt does not join the history)
        Recorded viaOtherClient = driver.recordAuthEvent(pool.id(), "jane", "SignIn", "Pass", null, null, STRANGER,
                "otherclient");
        assertThat(viaOtherClient).extracting(Recorded::riskDecision, Recorded::eventAction)
                .containsExactly("Block", "BLOCK");
        Recorded viaClient = driver.recordAuthEvent(pool.id(), "jane", "SignIn", "Pass", null, null, STRANGER,
                "app1client");
        assertThat(viaClient).extracting(Recorded::riskDecision, Recorded::riskLevel, Recorded::eventAction)
                .containsExactly("NoRisk", "High", "NO_ACTION");
        assertInvalid("1 validation error detected: Value at 'clientId' failed to satisfy constraint: Member must "
                + "satisfy regular expression pattern: [\\w+]+", () -> driver.recordAuthEvent(pool.id(), "jane",
                        "SignIn", "Pass", null, null, STRANGER, "not a client"));
    }

    @Test
    void feedbackTrainsTheEvaluationOfLaterSignIns() {
        PoolView pool = advancedPool();
        regularAtHome(pool, "jane", 20);
        Recorded stranger = signInFrom(pool, "jane", STRANGER);
        assertThat(stranger.reasons()).containsExactlyElementsOf(EVERY_FEATURE_NEW);
        driver.adminUpdateAuthEventFeedback(pool.id(), "jane", stranger.eventId(), "Invalid");
        Recorded again = signInFrom(pool, "jane", STRANGER);
        assertThat(again).extracting(Recorded::riskLevel, Recorded::reasons)
                .containsExactly("High", List.of("ContextReportedInvalid"));

        Recorded trip = signInFrom(pool, "jane", TRIP);
        assertThat(trip).extracting(Recorded::riskDecision, Recorded::riskLevel)
                .containsExactly("AccountTakeover", "Medium");
        driver.updateAuthEventFeedback(pool.id(), "jane", trip.eventId(), trip.feedbackToken(), "Valid");
        Recorded confirmed = signInFrom(pool, "jane", TRIP);
        assertThat(confirmed).extracting(Recorded::riskDecision, Recorded::riskLevel, Recorded::reasons)
                .containsExactly("NoRisk", null, List.of("ContextConfirmedValid"));

        // a later verdict replaces the earlier one in the model too
        driver.adminUpdateAuthEventFeedback(pool.id(), "jane", trip.eventId(), "Invalid");
        assertThat(signInFrom(pool, "jane", TRIP).reasons()).containsExactly("ContextReportedInvalid");
    }

    @Test
    void anotherUsersInvalidVerdictWarnsTheWholePool() {
        PoolView pool = advancedPool();
        regularAtHome(pool, "jane", 20);
        regularAtHome(pool, "john", 20);
        Recorded attack = signInFrom(pool, "jane", STRANGER);
        driver.adminUpdateAuthEventFeedback(pool.id(), "jane", attack.eventId(), "Invalid");
        Recorded onJohn = signInFrom(pool, "john", STRANGER);
        assertThat(onJohn.reasons()).containsExactly("ContextReportedInvalid");
    }
}
