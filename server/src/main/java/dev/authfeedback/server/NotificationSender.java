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
 * {@link #INTERVAL}, and at once again while there were more than one batch. A failure (the store
 * down, say) is logged once until sending works again.
 */
final class NotificationSender implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(250);
    private static final int BATCH = 20;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

    private final DeliverNotificationsUseCase delivery;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread sender = new Thread(task, "notification-sender");
        sender.setDaemon(true);
        return sender;
    });
    private boolean failing;

    NotificationSender(DeliverNotificationsUseCase delivery) {
        this.delivery = delivery;
    }

    void start() {
        thread.scheduleWithFixedDelay(this::sendDue, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sendDue() {
        try {
            while (delivery.deliverDueNotifications(BATCH) == BATCH) {
                // a full batch: there may be more due now
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
