package dev.authfeedback.adapter.grpc;

import com.google.protobuf.Timestamp;
import dev.authfeedback.adapter.grpc.v1.AttributeType;
import dev.authfeedback.adapter.grpc.v1.AuthEventType;
import dev.authfeedback.adapter.grpc.v1.ChallengeResponseType;
import dev.authfeedback.adapter.grpc.v1.EventContextDataType;
import dev.authfeedback.adapter.grpc.v1.EventFeedbackType;
import dev.authfeedback.adapter.grpc.v1.EventRiskType;
import dev.authfeedback.adapter.grpc.v1.RecordAuthEventResponse;
import dev.authfeedback.adapter.grpc.v1.UserPoolAddOns;
import dev.authfeedback.adapter.grpc.v1.UserPoolDescription;
import dev.authfeedback.adapter.grpc.v1.UserType;
import dev.authfeedback.domain.model.AdvancedSecurityMode;
import dev.authfeedback.domain.model.AliasAttribute;
import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.ChallengeName;
import dev.authfeedback.domain.model.ChallengeResponse;
import dev.authfeedback.domain.model.ChallengeResult;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.EventResponse;
import dev.authfeedback.domain.model.EventRisk;
import dev.authfeedback.domain.model.EventType;
import dev.authfeedback.domain.model.FeedbackValue;
import dev.authfeedback.domain.model.Notification;
import dev.authfeedback.domain.model.RecordedAuthEvent;
import dev.authfeedback.domain.model.RiskDecision;
import dev.authfeedback.domain.model.RiskLevel;
import dev.authfeedback.domain.model.RiskReason;
import dev.authfeedback.domain.model.User;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.model.UserPoolTier;
import dev.authfeedback.domain.model.UserStatus;
import dev.authfeedback.domain.model.UsernameAttribute;
import dev.authfeedback.domain.port.in.AttributeInput;
import dev.authfeedback.domain.port.in.ChallengeResponseInput;
import dev.authfeedback.domain.port.in.EventRiskInput;
import dev.authfeedback.domain.port.in.UserPoolAddOnsInput;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Between the proto messages and the domain's commands and models, field by field. */
public final class GrpcMapping {

    private GrpcMapping() {
    }

    // ---- requests -> command members ------------------------------------------------------------

    static String optional(boolean present, String value) {
        return present ? value : null;
    }

    static UserPoolAddOnsInput addOns(boolean present, UserPoolAddOns addOns) {
        return present ? new UserPoolAddOnsInput(ProtoEnums.toWire(addOns.getAdvancedSecurityModeValue(),
                dev.authfeedback.adapter.grpc.v1.AdvancedSecurityMode.getDescriptor(), AdvancedSecurityMode.class))
                : null;
    }

    static List<AttributeInput> attributes(List<AttributeType> attributes) {
        return attributes.isEmpty() ? null : attributes.stream().map(attribute -> new AttributeInput(
                optional(attribute.hasName(), attribute.getName()),
                optional(attribute.hasValue(), attribute.getValue()))).toList();
    }

    static EventRiskInput risk(boolean present, EventRiskType risk) {
        return present ? new EventRiskInput(
                ProtoEnums.toWire(risk.getRiskDecisionValue(),
                        dev.authfeedback.adapter.grpc.v1.RiskDecision.getDescriptor(), RiskDecision.class),
                ProtoEnums.toWire(risk.getRiskLevelValue(),
                        dev.authfeedback.adapter.grpc.v1.RiskLevel.getDescriptor(), RiskLevel.class),
                risk.hasCompromisedCredentialsDetected() ? risk.getCompromisedCredentialsDetected() : null)
                : null;
    }

    static List<ChallengeResponseInput> challenges(List<ChallengeResponseType> challenges) {
        return challenges.isEmpty() ? null : challenges.stream().map(challenge -> new ChallengeResponseInput(
                ProtoEnums.toWire(challenge.getChallengeNameValue(),
                        dev.authfeedback.adapter.grpc.v1.ChallengeName.getDescriptor(), ChallengeName.class),
                ProtoEnums.toWire(challenge.getChallengeResponseValue(),
                        dev.authfeedback.adapter.grpc.v1.ChallengeResponse.getDescriptor(), ChallengeResult.class)))
                .toList();
    }

    static EventContextData context(boolean present, EventContextDataType context) {
        return present ? new EventContextData(
                optional(context.hasIpAddress(), context.getIpAddress()),
                optional(context.hasDeviceName(), context.getDeviceName()),
                optional(context.hasTimezone(), context.getTimezone()),
                optional(context.hasCity(), context.getCity()),
                optional(context.hasCountry(), context.getCountry())) : null;
    }

