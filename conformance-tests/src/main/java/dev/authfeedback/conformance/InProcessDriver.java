package dev.authfeedback.conformance;

import dev.authfeedback.conformance.Views.ChallengeView;
import dev.authfeedback.conformance.Views.EventView;
import dev.authfeedback.conformance.Views.FeedbackView;
import dev.authfeedback.conformance.Views.PageView;
import dev.authfeedback.conformance.Views.PoolSummary;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import dev.authfeedback.conformance.Views.UserView;
import dev.authfeedback.domain.error.CognitoServiceException;
import dev.authfeedback.domain.error.InvalidParameterException;
import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.EventRisk;
import dev.authfeedback.domain.model.Page;
import dev.authfeedback.domain.model.RecordedAuthEvent;
import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.model.User;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.model.WireEnum;
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
import dev.authfeedback.domain.port.in.ListUserPoolsCommand;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import dev.authfeedback.domain.port.in.SetRiskConfigurationCommand;
import dev.authfeedback.domain.model.Notification;
import dev.authfeedback.domain.model.RotatedTokenKey;
import dev.authfeedback.domain.port.in.ListNotificationsCommand;
import dev.authfeedback.domain.port.in.RotateFeedbackTokenKeyCommand;
import dev.authfeedback.domain.port.in.UpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.UpdateUserPoolCommand;
import dev.authfeedback.domain.port.in.UserPoolAddOnsInput;
import dev.authfeedback.domain.validation.Violation;
import java.util.List;
import java.util.function.Supplier;

/** Calls the domain's use cases directly: commands built from the raw members, errors caught as they are thrown. */
public final class InProcessDriver implements OperationDriver {

    private final AuthEventFeedbackUseCases service;

    public InProcessDriver(AuthEventFeedbackUseCases service) {
        this.service = service;
    }

    @Override
    public PoolView createUserPool(String poolName, String advancedSecurityMode, String tier,
                                   List<String> aliasAttributes, List<String> usernameAttributes) {
        return call(() -> poolView(service.createUserPool(new CreateUserPoolCommand(poolName,
                addOns(advancedSecurityMode), tier, aliasAttributes, usernameAttributes))));
    }

    @Override
    public PoolView describeUserPool(String poolId) {
        return call(() -> poolView(service.describeUserPool(new DescribeUserPoolCommand(poolId))));
    }

    @Override
    public PageView<Views.NotificationView> listNotifications(String poolId, Integer maxResults, String nextToken) {
        return call(() -> {
            Page<Notification> page = service.listNotifications(
                    new ListNotificationsCommand(poolId, maxResults, nextToken));
            return new PageView<>(page.items().stream().map(n -> new Views.NotificationView(n.notificationId(),
                    n.eventId(), n.userSub(), n.recipient(), n.from(), n.replyTo(), n.subject(), n.htmlBody(),
                    n.textBody(), n.status().wireValue(), n.attempts(), n.lastError())).toList(), page.nextToken());
        });
    }

    @Override
    public Views.RotatedView rotateFeedbackTokenKey(String poolId) {
        return call(() -> {
            RotatedTokenKey rotated = service.rotateFeedbackTokenKey(new RotateFeedbackTokenKeyCommand(poolId));
            return new Views.RotatedView(rotated.keyId(), rotated.previousKeyRetiresAt());
        });
    }

    @Override
    public void updateUserPool(String poolId, String poolName, String advancedSecurityMode, String tier) {
        run(() -> service.updateUserPool(new UpdateUserPoolCommand(poolId, poolName, addOns(advancedSecurityMode), tier)));
    }

    @Override
    public void deleteUserPool(String poolId) {
        run(() -> service.deleteUserPool(new DeleteUserPoolCommand(poolId)));
    }

    @Override
    public PageView<PoolSummary> listUserPools(Integer maxResults, String nextToken) {
        return call(() -> {
            Page<UserPool> page = service.listUserPools(new ListUserPoolsCommand(maxResults, nextToken));
            return new PageView<>(page.items().stream().map(pool -> new PoolSummary(pool.id(), pool.name())).toList(),
                    page.nextToken());
        });
    }

    @Override
    public UserView adminCreateUser(String poolId, String username, List<AttributeInput> attributes,
                                    Boolean forceAliasCreation) {
        return call(() -> userView(service.adminCreateUser(new AdminCreateUserCommand(poolId, username, attributes,
                null, forceAliasCreation, null, null))));
    }

    @Override
    public UserView adminGetUser(String poolId, String username) {
        return call(() -> userView(service.adminGetUser(new AdminGetUserCommand(poolId, username))));
    }

    @Override
    public void adminDeleteUser(String poolId, String username) {
        run(() -> service.adminDeleteUser(new AdminDeleteUserCommand(poolId, username)));
    }

