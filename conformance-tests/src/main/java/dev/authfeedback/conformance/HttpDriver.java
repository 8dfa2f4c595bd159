package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authfeedback.adapter.http.AwsJsonHttpServer;
import dev.authfeedback.adapter.http.HttpAdapterSettings;
import dev.authfeedback.conformance.Views.ChallengeView;
import dev.authfeedback.conformance.Views.EventView;
import dev.authfeedback.conformance.Views.FeedbackView;
import dev.authfeedback.conformance.Views.PageView;
import dev.authfeedback.conformance.Views.PoolSummary;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import dev.authfeedback.conformance.Views.UserView;
import dev.authfeedback.domain.model.AccountTakeoverEventAction;
import dev.authfeedback.domain.model.CompromisedCredentialsEventAction;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.EventFilter;
import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.model.WireEnum;
import dev.authfeedback.domain.port.in.AttributeInput;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.ChallengeResponseInput;
import dev.authfeedback.domain.port.in.EventRiskInput;
import dev.authfeedback.domain.port.in.SetRiskConfigurationCommand;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AccountTakeoverActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AccountTakeoverActionsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AccountTakeoverRiskConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthEventType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CompromisedCredentialsActionsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CompromisedCredentialsRiskConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotifyConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotifyEmailType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RiskConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RiskExceptionConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolAddOnsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * The operation suite over HTTP: a real server on 127.0.0.1 around the service, called through the
 * AWS SDK for Java v2 client (retries off) and, for RecordAuthEvent, a request signed by the SDK's
 * SigV4 signer. Errors must arrive as the SDK's modelled exception classes.
 */
public final class HttpDriver implements OperationDriver {

    public static final String ACCESS_KEY_ID = "AKIDCONFORMANCE0001";
    public static final String SECRET = "conformance-secret-key-0000000000000000";
    private static final String MODEL_PACKAGE = "software.amazon.awssdk.services.cognitoidentityprovider.model.";

    private final Runnable onClose;
    private final URI endpoint;
    private final RawAwsJsonClient.Signing signing;
    private final CognitoIdentityProviderClient client;
    private final RawAwsJsonClient raw;

    /**
     * Starts a server on 127.0.0.1 around {@code useCases}, verifying signatures scoped to
     * {@code region}; closing the driver stops it.
     */
    public static HttpDriver startedAround(Vertx vertx, AuthEventFeedbackUseCases useCases, String region) {
        AwsJsonHttpServer server = new AwsJsonHttpServer(vertx, useCases, new HttpAdapterSettings("127.0.0.1", 0,
                HttpAdapterSettings.DEFAULT_MAX_BODY_BYTES, region, Map.of(ACCESS_KEY_ID, SECRET))
                .withTrustedProxyHeader(TRUSTED_PROXY_HEADER));
        URI endpoint = URI.create("http://127.0.0.1:" + server.start() + "/");
        return new HttpDriver(endpoint, region, ACCESS_KEY_ID, SECRET, () -> server.stop(Duration.ZERO));
    }

    /** Calls a server that runs elsewhere (another process, say) with these credentials. */
    public HttpDriver(URI endpoint, String region, String accessKeyId, String secret, Runnable onClose) {
        this.signing = new RawAwsJsonClient.Signing(region, accessKeyId, secret);
        this.endpoint = endpoint;
        this.onClose = onClose;
        this.client = CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        this.raw = new RawAwsJsonClient(endpoint);
    }

    @Override
    public PoolView createUserPool(String poolName, String advancedSecurityMode, String tier,
                                   List<String> aliasAttributes, List<String> usernameAttributes) {
        return call(() -> poolView(client.createUserPool(request -> request.poolName(poolName)
                .userPoolAddOns(addOns(advancedSecurityMode))
                .userPoolTier(tier)
                .aliasAttributesWithStrings(aliasAttributes)
                .usernameAttributesWithStrings(usernameAttributes)).userPool()));
    }

    @Override
    public PoolView describeUserPool(String poolId) {
        return call(() -> poolView(client.describeUserPool(request -> request.userPoolId(poolId)).userPool()));
    }

    @Override
    public PageView<Views.NotificationView> listNotifications(String poolId, Integer maxResults, String nextToken) {
        JsonObject answer = postSigned("AuthEventFeedback.ListNotifications", new JsonObject().put("UserPoolId", poolId)
                .put("MaxResults", maxResults).put("NextToken", nextToken));
        List<Views.NotificationView> items = answer.getJsonArray("Notifications").stream()
                .map(JsonObject.class::cast)
                .map(n -> new Views.NotificationView(n.getString("NotificationId"), n.getString("EventId"),
                        n.getString("UserSub"), n.getString("Recipient"), n.getString("From"), n.getString("ReplyTo"),
                        n.getString("Subject"), n.getString("HtmlBody"), n.getString("TextBody"), n.getString("Status"),
                        n.getInteger("Attempts"), n.getString("LastError"))).toList();
        return new PageView<>(items, answer.getString("NextToken"));
    }