    // ---- models -> responses --------------------------------------------------------------------

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static dev.authfeedback.adapter.grpc.v1.UserPool userPool(UserPool pool) {
        dev.authfeedback.adapter.grpc.v1.UserPool.Builder proto = dev.authfeedback.adapter.grpc.v1.UserPool.newBuilder()
                .setId(pool.id())
                .setName(pool.name())
                .setArn(pool.arn())
                .setCreationDate(timestamp(pool.creationDate()))
                .setLastModifiedDate(timestamp(pool.lastModifiedDate()))
                .setUserPoolAddOns(UserPoolAddOns.newBuilder().setAdvancedSecurityModeValue(ProtoEnums.number(
                        pool.advancedSecurityMode(), dev.authfeedback.adapter.grpc.v1.AdvancedSecurityMode.getDescriptor())))
                .setUserPoolTierValue(ProtoEnums.number(pool.tier(),
                        dev.authfeedback.adapter.grpc.v1.UserPoolTier.getDescriptor()));
        for (AliasAttribute alias : pool.aliasAttributes()) {
            proto.addAliasAttributesValue(ProtoEnums.number(alias,
                    dev.authfeedback.adapter.grpc.v1.AliasAttribute.getDescriptor()));
        }
        for (UsernameAttribute attribute : pool.usernameAttributes()) {
            proto.addUsernameAttributesValue(ProtoEnums.number(attribute,
                    dev.authfeedback.adapter.grpc.v1.UsernameAttribute.getDescriptor()));
        }
        return proto.build();
    }

    static UserPoolDescription userPoolDescription(UserPool pool) {
        return UserPoolDescription.newBuilder().setId(pool.id()).setName(pool.name())
                .setCreationDate(timestamp(pool.creationDate()))
                .setLastModifiedDate(timestamp(pool.lastModifiedDate())).build();
    }

    static UserType user(User user) {
        return UserType.newBuilder()
                .setUsername(user.username())
                .addAllAttributes(attributeList(user.attributes()))
                .setUserCreateDate(timestamp(user.createDate()))
                .setUserLastModifiedDate(timestamp(user.lastModifiedDate()))
                .setEnabled(user.enabled())
                .setUserStatusValue(userStatus(user.status()))
                .build();
    }

    static int userStatus(UserStatus status) {
        return ProtoEnums.number(status, dev.authfeedback.adapter.grpc.v1.UserStatus.getDescriptor());
    }

    static List<AttributeType> attributeList(Map<String, String> attributes) {
        return attributes.entrySet().stream().map(attribute -> AttributeType.newBuilder()
                .setName(attribute.getKey()).setValue(attribute.getValue()).build()).toList();
    }

    static AuthEventType authEvent(AuthEvent event) {
        AuthEventType.Builder proto = AuthEventType.newBuilder()
                .setEventId(event.eventId())
                .setEventTypeValue(ProtoEnums.number(event.eventType(),
                        dev.authfeedback.adapter.grpc.v1.EventType.getDescriptor()))
                .setCreationDate(timestamp(event.creationDate()));
        EventResponse response = event.eventResponse();
        if (response != null) {
            proto.setEventResponseValue(ProtoEnums.number(response,
                    dev.authfeedback.adapter.grpc.v1.EventResponse.getDescriptor()));
        }
        if (event.eventRisk() != null) {
            proto.setEventRisk(eventRisk(event.eventRisk()));
        }
        for (ChallengeResponse challenge : event.challengeResponses()) {
            ChallengeResponseType.Builder challengeProto = ChallengeResponseType.newBuilder();
            if (challenge.challengeName() != null) {
                challengeProto.setChallengeNameValue(ProtoEnums.number(challenge.challengeName(),
                        dev.authfeedback.adapter.grpc.v1.ChallengeName.getDescriptor()));
            }
            if (challenge.challengeResponse() != null) {
                challengeProto.setChallengeResponseValue(ProtoEnums.number(challenge.challengeResponse(),
                        dev.authfeedback.adapter.grpc.v1.ChallengeResponse.getDescriptor()));
            }
            proto.addChallengeResponses(challengeProto);
        }
        if (event.eventContextData() != null) {
            proto.setEventContextData(eventContext(event.eventContextData()));
        }
        event.feedback().ifPresent(feedback -> proto.setEventFeedback(EventFeedbackType.newBuilder()
                .setFeedbackValueValue(ProtoEnums.number(feedback.feedbackValue(),
                        dev.authfeedback.adapter.grpc.v1.FeedbackValue.getDescriptor()))
                .setProvider(feedback.provider().wireValue())
                .setFeedbackDate(timestamp(feedback.feedbackDate()))));
        return proto.build();
    }

    static RecordAuthEventResponse recordedAuthEvent(RecordedAuthEvent recorded) {
        RecordAuthEventResponse.Builder response = RecordAuthEventResponse.newBuilder()
                .setEventId(recorded.eventId()).setFeedbackToken(recorded.feedbackToken())
                .addAllReasonsValue(reasons(recorded.riskReasons()));
        if (recorded.eventRisk() != null) {
            response.setEventRisk(eventRisk(recorded.eventRisk()));
        }
        if (recorded.eventResponse() != null) {
            response.setEventResponseValue(ProtoEnums.number(recorded.eventResponse(),
                    dev.authfeedback.adapter.grpc.v1.EventResponse.getDescriptor()));
        }
        if (recorded.eventAction() != null) {
            response.setEventActionValue(ProtoEnums.number(recorded.eventAction(),
                    dev.authfeedback.adapter.grpc.v1.AccountTakeoverEventAction.getDescriptor()));
        }
        return response.build();
    }

