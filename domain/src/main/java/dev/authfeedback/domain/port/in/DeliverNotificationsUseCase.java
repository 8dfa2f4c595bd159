package dev.authfeedback.domain.port.in;

/**
 * Sends the notifications that are due, off the request path: a host calls it from a thread of its
 * own, every fraction of a second. Several servers may call it on one store; each notification is
 * sent by one of them.
 */
public interface DeliverNotificationsUseCase {
    /**
     * Sends up to {@code max} due notifications through the notifier and records what became of
     * each; answers how many the mail server took. {@code max} of them: there may be more due, call
     * again at once; fewer: none are left, or the mail server is failing, so wait before calling again
     * rather than hammer it.
     */
    int deliverDueNotifications(int max);
}
