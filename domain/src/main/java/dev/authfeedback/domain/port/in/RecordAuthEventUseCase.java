package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.RecordedAuthEvent;

/** RecordAuthEvent: records an event of a user and issues its feedback token. */
public interface RecordAuthEventUseCase {
    /** Records a sign-in or other auth event, evaluates its risk and issues its feedback token. */
    RecordedAuthEvent recordAuthEvent(RecordAuthEventCommand command);
}
