package dev.authfeedback.domain.service;

import dev.authfeedback.domain.error.AliasExistsException;
import dev.authfeedback.domain.error.CognitoServiceException;
import dev.authfeedback.domain.error.FeatureUnavailableInTierException;
import dev.authfeedback.domain.error.InternalErrorException;
import dev.authfeedback.domain.error.InvalidParameterException;
import dev.authfeedback.domain.error.NotAuthorizedException;
import dev.authfeedback.domain.error.ResourceNotFoundException;
import dev.authfeedback.domain.error.TooManyRequestsException;
import dev.authfeedback.domain.error.UserNotFoundException;
import dev.authfeedback.domain.error.UserPoolAddOnNotEnabledException;
import dev.authfeedback.domain.error.UsernameExistsException;
import dev.authfeedback.domain.model.AdvancedSecurityMode;
import dev.authfeedback.domain.model.AliasAttribute;
import dev.authfeedback.domain.model.AliasKey;
import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.EventFeedback;
import dev.authfeedback.domain.model.FeedbackProvider;
import dev.authfeedback.domain.model.FeedbackValue;
import dev.authfeedback.domain.model.Page;
import dev.authfeedback.domain.model.RecordedAuthEvent;
import dev.authfeedback.domain.model.TokenSigningKey;
import dev.authfeedback.domain.model.User;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.model.UserPoolTier;
import dev.authfeedback.domain.model.UserStatus;
import dev.authfeedback.domain.model.UsernameAttribute;
import dev.authfeedback.domain.model.WireEnum;
import dev.authfeedback.domain.port.in.AdminCreateUserCommand;
import dev.authfeedback.domain.port.in.AdminCreateUserUseCase;
import dev.authfeedback.domain.port.in.AdminDeleteUserCommand;
import dev.authfeedback.domain.port.in.AdminDeleteUserUseCase;
import dev.authfeedback.domain.port.in.AdminGetUserCommand;
import dev.authfeedback.domain.port.in.AdminGetUserUseCase;
import dev.authfeedback.domain.port.in.AdminListUserAuthEventsCommand;
import dev.authfeedback.domain.port.in.AdminListUserAuthEventsUseCase;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackUseCase;
import dev.authfeedback.domain.port.in.CreateUserPoolCommand;
import dev.authfeedback.domain.port.in.CreateUserPoolUseCase;
import dev.authfeedback.domain.port.in.DeleteUserPoolCommand;
import dev.authfeedback.domain.port.in.DeleteUserPoolUseCase;
import dev.authfeedback.domain.port.in.DescribeUserPoolCommand;
import dev.authfeedback.domain.port.in.DescribeUserPoolUseCase;
import dev.authfeedback.domain.port.in.ListUserPoolsCommand;
import dev.authfeedback.domain.port.in.ListUserPoolsUseCase;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import dev.authfeedback.domain.port.in.RecordAuthEventUseCase;
import dev.authfeedback.domain.port.in.UpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.UpdateAuthEventFeedbackUseCase;
import dev.authfeedback.domain.port.in.UpdateUserPoolCommand;
import dev.authfeedback.domain.port.in.UpdateUserPoolUseCase;
import dev.authfeedback.domain.port.in.UserPoolAddOnsInput;
import dev.authfeedback.domain.port.out.AuthEventStore;
import dev.authfeedback.domain.port.out.FeedbackRecorded;
import dev.authfeedback.domain.port.out.IdGenerator;
import dev.authfeedback.domain.port.out.OperationCategory;
import dev.authfeedback.domain.port.out.RateLimiter;
import dev.authfeedback.domain.port.out.RiskListener;
import dev.authfeedback.domain.port.out.Stores;
import dev.authfeedback.domain.port.out.UserPoolStore;
import dev.authfeedback.domain.port.out.UserStore;
import dev.authfeedback.domain.token.FeedbackTokenCodec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The use cases of the auth event feedback API over the outbound ports. Inbound adapters build a
 * command (which validates itself) and call the use case; every answer other than success is a
 * {@link CognitoServiceException}, and an unexpected failure of a port becomes
 * {@link InternalErrorException} with the cause attached for the adapter to log.
 *
 * <p>Build one with {@link #builder()}; it is thread-safe when its ports are.
 */
public final class AuthEventFeedbackService implements
        UpdateAuthEventFeedbackUseCase, AdminUpdateAuthEventFeedbackUseCase, AdminListUserAuthEventsUseCase,
        CreateUserPoolUseCase, DescribeUserPoolUseCase, UpdateUserPoolUseCase, DeleteUserPoolUseCase,
        ListUserPoolsUseCase, AdminCreateUserUseCase, AdminGetUserUseCase, AdminDeleteUserUseCase,
        RecordAuthEventUseCase {

    /** The one answer to every feedback-token failure, so that it tells nothing about users or events. */
    public static final String INVALID_TOKEN_MESSAGE = "The feedback token is not valid.";
    public static final String USER_NOT_FOUND_MESSAGE = "User does not exist.";
    public static final String RATE_EXCEEDED_MESSAGE = "Rate exceeded";

    private static final System.Logger LOG = System.getLogger(AuthEventFeedbackService.class.getName());
    private static final String EVENTS_LISTING = "events";
    private static final String POOLS_LISTING = "pools";

    private final UserPoolStore pools;
    private final UserStore users;
    private final AuthEventStore events;
    private final RateLimiter rateLimiter;
    private final RiskListener riskListener;
    private final IdGenerator ids;
    private final Clock clock;
    private final ServiceSettings settings;

    private AuthEventFeedbackService(Builder builder) {
        Objects.requireNonNull(builder.stores, "stores");
        this.pools = builder.stores.userPools();
        this.users = builder.stores.users();
        this.events = builder.stores.authEvents();
        this.rateLimiter = Objects.requireNonNull(builder.rateLimiter, "rateLimiter");
        this.riskListener = builder.riskListener;
        this.ids = builder.ids;
        this.clock = builder.clock;
        this.settings = builder.settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ServiceSettings settings() {
        return settings;
    }

    // ---- feedback -------------------------------------------------------------------------------

    @Override
    public void updateAuthEventFeedback(UpdateAuthEventFeedbackCommand command) {
        guarded(() -> {
            UserPool pool = requireAdvancedSecurity(
                    poolForOperation(command.userPoolId(), OperationCategory.FEEDBACK));
            String tokenSub = FeedbackTokenCodec
                    .verify(pool, command.feedbackToken(), command.eventId(), clock.instant())
                    .orElseThrow(() -> new NotAuthorizedException(INVALID_TOKEN_MESSAGE));
            User user = resolveUser(pool, command.username());
            if (!user.sub().equals(tokenSub)) {
                throw new NotAuthorizedException(INVALID_TOKEN_MESSAGE);
            }
            recordFeedback(user, command.eventId(), command.parsedFeedbackValue(), FeedbackProvider.USER);
            return null;
        });
    }

    @Override
    public void adminUpdateAuthEventFeedback(AdminUpdateAuthEventFeedbackCommand command) {
        guarded(() -> {
            UserPool pool = requireAdvancedSecurity(
                    poolForOperation(command.userPoolId(), OperationCategory.FEEDBACK));
            User user = resolveUser(pool, command.username());
            recordFeedback(user, command.eventId(), command.parsedFeedbackValue(), FeedbackProvider.ADMIN);
            return null;
        });
    }

    private void recordFeedback(User user, String eventId, FeedbackValue value, FeedbackProvider provider) {
        EventFeedback feedback = new EventFeedback(value, provider, clock.instant());
        Optional<AuthEvent> updated = events.recordFeedback(user.poolId(), user.sub(), eventId, feedback);
        if (updated.isEmpty()) {
            throw new ResourceNotFoundException("Auth event " + eventId + " does not exist.");
        }
        if (riskListener == RiskListener.NONE) {
            return;
        }
        try {
            riskListener.feedbackRecorded(new FeedbackRecorded(updated.get()));
        } catch (RuntimeException listenerFailure) {
            // The feedback is stored; the caller gets its success and the failure goes to the log.
            LOG.log(System.Logger.Level.WARNING, "risk listener failed for event " + eventId, listenerFailure);
        }
    }

    @Override
    public Page<AuthEvent> adminListUserAuthEvents(AdminListUserAuthEventsCommand command) {
        return guarded(() -> {
            UserPool pool = requireAdvancedSecurity(
                    poolForOperation(command.userPoolId(), OperationCategory.USER_READ));
            User user = resolveUser(pool, command.username());
            String after = null;
            if (command.nextToken() != null) {
                after = PageTokens.decode(command.nextToken(), EVENTS_LISTING, pool.id() + '/' + user.sub());
                if (events.find(pool.id(), user.sub(), after).isEmpty()) {
                    throw new InvalidParameterException(PageTokens.INVALID_TOKEN_MESSAGE);
                }
            }
            int pageSize = command.pageSize();
            List<AuthEvent> found = events.listNewestFirst(pool.id(), user.sub(), after, pageSize + 1);
            if (found.size() <= pageSize) {
                return new Page<>(found, null);
            }
            List<AuthEvent> page = found.subList(0, pageSize);
            String next = PageTokens.encode(EVENTS_LISTING, pool.id() + '/' + user.sub(),
                    page.get(pageSize - 1).eventId());
            return new Page<>(page, next);
        });
    }

    @Override
    public RecordedAuthEvent recordAuthEvent(RecordAuthEventCommand command) {
        return guarded(() -> {
            UserPool pool = requireAdvancedSecurity(
                    poolForOperation(command.userPoolId(), OperationCategory.USER_WRITE));
            User user = resolveUser(pool, command.username());
            Instant now = clock.instant();
            AuthEvent event = new AuthEvent(pool.id(), user.sub(), ids.uuid(), command.parsedEventType(), now,
                    command.parsedEventResponse(), command.parsedEventRisk(), command.parsedChallengeResponses(),
                    command.eventContextData(), null);
            events.insert(event);
            String token = FeedbackTokenCodec.issue(pool, user.sub(), event.eventId(),
                    now.plus(settings.tokenLifetime()));
            return new RecordedAuthEvent(event.eventId(), token);
        });
    }

    // ---- pools ----------------------------------------------------------------------------------

    @Override
    public UserPool createUserPool(CreateUserPoolCommand command) {
        return guarded(() -> {
            requireQuota(settings.accountId(), OperationCategory.POOL_WRITE);
            List<AliasAttribute> aliases = distinct(command.aliasAttributes(), AliasAttribute.class);
            List<UsernameAttribute> usernameAttributes = distinct(command.usernameAttributes(), UsernameAttribute.class);
            if (!aliases.isEmpty() && !usernameAttributes.isEmpty()) {
                throw new InvalidParameterException(
                        "Only one of aliasAttributes or usernameAttributes can be set in a User Pool.");
            }
            AdvancedSecurityMode mode = addOnMode(command.userPoolAddOns());
            UserPoolTier tier = command.userPoolTier() == null ? UserPoolTier.ESSENTIALS
                    : WireEnum.parseValidated(UserPoolTier.class, command.userPoolTier());
            requireTierAllows(mode, tier);
            Instant now = clock.instant();
            String id = settings.region() + '_' + ids.poolIdSuffix();
            String arn = "arn:aws:cognito-idp:" + settings.region() + ':' + settings.accountId() + ":userpool/" + id;
            UserPool pool = new UserPool(id, command.poolName(), arn, now, now, mode, tier, aliases,
                    usernameAttributes, List.of(new TokenSigningKey(ids.keyId(), ids.secretKey())));
            pools.insert(pool);
            return pool;
        });
    }

    @Override
    public UserPool describeUserPool(DescribeUserPoolCommand command) {
        return guarded(() -> poolForOperation(command.userPoolId(), OperationCategory.POOL_READ));
    }

    @Override
    public void updateUserPool(UpdateUserPoolCommand command) {
        guarded(() -> {
            UserPool pool = poolForOperation(command.userPoolId(), OperationCategory.POOL_WRITE);
            AdvancedSecurityMode mode = addOnMode(command.userPoolAddOns());
            UserPoolTier tier = command.userPoolTier() == null ? pool.tier()
                    : WireEnum.parseValidated(UserPoolTier.class, command.userPoolTier());
            requireTierAllows(mode, tier);
            String name = command.poolName() == null ? pool.name() : command.poolName();
            if (!pools.replace(pool.withSettings(name, mode, tier, clock.instant()))) {
                throw poolNotFound(pool.id());
            }
            return null;
        });
    }

    @Override
    public void deleteUserPool(DeleteUserPoolCommand command) {
        guarded(() -> {
            UserPool pool = poolForOperation(command.userPoolId(), OperationCategory.POOL_WRITE);
            if (!pools.delete(pool.id())) {
                throw poolNotFound(pool.id());
            }
            events.deleteAllInPool(pool.id());
            users.deleteAllInPool(pool.id());
            return null;
        });
    }

    @Override
    public Page<UserPool> listUserPools(ListUserPoolsCommand command) {
        return guarded(() -> {
            requireQuota(settings.accountId(), OperationCategory.POOL_READ);
            String after = command.nextToken() == null ? null
                    : PageTokens.decode(command.nextToken(), POOLS_LISTING, settings.accountId());
            int pageSize = command.maxResults();
            List<UserPool> found = pools.listAfter(after, pageSize + 1);
            if (found.size() <= pageSize) {
                return new Page<>(found, null);
            }
            List<UserPool> page = found.subList(0, pageSize);
            return new Page<>(page, PageTokens.encode(POOLS_LISTING, settings.accountId(), page.get(pageSize - 1).id()));
        });
    }

    // ---- users ----------------------------------------------------------------------------------

    @Override
    public User adminCreateUser(AdminCreateUserCommand command) {
        return guarded(() -> {
            UserPool pool = poolForOperation(command.userPoolId(), OperationCategory.USER_WRITE);
            Map<String, String> given = UserRules.attributes(command.userAttributes());
            String sub = ids.uuid();
            String username = UserRules.usernameToStore(pool, command.username(), sub, given);
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(UserRules.SUB, sub);
            attributes.putAll(given);
            Instant now = clock.instant();
            User user = new User(pool.id(), username, sub, attributes, true, UserStatus.FORCE_CHANGE_PASSWORD,
                    now, now, UserRules.signInAliases(pool, attributes));
            boolean migrate = command.forceAliasCreationRequested() && pool.usernameAttributes().isEmpty();
            return switch (users.insert(user, migrate)) {
                case INSERTED -> user;
                case USERNAME_TAKEN -> throw new UsernameExistsException("User account already exists");
                case ALIAS_TAKEN -> throw aliasTaken(pool, user);
            };
        });
    }

    private CognitoServiceException aliasTaken(UserPool pool, User user) {
        String attribute = user.signInAliases().stream()
                .filter(alias -> users.findByAlias(pool.id(), alias).isPresent())
                .map(AliasKey::attributeName)
                .findFirst().orElse("alias");
        String message = "An account with the given " + attribute + " already exists.";
        return pool.usernameAttributes().isEmpty()
                ? new AliasExistsException(message) : new UsernameExistsException(message);
    }

    @Override
    public User adminGetUser(AdminGetUserCommand command) {
        return guarded(() -> resolveUser(
                poolForOperation(command.userPoolId(), OperationCategory.USER_READ), command.username()));
    }

    @Override
    public void adminDeleteUser(AdminDeleteUserCommand command) {
        guarded(() -> {
            UserPool pool = poolForOperation(command.userPoolId(), OperationCategory.USER_WRITE);
            User user = resolveUser(pool, command.username());
            if (!users.delete(pool.id(), user.sub())) {
                throw new UserNotFoundException(USER_NOT_FOUND_MESSAGE);
            }
            events.deleteAllOfUser(pool.id(), user.sub());
            return null;
        });
    }

    // ---- shared steps ---------------------------------------------------------------------------

    /** Check order steps 2 and 3: the pool's quota for the category, then the pool itself. */
    private UserPool poolForOperation(String poolId, OperationCategory category) {
        requireQuota(poolId, category);
        Optional<UserPool> pool = pools.find(poolId);
        if (pool.isEmpty()) {
            throw poolNotFound(poolId);
        }
        return pool.get();
    }

    private void requireQuota(String scope, OperationCategory category) {
        if (!rateLimiter.tryAcquire(scope, category)) {
            throw new TooManyRequestsException(RATE_EXCEEDED_MESSAGE);
        }
    }

    private static UserPool requireAdvancedSecurity(UserPool pool) {
        if (!pool.advancedSecurityEnabled()) {
            throw new UserPoolAddOnNotEnabledException(
                    "Advanced security features are not enabled for user pool " + pool.id() + ".");
        }
        return pool;
    }

    private static ResourceNotFoundException poolNotFound(String poolId) {
        return new ResourceNotFoundException("User pool " + poolId + " does not exist.");
    }

    /** Username first, then the pool's alias attributes, then sub, as Cognito resolves a username. */
    private User resolveUser(UserPool pool, String username) {
        Optional<User> user = users.findByUsername(pool.id(), username);
        if (user.isPresent()) {
            return user.get();
        }
        for (String attribute : UserRules.aliasAttributeNames(pool)) {
            user = users.findByAlias(pool.id(), new AliasKey(attribute, username));
            if (user.isPresent()) {
                return user.get();
            }
        }
        if (user.isEmpty()) {
            user = users.findBySub(pool.id(), username);
        }
        return user.orElseThrow(() -> new UserNotFoundException(USER_NOT_FOUND_MESSAGE));
    }

    private static AdvancedSecurityMode addOnMode(UserPoolAddOnsInput addOns) {
        return addOns == null ? AdvancedSecurityMode.OFF
                : WireEnum.parseValidated(AdvancedSecurityMode.class, addOns.advancedSecurityMode());
    }

    /** Threat protection (AUDIT or ENFORCED) is a feature of the PLUS tier, as AWS documents. */
    private static void requireTierAllows(AdvancedSecurityMode mode, UserPoolTier tier) {
        if (mode != AdvancedSecurityMode.OFF && tier != UserPoolTier.PLUS) {
            throw new FeatureUnavailableInTierException("Threat protection (UserPoolAddOns AdvancedSecurityMode "
                    + mode.wireValue() + ") requires the PLUS user pool tier; this pool's tier is "
                    + tier.wireValue() + ".");
        }
    }

    private static <E extends Enum<E> & WireEnum> List<E> distinct(List<String> values, Class<E> type) {
        List<E> parsed = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                E constant = WireEnum.parseValidated(type, value);
                if (!parsed.contains(constant)) {
                    parsed.add(constant);
                }
            }
        }
        return parsed;
    }

    /** Lets service errors through and turns any other failure (of a port, mostly) into InternalErrorException. */
    private static <T> T guarded(Supplier<T> useCase) {
        try {
            return useCase.get();
        } catch (CognitoServiceException answer) {
            throw answer;
        } catch (RuntimeException unexpected) {
            throw new InternalErrorException(unexpected);
        }
    }

    /** Builds the service from its ports: stores and rate limiter are required, the rest have defaults. */
    public static final class Builder {
        private Stores stores;
        private RateLimiter rateLimiter;
        private RiskListener riskListener = RiskListener.NONE;
        private IdGenerator ids = new SecureRandomIdGenerator();
        private Clock clock = Clock.systemUTC();
        private ServiceSettings settings = ServiceSettings.defaults();

        private Builder() {
        }

        /** Required: where pools, users and events live. */
        public Builder stores(Stores stores) {
            this.stores = stores;
            return this;
        }

        /** Required: the per-pool quotas (the in-memory adapter has a token bucket). */
        public Builder rateLimiter(RateLimiter limiter) {
            this.rateLimiter = limiter;
            return this;
        }

        /** Default: {@link RiskListener#NONE}. */
        public Builder riskListener(RiskListener listener) {
            this.riskListener = Objects.requireNonNull(listener, "riskListener");
            return this;
        }

        /** Default: {@link SecureRandomIdGenerator}. */
        public Builder idGenerator(IdGenerator generator) {
            this.ids = Objects.requireNonNull(generator, "idGenerator");
            return this;
        }

        /** Default: the system clock in UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Default: {@link ServiceSettings#defaults()}. */
        public Builder settings(ServiceSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public AuthEventFeedbackService build() {
            return new AuthEventFeedbackService(this);
        }
    }
}
