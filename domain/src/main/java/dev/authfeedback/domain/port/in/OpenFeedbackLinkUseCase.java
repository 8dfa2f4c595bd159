package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.AuthEvent;

/**
 * The feedback page's first step. It records nothing (mail scanners open links), and answers only
 * to a link whose token holds: every check of UpdateAuthEventFeedback but the pool's quota.
 */
public interface OpenFeedbackLinkUseCase {
    /** The sign-in the link is about, with its feedback so far. */
    AuthEvent openFeedbackLink(OpenFeedbackLinkCommand command);
}
