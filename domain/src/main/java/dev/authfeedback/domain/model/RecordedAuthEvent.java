package dev.authfeedback.domain.model;

import java.util.List;

/**
 * What RecordAuthEvent answers: the new event's id, the feedback token to mail to the user, and
 * what the host's sign-in flow acts on: the event's risk and response as stored, the reasons of
 * the evaluation, and the configured action that applies ({@code eventAction}, null when none
 * does: threat protection in audit mode, or nothing evaluated).
 *
 * @param eventId the auth event's id (EventIdType)
 * @param feedbackToken the feedback token issued with the event (TokenModelType); a secret
 * @param eventRisk the risk evaluation of the event
 * @param eventResponse the event's outcome: Pass, Fail or InProgress
 * @param riskReasons why the evaluation found the risk it did
 * @param eventAction the configured action that applies (BLOCK, MFA_IF_CONFIGURED, MFA_REQUIRED or NO_ACTION), or null
 */
public record RecordedAuthEvent(String eventId, String feedbackToken, EventRisk eventRisk,
                                EventResponse eventResponse, List<RiskReason> riskReasons,
                                AccountTakeoverEventAction eventAction) {

    public RecordedAuthEvent {
        riskReasons = List.copyOf(riskReasons);
    }

    /** The token is a credential: keep it out of logs. */
    @Override
    public String toString() {
        return "RecordedAuthEvent[eventId=" + eventId + ", feedbackToken=(redacted), eventRisk=" + eventRisk
                + ", eventResponse=" + eventResponse + ", riskReasons=" + riskReasons + ", eventAction="
                + eventAction + "]";
    }
}
