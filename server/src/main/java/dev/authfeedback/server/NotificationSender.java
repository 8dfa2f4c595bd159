package dev.authfeedback.server;

import dev.authfeedback.domain.port.in.DeliverNotificationsUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that sends notifications, apart from every request: it asks for the due ones every
 * {@link #INTERVAL}, and at once again while whole batches go out (a failing mail server gets one
 * batch a round, not a storm of retries). A failure to reach the store (a database
 * that is down, say) is logged once until sending works again.
 */
final class NotificationSender implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(250);
    private static final int BATCH = 20;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

    private final DeliverNotificationsUseCase delivery;
    private final AutoCloseable notifier;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread sender = new Thread(task, "notification-sender");
        sender.setDaemon(true);
        return sender;
    });
    private boolean failing;

    /** {@code notifier}: closed once the thread has stopped (its connection to the mail server). */
    NotificationSender(DeliverNotificationsUseCase delivery, AutoCloseable notifier) {
        this.delivery = delivery;
        this.notifier = notifier;
    }

    void start() {
        thread.scheduleWithFixedDelay(this::sendDue, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sendDue() {
        try {
            while (delivery.deliverDueNotifications(BATCH) == BATCH) {
                // a full batch sent: there may be more due now; after a failure, wait for the next round
            }
            if (failing) {
                LOG.info("sending notifications works again");
                failing = false;
            }
        } catch (RuntimeException failure) {
            if (!failing) {
                LOG.warn("cannot send notifications now ({}); trying again every {}", failure.getMessage(), INTERVAL);
                failing = true;
            }
        }
    }

    /** Stops after the message being sent, if any (at most the mail server's timeout). */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(15, TimeUnit.SECONDS);
            notifier.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception closing) {
            LOG.debug("closing the mail server connection failed: {}", closing.getMessage());
        }
    }
}
