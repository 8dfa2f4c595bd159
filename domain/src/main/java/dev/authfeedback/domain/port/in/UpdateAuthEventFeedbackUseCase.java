package dev.authfeedback.domain.port.in;

/** UpdateAuthEventFeedback: the user's verdict on an event, authorized by the event's feedback token. */
public interface UpdateAuthEventFeedbackUseCase {
    /** Records a user's verdict on one of their events, authorized by its feedback token (provider User). */
    void updateAuthEventFeedback(UpdateAuthEventFeedbackCommand command);
}
