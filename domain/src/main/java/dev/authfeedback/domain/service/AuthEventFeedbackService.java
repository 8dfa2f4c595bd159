package dev.authfeedback.domain.service;

import dev.authfeedback.domain.error.CognitoServiceException;
import dev.authfeedback.domain.error.InternalErrorException;
import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.Page;
import dev.authfeedback.domain.model.RecordedAuthEvent;
import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.model.User;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.AdminCreateUserCommand;
import dev.authfeedback.domain.port.in.AdminDeleteUserCommand;
import dev.authfeedback.domain.port.in.AdminGetUserCommand;
import dev.authfeedback.domain.port.in.AdminListUserAuthEventsCommand;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.CreateUserPoolCommand;
import dev.authfeedback.domain.port.in.DeleteUserPoolCommand;
import dev.authfeedback.domain.port.in.DescribeRiskConfigurationCommand;
import dev.authfeedback.domain.port.in.DescribeUserPoolCommand;
import dev.authfeedback.domain.port.in.ListUserPoolsCommand;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import dev.authfeedback.domain.port.in.SetRiskConfigurationCommand;
import dev.authfeedback.domain.port.in.UpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.UpdateUserPoolCommand;
import dev.authfeedback.domain.port.out.IdGenerator;
import dev.authfeedback.domain.port.out.RateLimiter;
import dev.authfeedback.domain.port.out.RiskListener;
import dev.authfeedback.domain.port.out.StoreHealth;
import dev.authfeedback.domain.model.RotatedTokenKey;
import dev.authfeedback.domain.port.in.RotateFeedbackTokenKeyCommand;
import dev.authfeedback.domain.port.out.Stores;
import dev.authfeedback.domain.quota.RateLimits;
import dev.authfeedback.domain.quota.TokenBucketRateLimiter;
import dev.authfeedback.domain.model.Notification;
import dev.authfeedback.domain.port.in.ListNotificationsCommand;
import dev.authfeedback.domain.port.in.OpenFeedbackLinkCommand;
import dev.authfeedback.domain.port.out.Notifier;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The use cases over the outbound ports, one service per aggregate (feedback and events, user
 * pools, users, risk configurations) behind the one inbound port {@link AuthEventFeedbackUseCases}. Inbound adapters
 * build a command (which validates itself) and call the use case; every answer other than
 * success is a {@link CognitoServiceException}, and an unexpected failure of a port becomes
 * {@link InternalErrorException} with the cause attached for the adapter to log.
 *
 * <p>Build one with {@link #builder()}; it is thread-safe when its ports are.
 */
public final class AuthEventFeedbackService implements AuthEventFeedbackUseCases {

    private static final String DEFAULT_PUBLIC_URL_TEXT = "http://127.0.0.1:9229";
    private static final URI DEFAULT_PUBLIC_URL = URI.create(DEFAULT_PUBLIC_URL_TEXT);

    /** IllegalArgumentException unless {@code url} can stand before the feedback page's path in an unquoted href. */
    public static URI requirePublicUrl(String url) {
        URI parsed;
        try {
            parsed = url == null ? null : new URI(url);
        } catch (java.net.URISyntaxException notAUrl) {
            parsed = null;
        }
        if (parsed == null || !("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
                || parsed.getRawAuthority() == null || parsed.getRawQuery() != null || parsed.getRawFragment() != null
                || !url.chars().allMatch(c -> c > ' ' && c < 127 && c != '"' && c != '\'' && c != '<' && c != '>')) {
            throw new IllegalArgumentException("the public URL must be an absolute http or https URL without query, "
                    + "fragment, spaces or quotes, such as https://auth.example.com, was: " + url);
        }
        return parsed;
    }

    private final FeedbackService feedback;
    private final UserPoolService userPools;
    private final UserService users;
    private final RiskConfigurationService riskConfigurations;
    private final NotificationService notifications;
    private final boolean blocking;
    private final StoreHealth storeHealth;

    private AuthEventFeedbackService(Builder builder) {
        Stores stores = Objects.requireNonNull(builder.stores, "stores");
        PoolAccess poolAccess = new PoolAccess(stores.userPools(), builder.rateLimiter);
        UserResolver userResolver = new UserResolver(stores.users());
        SigningKeys signingKeys = new SigningKeys(stores.tokenSigningKeys());
        this.riskConfigurations = new RiskConfigurationService(poolAccess, stores.riskConfigurations(),
                builder.clock);
        this.notifications = new NotificationService(poolAccess, stores.notifications(), builder.notifier, builder.ids,
                builder.clock, builder.publicUrl);
        this.feedback = new FeedbackService(poolAccess, userResolver, stores.authEvents(), signingKeys,
                new SignInRisk(riskConfigurations, stores.riskModel()), notifications, builder.riskListener,
                builder.ids, builder.clock, builder.settings.tokenLifetime());
        this.userPools = new UserPoolService(poolAccess, stores.userPools(), signingKeys, builder.ids, builder.clock,
                builder.settings);
        this.users = new UserService(poolAccess, userResolver, stores.users(), builder.ids, builder.clock);
        this.blocking = stores.blocking();
        this.storeHealth = stores.health();
    }

    /** A builder: stores are required; the rest have defaults (no rate limit, no listener, the system clock, default settings). */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean blocking() {
        return blocking;
    }

    @Override
    public StoreHealth storeHealth() {
        return storeHealth;
    }

    @Override
    public void updateAuthEventFeedback(UpdateAuthEventFeedbackCommand command) {
        feedback.updateAuthEventFeedback(command);
    }

    @Override
    public void adminUpdateAuthEventFeedback(AdminUpdateAuthEventFeedbackCommand command) {
        feedback.adminUpdateAuthEventFeedback(command);
    }

    @Override
    public Page<AuthEvent> adminListUserAuthEvents(AdminListUserAuthEventsCommand command) {
        return feedback.adminListUserAuthEvents(command);
    }

    @Override
    public RecordedAuthEvent recordAuthEvent(RecordAuthEventCommand command) {
        return feedback.recordAuthEvent(command);
    }

    @Override
    public UserPool createUserPool(CreateUserPoolCommand command) {
        return userPools.createUserPool(command);
    }

    @Override
    public AuthEvent openFeedbackLink(OpenFeedbackLinkCommand command) {
        return feedback.openFeedbackLink(command);
    }

    @Override
    public Page<Notification> listNotifications(ListNotificationsCommand command) {
        return notifications.listNotifications(command);
    }

    @Override
    public int deliverDueNotifications(int max) {
        return notifications.deliverDueNotifications(max);
    }

    @Override
    public RotatedTokenKey rotateFeedbackTokenKey(RotateFeedbackTokenKeyCommand command) {
        return userPools.rotateFeedbackTokenKey(command);
    }

    @Override
    public UserPool describeUserPool(DescribeUserPoolCommand command) {
        return userPools.describeUserPool(command);
    }

    @Override
    public void updateUserPool(UpdateUserPoolCommand command) {
        userPools.updateUserPool(command);
    }

    @Override
    public void deleteUserPool(DeleteUserPoolCommand command) {
        userPools.deleteUserPool(command);
    }

    @Override
    public Page<UserPool> listUserPools(ListUserPoolsCommand command) {
        return userPools.listUserPools(command);
    }

    @Override
    public User adminCreateUser(AdminCreateUserCommand command) {
        return users.adminCreateUser(command);
    }

    @Override
    public User adminGetUser(AdminGetUserCommand command) {
        return users.adminGetUser(command);
    }

    @Override
    public void adminDeleteUser(AdminDeleteUserCommand command) {
        users.adminDeleteUser(command);
    }

    @Override
    public RiskConfiguration setRiskConfiguration(SetRiskConfigurationCommand command) {
        return riskConfigurations.setRiskConfiguration(command);
    }

    @Override
    public RiskConfiguration describeRiskConfiguration(DescribeRiskConfigurationCommand command) {
        return riskConfigurations.describeRiskConfiguration(command);
    }

    /** Builds the service from its ports: the stores are required, the rest have defaults. */
    public static final class Builder {
        private Stores stores;
        private RateLimiter rateLimiter = new TokenBucketRateLimiter(RateLimits.defaults());
        private RiskListener riskListener = RiskListener.NONE;
        private IdGenerator ids = new SecureRandomIdGenerator();
        private Clock clock = Clock.systemUTC();
        private ServiceSettings settings = ServiceSettings.defaults();
        private Notifier notifier = Notifier.NONE;
        private Supplier<URI> publicUrl = () -> DEFAULT_PUBLIC_URL;

        private Builder() {
        }

        /** Required: where pools, users and events live. */
        public Builder stores(Stores stores) {
            this.stores = stores;
            return this;
        }

        /** Default: a {@link TokenBucketRateLimiter} with {@link RateLimits#defaults()}, 25 requests/s per pool and category. */
        public Builder rateLimiter(RateLimiter limiter) {
            this.rateLimiter = Objects.requireNonNull(limiter, "rateLimiter");
            return this;
        }

        /** Default: {@link Notifier#NONE}: notifications stay in the outbox ({@code OutboxOnly}). */
        public Builder notifier(Notifier notifier) {
            this.notifier = Objects.requireNonNull(notifier, "notifier");
            return this;
        }

        /**
         * Where users reach the feedback page: the one-click links are under {@code <publicUrl>/feedback/}.
         * An absolute http or https URL without query, fragment, spaces or quotes. Default: {@code http://127.0.0.1:9229}.
         */
        public Builder publicUrl(String url) {
            URI checked = requirePublicUrl(url);
            this.publicUrl = () -> checked;
            return this;
        }

        /**
         * Like {@link #publicUrl(String)}, read each time a notification is rendered: for a host that
         * learns its address only once it listens (a free port, say). The supplier must answer a URL
         * that {@link #requirePublicUrl} accepts.
         */
        public Builder publicUrl(Supplier<URI> url) {
            this.publicUrl = Objects.requireNonNull(url, "publicUrl");
            return this;
        }

        /** Default: {@link RiskListener#NONE}. The listener runs on the caller's thread and must not block. */
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

        /** The service over the ports given; stores are required. */
        public AuthEventFeedbackUseCases build() {
            return new AuthEventFeedbackService(this);
        }
    }
}
