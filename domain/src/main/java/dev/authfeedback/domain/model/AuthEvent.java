package dev.authfeedback.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An auth event of one user (the model's AuthEventType plus its owner and the reasons of its risk
 * evaluation, empty when it was not evaluated). Owned by the user's {@code sub}, which never
 * changes, rather than the username. Optional members are null when absent.
 */
public record AuthEvent(
        String poolId,
        String userSub,
        String eventId,
        EventType eventType,
        Instant creationDate,
        EventResponse eventResponse,
        EventRisk eventRisk,
        List<ChallengeResponse> challengeResponses,
        EventContextData eventContextData,
        EventFeedback eventFeedback,
        List<RiskReason> riskReasons) {

    public AuthEvent {
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(userSub, "userSub");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(creationDate, "creationDate");
        challengeResponses = List.copyOf(challengeResponses);
        riskReasons = List.copyOf(riskReasons);
    }

    public Optional<EventFeedback> feedback() {
        return Optional.ofNullable(eventFeedback);
    }

    public AuthEvent withFeedback(EventFeedback feedback) {
        return new AuthEvent(poolId, userSub, eventId, eventType, creationDate, eventResponse, eventRisk,
                challengeResponses, eventContextData, Objects.requireNonNull(feedback, "feedback"), riskReasons);
    }

    /** The context is personal data (it redacts itself); ids, type and outcome are not. */
    @Override
    public String toString() {
        return "AuthEvent[poolId=" + poolId + ", userSub=" + userSub + ", eventId=" + eventId + ", eventType="
                + eventType + ", creationDate=" + creationDate + ", eventResponse=" + eventResponse + ", eventRisk="
                + eventRisk + ", eventContextData=" + eventContextData + ", eventFeedback=" + eventFeedback + ", riskReasons=" + riskReasons + "]";
    }
}
