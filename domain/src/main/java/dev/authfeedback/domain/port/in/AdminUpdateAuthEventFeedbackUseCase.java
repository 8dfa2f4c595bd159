package dev.authfeedback.domain.port.in;

/** AdminUpdateAuthEventFeedback: an administrator's verdict on an event (Provider Admin). */
public interface AdminUpdateAuthEventFeedbackUseCase {
    /** Records an administrator's verdict on one of the user's events (provider Admin). */
    void adminUpdateAuthEventFeedback(AdminUpdateAuthEventFeedbackCommand command);
}
