package dev.authfeedback.domain.port.out;

import dev.authfeedback.domain.model.AuthEvent;

/**
 * What the risk listener is told after a feedback was stored: the event with its new feedback.
 *
 * @param event the event the feedback was recorded on
 */
public record FeedbackRecorded(AuthEvent event) {
}
