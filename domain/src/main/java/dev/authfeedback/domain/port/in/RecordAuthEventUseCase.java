package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.RecordedAuthEvent;

/** RecordAuthEvent: records an event of a user and issues its feedback token. */
public interface RecordAuthEventUseCase {
    RecordedAuthEvent recordAuthEvent(RecordAuthEventCommand command);
}
