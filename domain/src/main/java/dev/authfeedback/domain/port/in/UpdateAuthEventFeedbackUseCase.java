package dev.authfeedback.domain.port.in;

/** UpdateAuthEventFeedback: the user's verdict on an event, authorized by the event's feedback token. */
public interface UpdateAuthEventFeedbackUseCase {
    void updateAuthEventFeedback(UpdateAuthEventFeedbackCommand command);
}
