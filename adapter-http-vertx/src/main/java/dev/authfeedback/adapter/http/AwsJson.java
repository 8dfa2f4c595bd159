package dev.authfeedback.adapter.http;

import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.ChallengeResponse;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.EventFeedback;
import dev.authfeedback.domain.model.EventRisk;
import dev.authfeedback.domain.model.Notification;
import dev.authfeedback.domain.model.RecordedAuthEvent;
import dev.authfeedback.domain.model.RotatedTokenKey;
import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.model.RiskReason;
import dev.authfeedback.domain.model.User;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.model.WireEnum;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Domain values as the service model's response shapes: members named as the model names them,
 * timestamps as epoch seconds with a millisecond fraction, absent members left out.
 */
final class AwsJson {

    private AwsJson() {
    }

    static BigDecimal timestamp(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    /** UserPoolType. */
    static JsonObject userPool(UserPool pool) {
        JsonObject json = new JsonObject()
                .put("Id", pool.id())
                .put("Name", pool.name())
                .put("Arn", pool.arn())
                .put("CreationDate", timestamp(pool.creationDate()))
                .put("LastModifiedDate", timestamp(pool.lastModifiedDate()))
                .put("UserPoolAddOns", new JsonObject().put("AdvancedSecurityMode",
                        pool.advancedSecurityMode().wireValue()))
                .put("UserPoolTier", pool.tier().wireValue());
        if (!pool.aliasAttributes().isEmpty()) {
            json.put("AliasAttributes", wireValues(pool.aliasAttributes()));
        }
        if (!pool.usernameAttributes().isEmpty()) {
            json.put("UsernameAttributes", wireValues(pool.usernameAttributes()));
        }
        return json;
    }

    /** UserPoolDescriptionType. */
    static JsonObject userPoolDescription(UserPool pool) {
        return new JsonObject()
                .put("Id", pool.id())
                .put("Name", pool.name())
                .put("CreationDate", timestamp(pool.creationDate()))
                .put("LastModifiedDate", timestamp(pool.lastModifiedDate()));
    }

    /** UserType (AdminCreateUser); AdminGetUser names the attributes {@code UserAttributes}. */
    static JsonObject user(User user, String attributesMember) {
        return new JsonObject()
                .put("Username", user.username())
                .put(attributesMember, attributes(user.attributes()))
                .put("UserCreateDate", timestamp(user.createDate()))
                .put("UserLastModifiedDate", timestamp(user.lastModifiedDate()))
                .put("Enabled", user.enabled())
                .put("UserStatus", user.status().wireValue());
    }

    /** RecordAuthEvent's answer: the model's members where it has them, and this project's reasons and action. */
    /** An outbox entry, as ListNotifications answers it; absent values are left out. */
    static JsonObject notification(Notification notification) {
        JsonObject json = new JsonObject().put("NotificationId", notification.notificationId())
                .put("EventId", notification.eventId()).put("UserSub", notification.userSub());
        putIfPresent(json, "Recipient", notification.recipient());
        json.put("From", notification.from());
        putIfPresent(json, "ReplyTo", notification.replyTo());
        json.put("Subject", notification.subject());
        putIfPresent(json, "HtmlBody", notification.htmlBody());
        putIfPresent(json, "TextBody", notification.textBody());
        json.put("Status", notification.status().wireValue()).put("Attempts", notification.attempts())
                .put("CreationDate", timestamp(notification.createdAt()));
        if (notification.nextAttemptAt() != null) {
            json.put("NextAttemptDate", timestamp(notification.nextAttemptAt()));
        }
        putIfPresent(json, "LastError", notification.lastError());
        return json;
    }

    /** The new key's id (never the key) and when the one it replaced stops verifying. */
    static JsonObject rotatedTokenKey(RotatedTokenKey rotated) {
        return new JsonObject().put("KeyId", rotated.keyId())
                .put("PreviousKeyRetiresAt", timestamp(rotated.previousKeyRetiresAt()));
    }

    static JsonObject recordedAuthEvent(RecordedAuthEvent recorded) {
        JsonObject json = new JsonObject().put("EventId", recorded.eventId())
                .put("FeedbackToken", recorded.feedbackToken());
        putEventRisk(json, recorded.eventRisk());
        putWire(json, "EventResponse", recorded.eventResponse());
        putReasons(json, recorded.riskReasons());
        putWire(json, "EventAction", recorded.eventAction());
        return json;
    }

    private static void putEventRisk(JsonObject json, EventRisk risk) {
        if (risk != null) {
            JsonObject riskJson = new JsonObject();
            putWire(riskJson, "RiskDecision", risk.riskDecision());
            putWire(riskJson, "RiskLevel", risk.riskLevel());
            if (risk.compromisedCredentialsDetected() != null) {
                riskJson.put("CompromisedCredentialsDetected", risk.compromisedCredentialsDetected());
            }
            json.put("EventRisk", riskJson);
        }
    }

    private static void putReasons(JsonObject json, List<RiskReason> reasons) {
        JsonArray array = new JsonArray();
        reasons.forEach(reason -> array.add(reason.wireValue()));
        json.put("Reasons", array);
    }

    /** AuthEventType. */
    static JsonObject authEvent(AuthEvent event) {
        JsonObject json = new JsonObject()
                .put("EventId", event.eventId())
                .put("EventType", event.eventType().wireValue())
                .put("CreationDate", timestamp(event.creationDate()));
        putWire(json, "EventResponse", event.eventResponse());
        putEventRisk(json, event.eventRisk());
        JsonArray challenges = new JsonArray();
        for (ChallengeResponse challenge : event.challengeResponses()) {
            JsonObject challengeJson = new JsonObject();
            putWire(challengeJson, "ChallengeName", challenge.challengeName());
            putWire(challengeJson, "ChallengeResponse", challenge.challengeResponse());
            challenges.add(challengeJson);
        }
        json.put("ChallengeResponses", challenges);
        EventContextData context = event.eventContextData();
        if (context != null) {
            JsonObject contextJson = new JsonObject();
            putIfPresent(contextJson, "IpAddress", context.ipAddress());
            putIfPresent(contextJson, "DeviceName", context.deviceName());
            putIfPresent(contextJson, "Timezone", context.timezone());
            putIfPresent(contextJson, "City", context.city());
            putIfPresent(contextJson, "Country", context.country());
            json.put("EventContextData", contextJson);
        }
        EventFeedback feedback = event.eventFeedback();
        if (feedback != null) {
            json.put("EventFeedback", new JsonObject()
                    .put("FeedbackValue", feedback.feedbackValue().wireValue())
                    .put("Provider", feedback.provider().wireValue())
                    .put("FeedbackDate", timestamp(feedback.feedbackDate())));
        }
        return json;
    }

    private static JsonArray attributes(Map<String, String> attributes) {
        JsonArray json = new JsonArray();
        attributes.forEach((name, value) -> json.add(new JsonObject().put("Name", name).put("Value", value)));
        return json;
    }

    private static JsonArray wireValues(List<? extends WireEnum> values) {
        JsonArray json = new JsonArray();
        values.forEach(value -> json.add(value.wireValue()));
        return json;
    }

    private static void putWire(JsonObject json, String member, WireEnum value) {
        if (value != null) {
            json.put(member, value.wireValue());
        }
    }

    private static void putIfPresent(JsonObject json, String member, Object value) {
        if (value != null) {
            json.put(member, value);
        }
    }

    /** RiskConfigurationType. */
    static JsonObject riskConfiguration(RiskConfiguration configuration) {
        JsonObject json = new JsonObject().put("UserPoolId", configuration.userPoolId());
        putIfPresent(json, "ClientId", configuration.clientId());
        RiskConfiguration.CompromisedCredentials compromised = configuration.compromisedCredentials();
        if (compromised != null) {
            json.put("CompromisedCredentialsRiskConfiguration", new JsonObject()
                    .put("EventFilter", wireValues(compromised.eventFilter()))
                    .put("Actions", new JsonObject().put("EventAction", compromised.eventAction().wireValue())));
        }
        RiskConfiguration.AccountTakeover takeover = configuration.accountTakeover();
        if (takeover != null) {
            JsonObject actions = new JsonObject();
            putIfPresent(actions, "LowAction", levelAction(takeover.lowAction()));
            putIfPresent(actions, "MediumAction", levelAction(takeover.mediumAction()));
            putIfPresent(actions, "HighAction", levelAction(takeover.highAction()));
            JsonObject takeoverJson = new JsonObject();
            RiskConfiguration.Notify notify = takeover.notifyConfiguration();
            if (notify != null) {
                JsonObject notifyJson = new JsonObject();
                putIfPresent(notifyJson, "From", notify.from());
                putIfPresent(notifyJson, "ReplyTo", notify.replyTo());
                notifyJson.put("SourceArn", notify.sourceArn());
                putIfPresent(notifyJson, "BlockEmail", email(notify.blockEmail()));
                putIfPresent(notifyJson, "NoActionEmail", email(notify.noActionEmail()));
                putIfPresent(notifyJson, "MfaEmail", email(notify.mfaEmail()));
                takeoverJson.put("NotifyConfiguration", notifyJson);
            }
            json.put("AccountTakeoverRiskConfiguration", takeoverJson.put("Actions", actions));
        }
        RiskConfiguration.RiskExceptions exceptions = configuration.riskExceptions();
        if (exceptions != null) {
            JsonObject exceptionsJson = new JsonObject();
            if (!exceptions.blockedIpRanges().isEmpty()) {
                exceptionsJson.put("BlockedIPRangeList", new JsonArray(exceptions.blockedIpRanges()));
            }
            if (!exceptions.skippedIpRanges().isEmpty()) {
                exceptionsJson.put("SkippedIPRangeList", new JsonArray(exceptions.skippedIpRanges()));
            }
            json.put("RiskExceptionConfiguration", exceptionsJson);
        }
        if (configuration.lastModifiedDate() != null) {
            json.put("LastModifiedDate", timestamp(configuration.lastModifiedDate()));
        }
        return json;
    }

    private static JsonObject levelAction(RiskConfiguration.LevelAction action) {
        return action == null ? null
                : new JsonObject().put("Notify", action.notifies()).put("EventAction", action.eventAction().wireValue());
    }

    private static JsonObject email(RiskConfiguration.NotifyEmail email) {
        if (email == null) {
            return null;
        }
        JsonObject json = new JsonObject().put("Subject", email.subject());
        putIfPresent(json, "HtmlBody", email.htmlBody());
        putIfPresent(json, "TextBody", email.textBody());
        return json;
    }
}
