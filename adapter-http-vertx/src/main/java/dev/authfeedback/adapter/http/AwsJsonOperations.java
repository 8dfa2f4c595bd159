package dev.authfeedback.adapter.http;

import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.Page;
import dev.authfeedback.domain.model.RecordedAuthEvent;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.AdminCreateUserCommand;
import dev.authfeedback.domain.port.in.AdminDeleteUserCommand;
import dev.authfeedback.domain.port.in.AdminGetUserCommand;
import dev.authfeedback.domain.port.in.AdminListUserAuthEventsCommand;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.AttributeInput;
import dev.authfeedback.domain.port.in.ChallengeResponseInput;
import dev.authfeedback.domain.port.in.CreateUserPoolCommand;
import dev.authfeedback.domain.port.in.DeleteUserPoolCommand;
import dev.authfeedback.domain.port.in.DescribeUserPoolCommand;
import dev.authfeedback.domain.port.in.EventRiskInput;
import dev.authfeedback.domain.port.in.ListUserPoolsCommand;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import dev.authfeedback.domain.port.in.UpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.UpdateUserPoolCommand;
import dev.authfeedback.domain.port.in.UserPoolAddOnsInput;
import dev.authfeedback.domain.service.AuthEventFeedbackService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Function;

/**
 * The operations by X-Amz-Target: how each reads its request members into a command, calls its use
 * case and writes its response shape, and whether it must be signed.
 */
final class AwsJsonOperations {

    static final String COGNITO_PREFIX = "AWSCognitoIdentityProviderService.";
    static final String RECORD_AUTH_EVENT_TARGET = "AuthEventFeedback.RecordAuthEvent";

    /** One operation: its name (for metrics and logs), whether SigV4 is required, and what it does. */
    record Operation(String name, boolean signed, Function<JsonRequest, JsonObject> handler) {
    }

    private final Map<String, Operation> byTarget;

    AwsJsonOperations(AuthEventFeedbackService service) {
        this.byTarget = Map.ofEntries(
                cognito("UpdateAuthEventFeedback", false, in -> {
                    service.updateAuthEventFeedback(new UpdateAuthEventFeedbackCommand(in.string("UserPoolId"),
                            in.string("Username"), in.string("EventId"), in.string("FeedbackToken"),
                            in.string("FeedbackValue")));
                    return new JsonObject();
                }),
                cognito("AdminUpdateAuthEventFeedback", true, in -> {
                    service.adminUpdateAuthEventFeedback(new AdminUpdateAuthEventFeedbackCommand(
                            in.string("UserPoolId"), in.string("Username"), in.string("EventId"),
                            in.string("FeedbackValue")));
                    return new JsonObject();
                }),
                cognito("AdminListUserAuthEvents", true, in -> {
                    Page<AuthEvent> page = service.adminListUserAuthEvents(new AdminListUserAuthEventsCommand(
                            in.string("UserPoolId"), in.string("Username"), in.integer("MaxResults"),
                            in.string("NextToken")));
                    JsonArray events = new JsonArray();
                    page.items().forEach(event -> events.add(AwsJson.authEvent(event)));
                    return withNextToken(new JsonObject().put("AuthEvents", events), page);
                }),
                cognito("CreateUserPool", true, in -> new JsonObject().put("UserPool", AwsJson.userPool(
                        service.createUserPool(new CreateUserPoolCommand(in.string("PoolName"), addOns(in),
                                in.string("UserPoolTier"), in.strings("AliasAttributes"),
                                in.strings("UsernameAttributes")))))),
                cognito("DescribeUserPool", true, in -> new JsonObject().put("UserPool", AwsJson.userPool(
                        service.describeUserPool(new DescribeUserPoolCommand(in.string("UserPoolId")))))),
                cognito("UpdateUserPool", true, in -> {
                    service.updateUserPool(new UpdateUserPoolCommand(in.string("UserPoolId"), in.string("PoolName"),
                            addOns(in), in.string("UserPoolTier")));
                    return new JsonObject();
                }),
                cognito("DeleteUserPool", true, in -> {
                    service.deleteUserPool(new DeleteUserPoolCommand(in.string("UserPoolId")));
                    return new JsonObject();
                }),
                cognito("ListUserPools", true, in -> {
                    Page<UserPool> page = service.listUserPools(
                            new ListUserPoolsCommand(in.integer("MaxResults"), in.string("NextToken")));
                    JsonArray pools = new JsonArray();
                    page.items().forEach(pool -> pools.add(AwsJson.userPoolDescription(pool)));
                    return withNextToken(new JsonObject().put("UserPools", pools), page);
                }),
                cognito("AdminCreateUser", true, in -> new JsonObject().put("User", AwsJson.user(
                        service.adminCreateUser(new AdminCreateUserCommand(in.string("UserPoolId"),
                                in.string("Username"),
                                in.structures("UserAttributes",
                                        attribute -> new AttributeInput(attribute.string("Name"),
                                                attribute.string("Value"))),
                                in.string("TemporaryPassword"), in.bool("ForceAliasCreation"),
                                in.string("MessageAction"), in.strings("DesiredDeliveryMediums"))),
                        "Attributes"))),
                cognito("AdminGetUser", true, in -> AwsJson.user(service.adminGetUser(
                        new AdminGetUserCommand(in.string("UserPoolId"), in.string("Username"))), "UserAttributes")),
                cognito("AdminDeleteUser", true, in -> {
                    service.adminDeleteUser(new AdminDeleteUserCommand(in.string("UserPoolId"), in.string("Username")));
                    return new JsonObject();
                }),
                Map.entry(RECORD_AUTH_EVENT_TARGET, new Operation("RecordAuthEvent", true, in -> {
                    RecordedAuthEvent recorded = service.recordAuthEvent(recordCommand(in));
                    return new JsonObject().put("EventId", recorded.eventId())
                            .put("FeedbackToken", recorded.feedbackToken());
                })));
    }

    /** The operation of an X-Amz-Target, or null. */
    Operation forTarget(String target) {
        return target == null ? null : byTarget.get(target);
    }

    private static Map.Entry<String, Operation> cognito(String name, boolean signed,
                                                        Function<JsonRequest, JsonObject> handler) {
        return Map.entry(COGNITO_PREFIX + name, new Operation(name, signed, handler));
    }

    private static UserPoolAddOnsInput addOns(JsonRequest in) {
        JsonRequest addOns = in.structure("UserPoolAddOns");
        return addOns == null ? null : new UserPoolAddOnsInput(addOns.string("AdvancedSecurityMode"));
    }

    private static RecordAuthEventCommand recordCommand(JsonRequest in) {
        JsonRequest risk = in.structure("EventRisk");
        JsonRequest context = in.structure("EventContextData");
        return new RecordAuthEventCommand(in.string("UserPoolId"), in.string("Username"), in.string("EventType"),
                in.string("EventResponse"),
                risk == null ? null : new EventRiskInput(risk.string("RiskDecision"), risk.string("RiskLevel"),
                        risk.bool("CompromisedCredentialsDetected")),
                in.structures("ChallengeResponses", challenge -> new ChallengeResponseInput(
                        challenge.string("ChallengeName"), challenge.string("ChallengeResponse"))),
                context == null ? null : new EventContextData(context.string("IpAddress"),
                        context.string("DeviceName"), context.string("Timezone"), context.string("City"),
                        context.string("Country")));
    }

    private static JsonObject withNextToken(JsonObject json, Page<?> page) {
        if (page.nextToken() != null) {
            json.put("NextToken", page.nextToken());
        }
        return json;
    }
}
