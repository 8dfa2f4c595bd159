package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.Notification;
import dev.authfeedback.domain.model.Page;

/** ListNotifications. */
public interface ListNotificationsUseCase {
    /** A page of the pool's notifications, newest first, with what became of each. */
    Page<Notification> listNotifications(ListNotificationsCommand command);
}