    @Override
    public Views.RotatedView rotateFeedbackTokenKey(String poolId) {
        JsonObject answer = postSigned("AuthEventFeedback.RotateFeedbackTokenKey",
                new JsonObject().put("UserPoolId", poolId));
        double retiresAt = answer.getDouble("PreviousKeyRetiresAt");
        return new Views.RotatedView(answer.getString("KeyId"),
                Instant.ofEpochMilli(Math.round(retiresAt * 1000)));
    }

    @Override
    public void updateUserPool(String poolId, String poolName, String advancedSecurityMode, String tier) {
        call(() -> client.updateUserPool(request -> request.userPoolId(poolId).poolName(poolName)
                .userPoolAddOns(addOns(advancedSecurityMode))
                .userPoolTier(tier)));
    }

    @Override
    public void deleteUserPool(String poolId) {
        call(() -> client.deleteUserPool(request -> request.userPoolId(poolId)));
    }

    @Override
    public PageView<PoolSummary> listUserPools(Integer maxResults, String nextToken) {
        return call(() -> {
            ListUserPoolsResponse response = client.listUserPools(request -> request.maxResults(maxResults)
                    .nextToken(nextToken));
            return new PageView<>(response.userPools().stream()
                    .map(pool -> new PoolSummary(pool.id(), pool.name())).toList(), response.nextToken());
        });
    }

    @Override
    public UserView adminCreateUser(String poolId, String username, List<AttributeInput> attributes,
                                    Boolean forceAliasCreation) {
        return call(() -> {
            var user = client.adminCreateUser(request -> request.userPoolId(poolId).username(username)
                    .userAttributes(attributes == null ? null : attributes.stream()
                            .map(a -> AttributeType.builder().name(a.name()).value(a.value()).build()).toList())
                    .forceAliasCreation(forceAliasCreation)).user();
            return new UserView(user.username(), attributes(user.attributes()), user.enabled(),
                    user.userStatusAsString(), user.userCreateDate(), user.userLastModifiedDate());
        });
    }

    @Override
    public UserView adminGetUser(String poolId, String username) {
        return call(() -> {
            var user = client.adminGetUser(request -> request.userPoolId(poolId).username(username));
            return new UserView(user.username(), attributes(user.userAttributes()), user.enabled(),
                    user.userStatusAsString(), user.userCreateDate(), user.userLastModifiedDate());
        });
    }

    @Override
    public void adminDeleteUser(String poolId, String username) {
        call(() -> client.adminDeleteUser(request -> request.userPoolId(poolId).username(username)));
    }

    @Override
    public Recorded recordAuthEvent(String poolId, String username, String eventType, String eventResponse,
                                    EventRiskInput risk, List<ChallengeResponseInput> challenges,
                                    EventContextData context, String clientId) {
        JsonObject body = new JsonObject().put("UserPoolId", poolId).put("Username", username)
                .put("EventType", eventType).put("EventResponse", eventResponse).put("ClientId", clientId);
        if (risk != null) {
            body.put("EventRisk", new JsonObject().put("RiskDecision", risk.riskDecision())
                    .put("RiskLevel", risk.riskLevel())
                    .put("CompromisedCredentialsDetected", risk.compromisedCredentialsDetected()));
        }
        if (challenges != null) {
            JsonArray list = new JsonArray();
            challenges.forEach(c -> list.add(new JsonObject().put("ChallengeName", c.challengeName())
                    .put("ChallengeResponse", c.challengeResponse())));
            body.put("ChallengeResponses", list);
        }
        if (context != null) {
            body.put("EventContextData", new JsonObject().put("IpAddress", context.ipAddress())
                    .put("DeviceName", context.deviceName()).put("Timezone", context.timezone())
                    .put("City", context.city()).put("Country", context.country()));
        }
        JsonObject answer = postSigned("AuthEventFeedback.RecordAuthEvent", body);
        JsonObject eventRisk = answer.getJsonObject("EventRisk");
        JsonArray reasons = answer.getJsonArray("Reasons");
        return new Recorded(answer.getString("EventId"), answer.getString("FeedbackToken"),
                eventRisk == null ? null : eventRisk.getString("RiskDecision"),
                eventRisk == null ? null : eventRisk.getString("RiskLevel"),
                eventRisk == null ? null : eventRisk.getBoolean("CompromisedCredentialsDetected"),
                answer.getString("EventResponse"),
                reasons == null ? null : reasons.stream().map(String.class::cast).toList(),
                answer.getString("EventAction"));
    }

