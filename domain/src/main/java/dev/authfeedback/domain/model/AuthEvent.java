package dev.authfeedback.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An auth event of one user (the model's AuthEventType plus its owner and the reasons of its risk
 * evaluation, empty when it was not evaluated). Owned by the user's {@code sub}, which never
 * changes, rather than the username. Optional members are null when absent.
 *
 * @param poolId the user pool's id
 * @param userSub the user's immutable id (sub)
 * @param eventId the auth event's id (EventIdType)
 * @param eventType the kind of event: SignIn, SignUp, ForgotPassword, PasswordChange or ResendCode
 * @param creationDate when it was created
 * @param eventResponse the event's outcome: Pass, Fail or InProgress
 * @param eventRisk the risk evaluation of the event
 * @param challengeResponses the challenges of the sign-in and how each went
 * @param eventContextData where and on what the event happened, or null
 * @param eventFeedback the verdict given on the event, or null
 * @param riskReasons why the evaluation found the risk it did
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

    /** The verdict given on the event, if any. */
    public Optional<EventFeedback> feedback() {
        return Optional.ofNullable(eventFeedback);
    }

    /** This event with {@code feedback} as its verdict. */
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
