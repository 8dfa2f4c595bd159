package dev.authfeedback.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The model's EventFeedbackType: the verdict on an event, who gave it and when.
 *
 * @param feedbackValue the verdict: Valid or Invalid (FeedbackValueType)
 * @param provider who gave it: User or Admin
 * @param feedbackDate when it was given
 */
public record EventFeedback(FeedbackValue feedbackValue, FeedbackProvider provider, Instant feedbackDate) {

    public EventFeedback {
        Objects.requireNonNull(feedbackValue, "feedbackValue");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(feedbackDate, "feedbackDate");
    }
}