    /** A signed raw call; an error answer is thrown as ServiceError after checking its HTTP shape. */
    public JsonObject postSigned(String target, JsonObject body) {
        byte[] bytes = body.encode().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", AwsJsonHttpServer.CONTENT_TYPE);
        headers.put("X-Amz-Target", target);
        RawAwsJsonClient.Response response = raw.post(RawAwsJsonClient.signedHeaders(raw.endpoint(),
                signing, headers, bytes), bytes);
        JsonObject json = new JsonObject(response.body());
        assertThat(response.header("x-amzn-RequestId")).isNotBlank();
        if (response.status() != 200) {
            String type = json.getString("__type");
            assertThat(response.status()).isEqualTo(type.equals("InternalErrorException") ? 500 : 400);
            assertThat(response.header("x-amzn-ErrorType")).isEqualTo(type + ":");
            throw new ServiceError(type, json.getString("message"), List.of());
        }
        return json;
    }

    @Override
    public void updateAuthEventFeedbackFrom(String sourceAddress, String poolId, String username, String eventId,
                                            String feedbackToken, String feedbackValue) {
        call(() -> client.updateAuthEventFeedback(request -> request.userPoolId(poolId).username(username)
                .eventId(eventId).feedbackToken(feedbackToken).feedbackValue(feedbackValue)
                .overrideConfiguration(config -> config.putHeader(TRUSTED_PROXY_HEADER, sourceAddress))));
    }

    @Override
    public void adminUpdateAuthEventFeedback(String poolId, String username, String eventId, String feedbackValue) {
        call(() -> client.adminUpdateAuthEventFeedback(request -> request.userPoolId(poolId).username(username)
                .eventId(eventId).feedbackValue(feedbackValue)));
    }

    @Override
    public PageView<EventView> adminListUserAuthEvents(String poolId, String username, Integer maxResults,
                                                       String nextToken) {
        return call(() -> {
            var response = client.adminListUserAuthEvents(request -> request.userPoolId(poolId).username(username)
                    .maxResults(maxResults).nextToken(nextToken));
            return new PageView<>(response.authEvents().stream().map(HttpDriver::eventView).toList(),
                    response.nextToken());
        });
    }

    /** host:port of the server this driver calls. */
    public String endpointAuthority() {
        return endpoint.getAuthority();
    }

    @Override
    public void close() {
        client.close();
        onClose.run();
    }

    private static UserPoolAddOnsType addOns(String advancedSecurityMode) {
        return advancedSecurityMode == null ? null
                : UserPoolAddOnsType.builder().advancedSecurityMode(advancedSecurityMode).build();
    }

    private static PoolView poolView(UserPoolType pool) {
        return new PoolView(pool.id(), pool.name(), pool.arn(),
                pool.userPoolAddOns() == null ? null : pool.userPoolAddOns().advancedSecurityModeAsString(),
                pool.userPoolTierAsString(), pool.aliasAttributesAsStrings(), pool.usernameAttributesAsStrings(),
                pool.creationDate(), pool.lastModifiedDate());
    }

    private static Map<String, String> attributes(List<AttributeType> attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        attributes.forEach(attribute -> map.put(attribute.name(), attribute.value()));
        return map;
    }

    private static EventView eventView(AuthEventType event) {
        var risk = event.eventRisk();
        var context = event.eventContextData();
        var feedback = event.eventFeedback();
        return new EventView(event.eventId(), event.eventTypeAsString(), event.creationDate(),
                event.eventResponseAsString(),
                risk == null ? null : risk.riskDecisionAsString(),
                risk == null ? null : risk.riskLevelAsString(),
                risk == null ? null : risk.compromisedCredentialsDetected(),
                event.challengeResponses().stream().map(c -> new ChallengeView(c.challengeNameAsString(),
                        c.challengeResponseAsString())).toList(),
                context == null ? null : new EventContextData(context.ipAddress(), context.deviceName(),
                        context.timezone(), context.city(), context.country()),
                feedback == null ? null : new FeedbackView(feedback.feedbackValueAsString(), feedback.provider(),
                        feedback.feedbackDate()));
    }

