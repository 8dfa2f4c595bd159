package dev.authfeedback.domain.port.out;

/**
 * Told about every stored feedback, after it is stored (adaptive risk evaluation builds on it).
 * It runs on the caller's thread, which may be an event loop when the stores do not block, so it
 * must not block. A listener that throws does not undo the feedback: the failure is logged and
 * the caller still gets its success.
 */
@FunctionalInterface
public interface RiskListener {

    /** For a service that evaluates no risk: feedback is stored and nothing else happens. */
    RiskListener NONE = feedback -> { };

    /** Called after a verdict is stored, on the caller's thread; must not block or throw. */
    void feedbackRecorded(FeedbackRecorded feedback);
}
