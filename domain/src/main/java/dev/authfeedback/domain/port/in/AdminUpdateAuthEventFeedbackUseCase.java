package dev.authfeedback.domain.port.in;

/** AdminUpdateAuthEventFeedback: an administrator's verdict on an event (Provider Admin). */
public interface AdminUpdateAuthEventFeedbackUseCase {
    void adminUpdateAuthEventFeedback(AdminUpdateAuthEventFeedbackCommand command);
}
