package dev.authfeedback.domain.risk;

import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.EventFeedback;
import dev.authfeedback.domain.model.EventResponse;
import dev.authfeedback.domain.model.FeedbackValue;
import dev.authfeedback.domain.model.RiskReason;

/**
 * What one write teaches the risk model about the values of one context: {@code seen} (1 when the
 * event is recorded), {@code history} (+1/-1 on the user's legitimate history), {@code confirmations}
 * and {@code reports} (+1/-1 Valid and Invalid verdicts). A store applies it to the user's
 * {@link RiskProfile} and to the pool's statistics in the same atomic step as the write itself.
 *
 * @param features the sign-in's context features the lesson is about
 * @param seen 1 when the event is recorded (its values count in the pool's figures), else 0
 * @param history change in the user's legitimate history (+1, -1 or 0)
 * @param confirmations change in the Valid verdicts on these values (+1, -1 or 0)
 * @param reports change in the Invalid verdicts on these values (+1, -1 or 0)
 */
public record RiskLesson(ContextFeatures features, int seen, int history, int confirmations, int reports) {

    /** A lesson that changes nothing. */
    public static final RiskLesson NONE = new RiskLesson(ContextFeatures.NONE, 0, 0, 0, 0);

    /** What recording {@code event} teaches: its context is seen, and joins the history if it passed. */
    public static RiskLesson recorded(AuthEvent event) {
        if (!teaches(event)) {
            return NONE;
        }
        return new RiskLesson(ContextFeatures.of(event.eventContextData()), 1, entersHistory(event) ? 1 : 0, 0, 0);
    }

    /**
     * What replacing the feedback {@code before} (null: none) of {@code event} with {@code after}
     * teaches. Invalid takes the event out of the legitimate history and reports its values; Valid
     * confirms them; a replaced verdict is taken back. The history's size never changes, so a
     * verdict on one context leaves the scores of other contexts as they were.
     */
    public static RiskLesson relabelled(AuthEvent event, EventFeedback before, EventFeedback after) {
        if (!teaches(event)) {
            return NONE;
        }
        int wasInvalid = is(before, FeedbackValue.INVALID);
        int isInvalid = is(after, FeedbackValue.INVALID);
        int history = entersHistory(event) ? wasInvalid - isInvalid : 0;
        int confirmations = is(after, FeedbackValue.VALID) - is(before, FeedbackValue.VALID);
        int reports = isInvalid - wasInvalid;
        if (history == 0 && confirmations == 0 && reports == 0) {
            return NONE;
        }
        return new RiskLesson(ContextFeatures.of(event.eventContextData()), 0, history, confirmations, reports);
    }

    /** True when applying it changes nothing. */
    public boolean isEmpty() {
        return features.isEmpty() || (seen == 0 && history == 0 && confirmations == 0 && reports == 0);
    }

    /** Events with a context teach, except those from an IP range the configuration lists. */
    private static boolean teaches(AuthEvent event) {
        return event.eventContextData() != null && !event.riskReasons().contains(RiskReason.SKIPPED_IP_RANGE)
                && !event.riskReasons().contains(RiskReason.BLOCKED_IP_RANGE);
    }

    /**
     * Only a sign-in that passed is the user's: a failed one may be anyone's, and one still waiting
     * for its MFA challenge (InProgress) would otherwise let an attacker who keeps failing the
     * challenge make the context familiar. A Valid verdict confirms such an event instead.
     */
    private static boolean entersHistory(AuthEvent event) {
        return event.eventResponse() == EventResponse.PASS;
    }

    private static int is(EventFeedback feedback, FeedbackValue value) {
        return feedback != null && feedback.feedbackValue() == value ? 1 : 0;
    }
}
