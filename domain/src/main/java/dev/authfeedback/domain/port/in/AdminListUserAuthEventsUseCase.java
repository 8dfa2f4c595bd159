package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.Page;

/** AdminListUserAuthEvents: a user's events, newest first, with their feedback. */
public interface AdminListUserAuthEventsUseCase {
    /** A page of the user's auth events, newest first, with their feedback. */
    Page<AuthEvent> adminListUserAuthEvents(AdminListUserAuthEventsCommand command);
}