    private static EventRiskType eventRisk(EventRisk eventRisk) {
        EventRiskType.Builder risk = EventRiskType.newBuilder();
        if (eventRisk.riskDecision() != null) {
            risk.setRiskDecisionValue(ProtoEnums.number(eventRisk.riskDecision(),
                    dev.authfeedback.adapter.grpc.v1.RiskDecision.getDescriptor()));
        }
        if (eventRisk.riskLevel() != null) {
            risk.setRiskLevelValue(ProtoEnums.number(eventRisk.riskLevel(),
                    dev.authfeedback.adapter.grpc.v1.RiskLevel.getDescriptor()));
        }
        if (eventRisk.compromisedCredentialsDetected() != null) {
            risk.setCompromisedCredentialsDetected(eventRisk.compromisedCredentialsDetected());
        }
        return risk.build();
    }

    private static List<Integer> reasons(List<RiskReason> reasons) {
        return reasons.stream().map(reason -> ProtoEnums.number(reason,
                dev.authfeedback.adapter.grpc.v1.RiskReason.getDescriptor())).toList();
    }

    /** EventContextDataType with the members that are present (also what a client sends). */
    public static EventContextDataType eventContext(EventContextData context) {
        EventContextDataType.Builder proto = EventContextDataType.newBuilder();
        if (context.ipAddress() != null) {
            proto.setIpAddress(context.ipAddress());
        }
        if (context.deviceName() != null) {
            proto.setDeviceName(context.deviceName());
        }
        if (context.timezone() != null) {
            proto.setTimezone(context.timezone());
        }
        if (context.city() != null) {
            proto.setCity(context.city());
        }
        if (context.country() != null) {
            proto.setCountry(context.country());
        }
        return proto.build();
    }

    static String feedbackValue(int number) {
        return ProtoEnums.toWire(number, dev.authfeedback.adapter.grpc.v1.FeedbackValue.getDescriptor(),
                FeedbackValue.class);
    }

    static String eventType(int number) {
        return ProtoEnums.toWire(number, dev.authfeedback.adapter.grpc.v1.EventType.getDescriptor(), EventType.class);
    }

    static String eventResponse(int number) {
        return ProtoEnums.toWire(number, dev.authfeedback.adapter.grpc.v1.EventResponse.getDescriptor(),
                EventResponse.class);
    }

    static String tier(int number) {
        return ProtoEnums.toWire(number, dev.authfeedback.adapter.grpc.v1.UserPoolTier.getDescriptor(),
                UserPoolTier.class);
    }

    static List<String> aliasAttributes(List<Integer> numbers) {
        return ProtoEnums.toWire(numbers, dev.authfeedback.adapter.grpc.v1.AliasAttribute.getDescriptor(),
                AliasAttribute.class);
    }

    static List<String> usernameAttributes(List<Integer> numbers) {
        return ProtoEnums.toWire(numbers, dev.authfeedback.adapter.grpc.v1.UsernameAttribute.getDescriptor(),
                UsernameAttribute.class);
    }

    static String messageAction(int number) {
        return ProtoEnums.toWire(number, dev.authfeedback.adapter.grpc.v1.MessageAction.getDescriptor(),
                dev.authfeedback.domain.model.MessageAction.class);
    }

    static List<String> deliveryMediums(List<Integer> numbers) {
        return ProtoEnums.toWire(numbers, dev.authfeedback.adapter.grpc.v1.DeliveryMedium.getDescriptor(),
                dev.authfeedback.domain.model.DeliveryMedium.class);
    }

    /** An outbox entry, absent values left out. */
    static dev.authfeedback.adapter.grpc.v1.Notification notification(Notification n) {
        dev.authfeedback.adapter.grpc.v1.Notification.Builder out = dev.authfeedback.adapter.grpc.v1.Notification
                .newBuilder().setNotificationId(n.notificationId()).setEventId(n.eventId()).setUserSub(n.userSub())
                .setFrom(n.from()).setSubject(n.subject()).setStatus(n.status().wireValue())
                .setAttempts(n.attempts()).setCreationDate(timestamp(n.createdAt()));
        if (n.recipient() != null) {
            out.setRecipient(n.recipient());
        }
        if (n.replyTo() != null) {
            out.setReplyTo(n.replyTo());
        }
        if (n.htmlBody() != null) {
            out.setHtmlBody(n.htmlBody());
        }
        if (n.textBody() != null) {
            out.setTextBody(n.textBody());
        }
        if (n.nextAttemptAt() != null) {
            out.setNextAttemptDate(timestamp(n.nextAttemptAt()));
        }
        if (n.lastError() != null) {
            out.setLastError(n.lastError());
        }
        return out.build();
    }
}
