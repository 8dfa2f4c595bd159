package dev.authfeedback.conformance;

import dev.authfeedback.domain.model.EventContextData;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an operation answers, as every transport can report it: enum values as their wire strings,
 * absent members as null. Drivers translate their transport's answers into these.
 */
public final class Views {

    private Views() {
    }

    public record PoolView(String id, String name, String arn, String advancedSecurityMode, String tier,
                           List<String> aliasAttributes, List<String> usernameAttributes,
                           Instant creationDate, Instant lastModifiedDate) {
    }

    public record PoolSummary(String id, String name) {
    }

    public record UserView(String username, Map<String, String> attributes, boolean enabled, String status,
                           Instant createDate, Instant lastModifiedDate) {
    }

    public record FeedbackView(String value, String provider, Instant date) {
    }

    public record ChallengeView(String name, String response) {
    }

    public record EventView(String eventId, String eventType, Instant creationDate, String eventResponse,
                            String riskDecision, String riskLevel, Boolean compromisedCredentialsDetected,
                            List<ChallengeView> challengeResponses, EventContextData contextData,
                            FeedbackView feedback) {
    }

    /** RecordAuthEvent's answer; {@code reasons} and {@code eventAction} are this project's own members. */
    public record Recorded(String eventId, String feedbackToken, String riskDecision, String riskLevel,
                           Boolean compromisedCredentialsDetected, String eventResponse, List<String> reasons,
                           String eventAction) {
    }

    /** An outbox entry as ListNotifications answers it. */
    public record NotificationView(String notificationId, String eventId, String userSub, String recipient,
                                   String from, String replyTo, String subject, String htmlBody, String textBody,
                                   String status, int attempts, String lastError) {
    }

    /** RotateFeedbackTokenKey's answer. */
    public record RotatedView(String keyId, Instant previousKeyRetiresAt) {
    }

    public record PageView<T>(List<T> items, String nextToken) {
    }
}