    @Override
    public RiskConfiguration setRiskConfiguration(String poolId, String clientId,
                                                  SetRiskConfigurationCommand.CompromisedCredentialsInput compromised,
                                                  SetRiskConfigurationCommand.AccountTakeoverInput accountTakeover,
                                                  SetRiskConfigurationCommand.RiskExceptionsInput exceptions) {
        return call(() -> riskConfiguration(client.setRiskConfiguration(request -> request.userPoolId(poolId)
                .clientId(clientId)
                .compromisedCredentialsRiskConfiguration(compromised == null ? null
                        : CompromisedCredentialsRiskConfigurationType.builder()
                                .eventFilterWithStrings(compromised.eventFilter())
                                .actions(compromised.actions() == null ? null : CompromisedCredentialsActionsType
                                        .builder().eventAction(compromised.actions().eventAction()).build())
                                .build())
                .accountTakeoverRiskConfiguration(accountTakeover == null ? null
                        : AccountTakeoverRiskConfigurationType.builder()
                                .notifyConfiguration(notify(accountTakeover.notifyConfiguration()))
                                .actions(accountTakeover.actions() == null ? null : AccountTakeoverActionsType.builder()
                                        .lowAction(level(accountTakeover.actions().lowAction()))
                                        .mediumAction(level(accountTakeover.actions().mediumAction()))
                                        .highAction(level(accountTakeover.actions().highAction())).build())
                                .build())
                .riskExceptionConfiguration(exceptions == null ? null : RiskExceptionConfigurationType.builder()
                        .blockedIPRangeList(exceptions.blockedIpRangeList())
                        .skippedIPRangeList(exceptions.skippedIpRangeList()).build()))
                .riskConfiguration()));
    }

    @Override
    public RiskConfiguration describeRiskConfiguration(String poolId, String clientId) {
        return call(() -> riskConfiguration(client.describeRiskConfiguration(request -> request.userPoolId(poolId)
                .clientId(clientId)).riskConfiguration()));
    }

    private static NotifyConfigurationType notify(SetRiskConfigurationCommand.NotifyInput notify) {
        return notify == null ? null : NotifyConfigurationType.builder().from(notify.from()).replyTo(notify.replyTo())
                .sourceArn(notify.sourceArn()).blockEmail(email(notify.blockEmail()))
                .noActionEmail(email(notify.noActionEmail())).mfaEmail(email(notify.mfaEmail())).build();
    }

    private static NotifyEmailType email(SetRiskConfigurationCommand.NotifyEmailInput email) {
        return email == null ? null : NotifyEmailType.builder().subject(email.subject()).htmlBody(email.htmlBody())
                .textBody(email.textBody()).build();
    }

    private static AccountTakeoverActionType level(SetRiskConfigurationCommand.LevelActionInput level) {
        return level == null ? null
                : AccountTakeoverActionType.builder().sendNotification(level.notifies()).eventAction(level.eventAction())
                        .build();
    }

    private static RiskConfiguration riskConfiguration(RiskConfigurationType answer) {
        var compromised = answer.compromisedCredentialsRiskConfiguration();
        var takeover = answer.accountTakeoverRiskConfiguration();
        var exceptions = answer.riskExceptionConfiguration();
        return new RiskConfiguration(answer.userPoolId(), answer.clientId(),
                compromised == null ? null : new RiskConfiguration.CompromisedCredentials(
                        compromised.eventFilterAsStrings().stream()
                                .map(value -> WireEnum.parseValidated(EventFilter.class, value)).toList(),
                        WireEnum.parseValidated(CompromisedCredentialsEventAction.class,
                                compromised.actions().eventActionAsString())),
                takeover == null ? null : new RiskConfiguration.AccountTakeover(
                        takeover.notifyConfiguration() == null ? null : new RiskConfiguration.Notify(
                                takeover.notifyConfiguration().from(), takeover.notifyConfiguration().replyTo(),
                                takeover.notifyConfiguration().sourceArn(),
                                email(takeover.notifyConfiguration().blockEmail()),
                                email(takeover.notifyConfiguration().noActionEmail()),
                                email(takeover.notifyConfiguration().mfaEmail())),
                        level(takeover.actions().lowAction()), level(takeover.actions().mediumAction()),
                        level(takeover.actions().highAction())),
                exceptions == null ? null : new RiskConfiguration.RiskExceptions(exceptions.blockedIPRangeList(),
                        exceptions.skippedIPRangeList()),
                answer.lastModifiedDate());
    }

    private static RiskConfiguration.NotifyEmail email(NotifyEmailType email) {
        return email == null ? null : new RiskConfiguration.NotifyEmail(email.subject(), email.htmlBody(),
                email.textBody());
    }

    private static RiskConfiguration.LevelAction level(AccountTakeoverActionType level) {
        return level == null ? null : new RiskConfiguration.LevelAction(level.sendNotification(),
                WireEnum.parseValidated(AccountTakeoverEventAction.class, level.eventActionAsString()));
    }

    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (CognitoIdentityProviderException error) {
            String type = error.awsErrorDetails().errorCode();
            if (modelled(type)) {
                assertThat(error.getClass().getSimpleName()).as("the SDK's modelled class").isEqualTo(type);
            }
            assertThat(error.statusCode()).isEqualTo(type.equals("InternalErrorException") ? 500 : 400);
            throw new ServiceError(type, error.awsErrorDetails().errorMessage(), List.of());
        }
    }

    private static boolean modelled(String type) {
        try {
            Class.forName(MODEL_PACKAGE + type);
            return true;
        } catch (ClassNotFoundException notInTheModel) {
            return false;
        }
    }
}
