package dev.authfeedback.domain.port.out;

/**
 * Told about every stored feedback, after it is stored (adaptive risk evaluation builds on it).
 * A listener that throws does not undo the feedback: the failure is logged and the caller still
 * gets its success.
 */
@FunctionalInterface
public interface RiskListener {

    /** For a service that evaluates no risk: feedback is stored and nothing else happens. */
    RiskListener NONE = feedback -> { };

    void feedbackRecorded(FeedbackRecorded feedback);
}
