package dev.authfeedback.domain.service;

import dev.authfeedback.domain.error.InvalidParameterException;
import dev.authfeedback.domain.error.NotAuthorizedException;
import dev.authfeedback.domain.error.ResourceNotFoundException;
import dev.authfeedback.domain.error.UserNotFoundException;
import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.EventFeedback;
import dev.authfeedback.domain.model.FeedbackProvider;
import dev.authfeedback.domain.model.FeedbackValue;
import dev.authfeedback.domain.model.Page;
import dev.authfeedback.domain.model.RecordedAuthEvent;
import dev.authfeedback.domain.model.User;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.AdminListUserAuthEventsCommand;
import dev.authfeedback.domain.port.in.AdminListUserAuthEventsUseCase;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackUseCase;
import dev.authfeedback.domain.port.in.OpenFeedbackLinkCommand;
import dev.authfeedback.domain.port.in.OpenFeedbackLinkUseCase;
import dev.authfeedback.domain.port.in.Operation;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import dev.authfeedback.domain.port.in.RecordAuthEventUseCase;
import dev.authfeedback.domain.port.in.UpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.UpdateAuthEventFeedbackUseCase;
import dev.authfeedback.domain.port.out.AuthEventStore;
import dev.authfeedback.domain.port.out.FeedbackRecorded;
import dev.authfeedback.domain.port.out.IdGenerator;
import dev.authfeedback.domain.port.out.OperationCategory;
import dev.authfeedback.domain.port.out.RiskListener;
import dev.authfeedback.domain.token.FeedbackTokenCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The auth-event aggregate: recording events, the two kinds of feedback on them, and listing them. */
final class FeedbackService implements UpdateAuthEventFeedbackUseCase, AdminUpdateAuthEventFeedbackUseCase,
        AdminListUserAuthEventsUseCase, RecordAuthEventUseCase, OpenFeedbackLinkUseCase {

    private static final System.Logger LOG = System.getLogger(FeedbackService.class.getName());
    private static final String EVENTS_LISTING = "events";

    private final PoolAccess poolAccess;
    private final UserResolver userResolver;
    private final AuthEventStore events;
    private final SigningKeys signingKeys;
    private final SignInRisk signInRisk;
    private final NotificationService notifications;
    private final RiskListener riskListener;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration tokenLifetime;

    FeedbackService(PoolAccess poolAccess, UserResolver userResolver, AuthEventStore events, SigningKeys signingKeys,
                    SignInRisk signInRisk, NotificationService notifications, RiskListener riskListener,
                    IdGenerator ids, Clock clock, Duration tokenLifetime) {
        this.poolAccess = poolAccess;
        this.userResolver = userResolver;
        this.events = events;
        this.signingKeys = signingKeys;
        this.notifications = notifications;
        this.signInRisk = signInRisk;
        this.riskListener = riskListener;
        this.ids = ids;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    /**
     * The caller is anonymous: its source's quotas come first, so that one source cannot use up the
     * pool's; the pool's quota for token feedback is taken only once the token holds, so that forged
     * tokens never use it up; a refused token counts against its source.
     */
    @Override
    public void updateAuthEventFeedback(UpdateAuthEventFeedbackCommand command) {
        try {
            User user = tokenHolder(command.userPoolId(), command.username(), command.eventId(),
                    command.feedbackToken(), command.sourceAddress(), true);
            recordFeedback(user, command.eventId(), command.parsedFeedbackValue(), FeedbackProvider.USER);
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
    }

    @Override
    public AuthEvent openFeedbackLink(OpenFeedbackLinkCommand command) {
        try {
            User user = tokenHolder(command.userPoolId(), command.username(), command.eventId(),
                    command.feedbackToken(), command.sourceAddress(), false);
            return events.find(user.poolId(), user.sub(), command.eventId()).orElseThrow(
                    () -> new ResourceNotFoundException("Auth event " + command.eventId() + " does not exist."));
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
    }

    /**
     * The user a feedback token was issued to, once the source's quotas, the pool, its threat
     * protection, the token and the username agree (and the pool's token quota, when {@code
     * poolQuota}: a link merely opened does not take it).
     */
    private User tokenHolder(String poolId, String username, String eventId, String feedbackToken,
                             String sourceAddress, boolean poolQuota) {
        String source = PoolAccess.sourceScope(sourceAddress);
        if (source != null) {
            poolAccess.requireQuotaLeft(source, OperationCategory.SOURCE_REFUSED_TOKENS);
            poolAccess.requireQuota(source, OperationCategory.SOURCE_TOKEN_FEEDBACK);
        }
        UserPool pool = poolAccess.unmeteredPoolWithThreatProtection(poolId);
        FeedbackTokenCodec.Verification token = FeedbackTokenCodec.verify(pool.id(),
                keyId -> signingKeys.byId(pool.id(), keyId), feedbackToken, eventId, clock.instant());
        if (token.refusal() != null) {
            throw refused(pool, eventId, token.refusal(), source);
        }
        if (poolQuota) {
            poolAccess.requireQuota(pool.id(), Operation.UPDATE_AUTH_EVENT_FEEDBACK);
        }
        User user = userResolver.resolve(pool, username);
        if (!user.sub().equals(token.userSub())) {
            throw refused(pool, eventId, FeedbackTokenCodec.Refusal.OTHER_USER, source);
        }
        return user;
    }

    /**
     * The one answer to every refused token, counted against its source; the operator's log says
     * why (never the token itself).
     */
    private NotAuthorizedException refused(UserPool pool, String eventId, FeedbackTokenCodec.Refusal refusal,
                                           String source) {
        if (source != null) {
            poolAccess.spendQuota(source, OperationCategory.SOURCE_REFUSED_TOKENS);
        }
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "feedback token refused for event " + eventId + " of pool " + pool.id()
                    + ": " + refusal.reason());
        }
        return new NotAuthorizedException(NotAuthorizedException.INVALID_FEEDBACK_TOKEN_MESSAGE);
    }

    @Override
    public void adminUpdateAuthEventFeedback(AdminUpdateAuthEventFeedbackCommand command) {
        try {
            UserPool pool = poolAccess.poolWithThreatProtection(command.userPoolId(),
                    Operation.ADMIN_UPDATE_AUTH_EVENT_FEEDBACK);
            User user = userResolver.resolve(pool, command.username());
            recordFeedback(user, command.eventId(), command.parsedFeedbackValue(), FeedbackProvider.ADMIN);
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
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

    /** The event is stored: a failure to queue its notification is logged, and the sign-in still gets its answer. */
    private void queueNotification(UserPool pool, User user, AuthEvent event, String token, SignInRisk.Outcome risk) {
        try {
            notifications.queue(pool, user, event.eventId(), token, event.creationDate(), event.eventContextData(),
                    risk.action(), risk.notifying());
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.ERROR, "could not queue the notification of event " + event.eventId(), failure);
        }
    }

    @Override
    public Page<AuthEvent> adminListUserAuthEvents(AdminListUserAuthEventsCommand command) {
        try {
            UserPool pool = poolAccess.poolWithThreatProtection(command.userPoolId(),
                    Operation.ADMIN_LIST_USER_AUTH_EVENTS);
            User user = userResolver.resolve(pool, command.username());
            String listing = pool.id() + '/' + user.sub();
            String after = null;
            if (command.nextToken() != null) {
                after = PageTokens.decode(command.nextToken(), EVENTS_LISTING, listing);
                if (events.find(pool.id(), user.sub(), after).isEmpty()) {
                    throw new InvalidParameterException(PageTokens.INVALID_TOKEN_MESSAGE);
                }
            }
            int pageSize = command.pageSize();
            List<AuthEvent> found = events.listNewestFirst(pool.id(), user.sub(), after, pageSize + 1);
            return PageTokens.page(found, pageSize, EVENTS_LISTING, listing, AuthEvent::eventId);
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
    }

    @Override
    public RecordedAuthEvent recordAuthEvent(RecordAuthEventCommand command) {
        try {
            UserPool pool = poolAccess.poolWithThreatProtection(command.userPoolId(), Operation.RECORD_AUTH_EVENT);
            User user = userResolver.resolve(pool, command.username());
            SignInRisk.Outcome risk = signInRisk.evaluate(pool, user.sub(), command);
            Instant now = clock.instant();
            AuthEvent event = new AuthEvent(pool.id(), user.sub(), ids.uuid(), command.parsedEventType(), now,
                    risk.response(), risk.risk(), command.parsedChallengeResponses(), command.eventContextData(),
                    null, risk.reasons());
            if (!events.insert(event)) {
                // the user was deleted after it was resolved
                throw new UserNotFoundException(UserNotFoundException.MESSAGE);
            }
            String token = FeedbackTokenCodec.issue(pool.id(), signingKeys.current(pool.id()), user.sub(),
                    event.eventId(), now.plus(tokenLifetime));
            if (risk.notifying() != null) {
                queueNotification(pool, user, event, token, risk);
            }
            return new RecordedAuthEvent(event.eventId(), token, event.eventRisk(), event.eventResponse(),
                    event.riskReasons(), risk.action());
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
    }
}