    @Override
    public Recorded recordAuthEvent(String poolId, String username, String eventType, String eventResponse,
                                    EventRiskInput risk, List<ChallengeResponseInput> challenges,
                                    EventContextData context, String clientId) {
        return call(() -> {
            RecordedAuthEvent recorded = service.recordAuthEvent(new RecordAuthEventCommand(poolId, username,
                    eventType, eventResponse, risk, challenges, context, clientId));
            EventRisk eventRisk = recorded.eventRisk();
            return new Recorded(recorded.eventId(), recorded.feedbackToken(),
                    eventRisk == null ? null : wireOrNull(eventRisk.riskDecision()),
                    eventRisk == null ? null : wireOrNull(eventRisk.riskLevel()),
                    eventRisk == null ? null : eventRisk.compromisedCredentialsDetected(),
                    wireOrNull(recorded.eventResponse()), wire(recorded.riskReasons()),
                    wireOrNull(recorded.eventAction()));
        });
    }

    /** UpdateAuthEventFeedback as a host that does not know its caller's address sends it. */
    public void updateAuthEventFeedbackWithoutSource(String poolId, String username, String eventId,
                                                     String feedbackToken, String feedbackValue) {
        run(() -> service.updateAuthEventFeedback(new UpdateAuthEventFeedbackCommand(poolId, username, eventId,
                feedbackToken, feedbackValue)));
    }

    @Override
    public void updateAuthEventFeedbackFrom(String sourceAddress, String poolId, String username, String eventId,
                                            String feedbackToken, String feedbackValue) {
        run(() -> service.updateAuthEventFeedback(new UpdateAuthEventFeedbackCommand(poolId, username, eventId,
                feedbackToken, feedbackValue, sourceAddress)));
    }

    @Override
    public void adminUpdateAuthEventFeedback(String poolId, String username, String eventId, String feedbackValue) {
        run(() -> service.adminUpdateAuthEventFeedback(
                new AdminUpdateAuthEventFeedbackCommand(poolId, username, eventId, feedbackValue)));
    }

    @Override
    public PageView<EventView> adminListUserAuthEvents(String poolId, String username, Integer maxResults,
                                                       String nextToken) {
        return call(() -> {
            Page<AuthEvent> page = service.adminListUserAuthEvents(
                    new AdminListUserAuthEventsCommand(poolId, username, maxResults, nextToken));
            return new PageView<>(page.items().stream().map(InProcessDriver::eventView).toList(), page.nextToken());
        });
    }

    private static UserPoolAddOnsInput addOns(String advancedSecurityMode) {
        return advancedSecurityMode == null ? null : new UserPoolAddOnsInput(advancedSecurityMode);
    }

    static PoolView poolView(UserPool pool) {
        return new PoolView(pool.id(), pool.name(), pool.arn(), pool.advancedSecurityMode().wireValue(),
                pool.tier().wireValue(), wire(pool.aliasAttributes()), wire(pool.usernameAttributes()),
                pool.creationDate(), pool.lastModifiedDate());
    }

    static UserView userView(User user) {
        return new UserView(user.username(), user.attributes(), user.enabled(), user.status().wireValue(),
                user.createDate(), user.lastModifiedDate());
    }

    static EventView eventView(AuthEvent event) {
        var risk = event.eventRisk();
        var feedback = event.eventFeedback();
        return new EventView(event.eventId(), event.eventType().wireValue(), event.creationDate(),
                wireOrNull(event.eventResponse()),
                risk == null ? null : wireOrNull(risk.riskDecision()),
                risk == null ? null : wireOrNull(risk.riskLevel()),
                risk == null ? null : risk.compromisedCredentialsDetected(),
                event.challengeResponses().stream().map(challenge -> new ChallengeView(
                        wireOrNull(challenge.challengeName()), wireOrNull(challenge.challengeResponse()))).toList(),
                event.eventContextData(),
                feedback == null ? null : new FeedbackView(feedback.feedbackValue().wireValue(),
                        feedback.provider().wireValue(), feedback.feedbackDate()));
    }

    private static String wireOrNull(WireEnum value) {
        return value == null ? null : value.wireValue();
    }

    private static List<String> wire(List<? extends WireEnum> values) {
        return values.stream().map(WireEnum::wireValue).toList();
    }

    private static void run(Runnable operation) {
        call(() -> {
            operation.run();
            return null;
        });
    }

    @Override
    public RiskConfiguration setRiskConfiguration(String poolId, String clientId,
                                                  SetRiskConfigurationCommand.CompromisedCredentialsInput compromised,
                                                  SetRiskConfigurationCommand.AccountTakeoverInput accountTakeover,
                                                  SetRiskConfigurationCommand.RiskExceptionsInput exceptions) {
        return call(() -> service.setRiskConfiguration(new SetRiskConfigurationCommand(poolId, clientId, compromised,
                accountTakeover, exceptions)));
    }

    @Override
    public RiskConfiguration describeRiskConfiguration(String poolId, String clientId) {
        return call(() -> service.describeRiskConfiguration(new DescribeRiskConfigurationCommand(poolId, clientId)));
    }

    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (CognitoServiceException error) {
            List<String> paths = error instanceof InvalidParameterException invalid
                    ? invalid.violations().stream().map(Violation::path).toList() : List.of();
            throw new ServiceError(error.type().shapeName(), error.getMessage(), paths);
        }
    }
}
