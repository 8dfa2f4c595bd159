package dev.authfeedback.domain.service;

import dev.authfeedback.domain.error.InvalidParameterException;
import dev.authfeedback.domain.model.AccountTakeoverEventAction;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.Notification;
import dev.authfeedback.domain.model.NotificationStatus;
import dev.authfeedback.domain.model.Page;
import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.model.User;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.DeliverNotificationsUseCase;
import dev.authfeedback.domain.port.in.ListNotificationsCommand;
import dev.authfeedback.domain.port.in.ListNotificationsUseCase;
import dev.authfeedback.domain.port.in.Operation;
import dev.authfeedback.domain.port.out.IdGenerator;
import dev.authfeedback.domain.port.out.NotificationStore;
import dev.authfeedback.domain.port.out.Notifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Risk notifications: rendered and queued in the outbox when a sign-in's level notifies, sent by
 * {@link #deliverDueNotifications} off the request path (a slow or dead mail server never touches a
 * sign-in's answer), tried again with backoff, and listed for administrators.
 */
final class NotificationService implements ListNotificationsUseCase, DeliverNotificationsUseCase {

    /** Attempts before a notification is given up: 1 s, 4 s, 16 s, 64 s and 256 s apart (about 6 minutes). */
    static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    /** How long a sender holds the notifications it claimed: longer than any send takes. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    private static final String LISTING = "notifications";
    private static final System.Logger LOG = System.getLogger(NotificationService.class.getName());

    private final PoolAccess poolAccess;
    private final NotificationStore outbox;
    private final Notifier notifier;
    private final IdGenerator ids;
    private final Clock clock;
    private final Supplier<URI> publicUrl;

    NotificationService(PoolAccess poolAccess, NotificationStore outbox, Notifier notifier, IdGenerator ids,
                        Clock clock, Supplier<URI> publicUrl) {
        this.poolAccess = poolAccess;
        this.outbox = outbox;
        this.notifier = notifier;
        this.ids = ids;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** The sender when the configuration names none: no-reply at the public URL's host name (localhost for an address). */
    private String defaultFrom() {
        String host = publicUrl.get().getHost();
        return "no-reply@" + (host == null || host.isEmpty() || host.indexOf(':') >= 0
                || host.chars().allMatch(c -> c == '.' || Character.isDigit(c)) ? "localhost" : host);
    }

    /**
     * The one-click link of a verdict: {@code <public-url>/feedback/<pool>/<event>/<sub>/<token>/<valid|invalid>}.
     * Every part is of {@code [A-Za-z0-9-_=.]}, so the link fits an unquoted href.
     */
    String link(String poolId, String eventId, String userSub, String token, boolean valid) {
        String base = publicUrl.get().toString();
        return base + (base.endsWith("/") ? "" : "/") + "feedback/" + poolId + '/' + eventId + '/' + userSub + '/'
                + token + '/' + (valid ? "valid" : "invalid");
    }

    /** Renders and queues the notification of a sign-in whose level notifies. */
    void queue(UserPool pool, User user, String eventId, String token, Instant loginTime, EventContextData context,
               AccountTakeoverEventAction action, RiskConfiguration.AccountTakeover settings) {
        RiskConfiguration.Notify notify = settings.notifyConfiguration();
        RiskConfiguration.NotifyEmail template = NotificationRenderer.template(action,
                notify == null ? null : notify.blockEmail(), notify == null ? null : notify.mfaEmail(),
                notify == null ? null : notify.noActionEmail());
        NotificationRenderer.Rendered rendered = NotificationRenderer.render(template, NotificationRenderer.values(
                user.username(), context, loginTime, eventId, token,
                link(pool.id(), eventId, user.sub(), token, true), link(pool.id(), eventId, user.sub(), token, false)));
        String recipient = user.attributes().get("email");
        Instant now = clock.instant();
        NotificationStatus status = recipient == null ? NotificationStatus.NOT_SENDABLE
                : notifier == Notifier.NONE ? NotificationStatus.OUTBOX_ONLY : NotificationStatus.PENDING;
        String from = notify != null && notify.from() != null ? notify.from() : defaultFrom();
        outbox.insert(new Notification(ids.uuid(), pool.id(), user.sub(), eventId, recipient, from,
                notify == null ? null : notify.replyTo(), rendered.subject(), rendered.htmlBody(), rendered.textBody(),
                status, 0, now, status == NotificationStatus.PENDING ? now : null,
                recipient == null ? "the user has no email address" : null));
    }

    @Override
    public Page<Notification> listNotifications(ListNotificationsCommand command) {
        try {
            UserPool pool = poolAccess.pool(command.userPoolId(), Operation.LIST_NOTIFICATIONS);
            String after = null;
            if (command.nextToken() != null) {
                after = PageTokens.decode(command.nextToken(), LISTING, pool.id());
                if (outbox.find(pool.id(), after).isEmpty()) {
                    throw new InvalidParameterException(PageTokens.INVALID_TOKEN_MESSAGE);
                }
            }
            List<Notification> found = outbox.listNewestFirst(pool.id(), after, command.pageSize() + 1);
            return PageTokens.page(found, command.pageSize(), LISTING, pool.id(), Notification::notificationId);
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
    }

    @Override
    public int deliverDueNotifications(int max) {
        if (notifier == Notifier.NONE) {
            return 0;
        }
        Instant now = clock.instant();
        int sent = 0;
        for (Notification notification : outbox.claimDue(now, now.plus(CLAIM), max)) {
            Notification attempted = attempt(notification);
            outbox.update(attempted);
            if (attempted.status() == NotificationStatus.SENT) {
                sent++;
            }
        }
        return sent;
    }

    private Notification attempt(Notification notification) {
        try {
            notifier.send(notification);
            return notification.attempted(NotificationStatus.SENT, null, null);
        } catch (Notifier.NotificationRefused refused) {
            // the answer may name the recipient: it goes to the outbox, which only administrators read
            LOG.log(System.Logger.Level.WARNING, "the mail server refused " + notification
                    + " for good; ListNotifications says why");
            return notification.attempted(NotificationStatus.FAILED, null, refused.getMessage());
        } catch (RuntimeException failure) {
            String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            if (notification.attempts() + 1 >= MAX_ATTEMPTS) {
                LOG.log(System.Logger.Level.WARNING, "gave up " + notification + " after " + MAX_ATTEMPTS
                        + " attempts; ListNotifications says why");
                return notification.attempted(NotificationStatus.FAILED, null, reason);
            }
            Duration backoff = FIRST_RETRY.multipliedBy(1L << (2 * notification.attempts()));
            LOG.log(System.Logger.Level.DEBUG, "sending " + notification + " failed, trying again in " + backoff);
            return notification.attempted(NotificationStatus.PENDING, clock.instant().plus(backoff), reason);
        }
    }
}
