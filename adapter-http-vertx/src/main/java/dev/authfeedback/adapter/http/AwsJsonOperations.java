package dev.authfeedback.adapter.http;

import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.Notification;
import dev.authfeedback.domain.model.Page;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.AdminCreateUserCommand;
import dev.authfeedback.domain.port.in.AdminDeleteUserCommand;
import dev.authfeedback.domain.port.in.AdminGetUserCommand;
import dev.authfeedback.domain.port.in.AdminListUserAuthEventsCommand;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.AttributeInput;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.ChallengeResponseInput;
import dev.authfeedback.domain.port.in.CreateUserPoolCommand;
import dev.authfeedback.domain.port.in.DeleteUserPoolCommand;
import dev.authfeedback.domain.port.in.DescribeRiskConfigurationCommand;
import dev.authfeedback.domain.port.in.DescribeUserPoolCommand;
import dev.authfeedback.domain.port.in.EventRiskInput;
import dev.authfeedback.domain.port.in.ListNotificationsCommand;
import dev.authfeedback.domain.port.in.ListUserPoolsCommand;
import dev.authfeedback.domain.port.in.Operation;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import dev.authfeedback.domain.port.in.RotateFeedbackTokenKeyCommand;
import dev.authfeedback.domain.port.in.SetRiskConfigurationCommand;
import dev.authfeedback.domain.port.in.UpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.UpdateUserPoolCommand;
import dev.authfeedback.domain.port.in.UserPoolAddOnsInput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The operations by X-Amz-Target ({@link Operation#target()}): how each reads its request members
 * into a command, calls its use case and writes its response shape. The catalogue says which
 * operations exist and how they are authorized; every one of them must have a handler here.
 */
final class AwsJsonOperations {

    /** One operation of the catalogue and what it does over AWS JSON. */
    record Handled(Operation operation, Function<JsonRequest, JsonObject> handler) {
    }

    private final Map<String, Handled> byTarget = new HashMap<>();

    AwsJsonOperations(AuthEventFeedbackUseCases useCases) {
        EnumMap<Operation, Function<JsonRequest, JsonObject>> handlers = new EnumMap<>(Operation.class);
        handlers.put(Operation.UPDATE_AUTH_EVENT_FEEDBACK, in -> {
            useCases.updateAuthEventFeedback(new UpdateAuthEventFeedbackCommand(in.string("UserPoolId"),
                    in.string("Username"), in.string("EventId"), in.string("FeedbackToken"),
                    in.string("FeedbackValue"), in.sourceAddress()));
            return new JsonObject();
        });
        handlers.put(Operation.ADMIN_UPDATE_AUTH_EVENT_FEEDBACK, in -> {
            useCases.adminUpdateAuthEventFeedback(new AdminUpdateAuthEventFeedbackCommand(
                    in.string("UserPoolId"), in.string("Username"), in.string("EventId"),
                    in.string("FeedbackValue")));
            return new JsonObject();
        });
        handlers.put(Operation.ADMIN_LIST_USER_AUTH_EVENTS, in -> {
            Page<AuthEvent> page = useCases.adminListUserAuthEvents(new AdminListUserAuthEventsCommand(
                    in.string("UserPoolId"), in.string("Username"), in.integer("MaxResults"),
                    in.string("NextToken")));
            JsonArray events = new JsonArray();
            page.items().forEach(event -> events.add(AwsJson.authEvent(event)));
            return withNextToken(new JsonObject().put("AuthEvents", events), page);
        });
        handlers.put(Operation.ROTATE_FEEDBACK_TOKEN_KEY, in -> AwsJson.rotatedTokenKey(useCases.rotateFeedbackTokenKey(
                new RotateFeedbackTokenKeyCommand(in.string("UserPoolId")))));
        handlers.put(Operation.LIST_NOTIFICATIONS, in -> {
            Page<Notification> page = useCases.listNotifications(new ListNotificationsCommand(in.string("UserPoolId"),
                    in.integer("MaxResults"), in.string("NextToken")));
            JsonArray notifications = new JsonArray();
            page.items().forEach(notification -> notifications.add(AwsJson.notification(notification)));
            return withNextToken(new JsonObject().put("Notifications", notifications), page);
        });
        handlers.put(Operation.RECORD_AUTH_EVENT,
                in -> AwsJson.recordedAuthEvent(useCases.recordAuthEvent(recordCommand(in))));
        handlers.put(Operation.CREATE_USER_POOL, in -> new JsonObject().put("UserPool", AwsJson.userPool(
                useCases.createUserPool(new CreateUserPoolCommand(in.string("PoolName"), addOns(in),
                        in.string("UserPoolTier"), in.strings("AliasAttributes"),
                        in.strings("UsernameAttributes"))))));
        handlers.put(Operation.DESCRIBE_USER_POOL, in -> new JsonObject().put("UserPool", AwsJson.userPool(
                useCases.describeUserPool(new DescribeUserPoolCommand(in.string("UserPoolId"))))));
        handlers.put(Operation.UPDATE_USER_POOL, in -> {
            useCases.updateUserPool(new UpdateUserPoolCommand(in.string("UserPoolId"), in.string("PoolName"),
                    addOns(in), in.string("UserPoolTier")));
            return new JsonObject();
        });
        handlers.put(Operation.DELETE_USER_POOL, in -> {
            useCases.deleteUserPool(new DeleteUserPoolCommand(in.string("UserPoolId")));
            return new JsonObject();
        });
        handlers.put(Operation.LIST_USER_POOLS, in -> {
            Page<UserPool> page = useCases.listUserPools(
                    new ListUserPoolsCommand(in.integer("MaxResults"), in.string("NextToken")));
            JsonArray pools = new JsonArray();
            page.items().forEach(pool -> pools.add(AwsJson.userPoolDescription(pool)));
            return withNextToken(new JsonObject().put("UserPools", pools), page);
        });
        handlers.put(Operation.ADMIN_CREATE_USER, in -> new JsonObject().put("User", AwsJson.user(
                useCases.adminCreateUser(new AdminCreateUserCommand(in.string("UserPoolId"),
                        in.string("Username"),
                        in.structures("UserAttributes",
                                attribute -> new AttributeInput(attribute.string("Name"),
                                        attribute.string("Value"))),
                        in.string("TemporaryPassword"), in.bool("ForceAliasCreation"),
                        in.string("MessageAction"), in.strings("DesiredDeliveryMediums"))),
                "Attributes")));
        handlers.put(Operation.ADMIN_GET_USER, in -> AwsJson.user(useCases.adminGetUser(
                new AdminGetUserCommand(in.string("UserPoolId"), in.string("Username"))), "UserAttributes"));
        handlers.put(Operation.ADMIN_DELETE_USER, in -> {
            useCases.adminDeleteUser(new AdminDeleteUserCommand(in.string("UserPoolId"), in.string("Username")));
            return new JsonObject();
        });
        handlers.put(Operation.SET_RISK_CONFIGURATION, in -> new JsonObject().put("RiskConfiguration",
                AwsJson.riskConfiguration(useCases.setRiskConfiguration(setRiskConfigurationCommand(in)))));
        handlers.put(Operation.DESCRIBE_RISK_CONFIGURATION, in -> new JsonObject().put("RiskConfiguration",
                AwsJson.riskConfiguration(useCases.describeRiskConfiguration(new DescribeRiskConfigurationCommand(
                        in.string("UserPoolId"), in.string("ClientId"))))));
        for (Operation operation : Operation.values()) {
            Function<JsonRequest, JsonObject> handler = handlers.get(operation);
            if (handler == null) {
                throw new IllegalStateException("no AWS JSON handler for " + operation.awsName());
            }
            byTarget.put(operation.target(), new Handled(operation, handler));
        }
    }

    /** The operation of an X-Amz-Target, or null. */
    Handled forTarget(String target) {
        return target == null ? null : byTarget.get(target);
    }

    private static UserPoolAddOnsInput addOns(JsonRequest in) {
        return map(in.structure("UserPoolAddOns"),
                addOns -> new UserPoolAddOnsInput(addOns.string("AdvancedSecurityMode")));
    }

    private static RecordAuthEventCommand recordCommand(JsonRequest in) {
        return new RecordAuthEventCommand(in.string("UserPoolId"), in.string("Username"), in.string("EventType"),
                in.string("EventResponse"),
                map(in.structure("EventRisk"), risk -> new EventRiskInput(risk.string("RiskDecision"),
                        risk.string("RiskLevel"), risk.bool("CompromisedCredentialsDetected"))),
                in.structures("ChallengeResponses", challenge -> new ChallengeResponseInput(
                        challenge.string("ChallengeName"), challenge.string("ChallengeResponse"))),
                map(in.structure("EventContextData"), context -> new EventContextData(context.string("IpAddress"),
                        context.string("DeviceName"), context.string("Timezone"), context.string("City"),
                        context.string("Country"))),
                in.string("ClientId"));
    }

    private static SetRiskConfigurationCommand setRiskConfigurationCommand(JsonRequest in) {
        return new SetRiskConfigurationCommand(in.string("UserPoolId"), in.string("ClientId"),
                map(in.structure("CompromisedCredentialsRiskConfiguration"), AwsJsonOperations::compromised),
                map(in.structure("AccountTakeoverRiskConfiguration"), AwsJsonOperations::takeover),
                map(in.structure("RiskExceptionConfiguration"), exceptions ->
                        new SetRiskConfigurationCommand.RiskExceptionsInput(exceptions.strings("BlockedIPRangeList"),
                                exceptions.strings("SkippedIPRangeList"))));
    }

    private static SetRiskConfigurationCommand.CompromisedCredentialsInput compromised(JsonRequest compromised) {
        return new SetRiskConfigurationCommand.CompromisedCredentialsInput(compromised.strings("EventFilter"),
                map(compromised.structure("Actions"), actions ->
                        new SetRiskConfigurationCommand.CompromisedCredentialsActionsInput(
                                actions.string("EventAction"))));
    }

    private static SetRiskConfigurationCommand.AccountTakeoverInput takeover(JsonRequest takeover) {
        return new SetRiskConfigurationCommand.AccountTakeoverInput(
                map(takeover.structure("NotifyConfiguration"), notify -> new SetRiskConfigurationCommand.NotifyInput(
                        notify.string("From"), notify.string("ReplyTo"), notify.string("SourceArn"),
                        map(notify.structure("BlockEmail"), AwsJsonOperations::email),
                        map(notify.structure("NoActionEmail"), AwsJsonOperations::email),
                        map(notify.structure("MfaEmail"), AwsJsonOperations::email))),
                map(takeover.structure("Actions"), actions -> new SetRiskConfigurationCommand.ActionsInput(
                        map(actions.structure("LowAction"), AwsJsonOperations::levelAction),
                        map(actions.structure("MediumAction"), AwsJsonOperations::levelAction),
                        map(actions.structure("HighAction"), AwsJsonOperations::levelAction))));
    }

    private static SetRiskConfigurationCommand.NotifyEmailInput email(JsonRequest email) {
        return new SetRiskConfigurationCommand.NotifyEmailInput(email.string("Subject"), email.string("HtmlBody"),
                email.string("TextBody"));
    }

    private static SetRiskConfigurationCommand.LevelActionInput levelAction(JsonRequest action) {
        return new SetRiskConfigurationCommand.LevelActionInput(action.bool("Notify"), action.string("EventAction"));
    }

    /** {@code structure} read by {@code reader}, or null when the member is absent. */
    private static <T> T map(JsonRequest structure, Function<JsonRequest, T> reader) {
        return structure == null ? null : reader.apply(structure);
    }

    private static JsonObject withNextToken(JsonObject json, Page<?> page) {
        if (page.nextToken() != null) {
            json.put("NextToken", page.nextToken());
        }
        return json;
    }
}
