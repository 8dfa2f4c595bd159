package dev.authfeedback.conformance;

import dev.authfeedback.conformance.Views.EventView;
import dev.authfeedback.conformance.Views.PageView;
import dev.authfeedback.conformance.Views.PoolSummary;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import dev.authfeedback.conformance.Views.UserView;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.port.in.AttributeInput;
import dev.authfeedback.domain.port.in.ChallengeResponseInput;
import dev.authfeedback.domain.port.in.EventRiskInput;
import dev.authfeedback.domain.port.in.SetRiskConfigurationCommand;
import java.util.List;

/**
 * One transport's way to call every operation, with members exactly as a client would send them
 * (null: absent; any string, valid or not). An error answer is thrown as {@link ServiceError}.
 * The operation suite runs the same cases through every implementation.
 */
public interface OperationDriver extends AutoCloseable {

    /** The source address of every call that names no other: the loopback the network drivers call from. */
    String LOCAL_SOURCE = "127.0.0.1";
    /** The header (metadata key over gRPC) the network drivers' servers trust for the caller's address. */
    String TRUSTED_PROXY_HEADER = "X-Forwarded-For";


    PoolView createUserPool(String poolName, String advancedSecurityMode, String tier,
                            List<String> aliasAttributes, List<String> usernameAttributes);

    PoolView describeUserPool(String poolId);

    /** {@code advancedSecurityMode} null sends no UserPoolAddOns at all. */
    void updateUserPool(String poolId, String poolName, String advancedSecurityMode, String tier);

    void deleteUserPool(String poolId);

    PageView<PoolSummary> listUserPools(Integer maxResults, String nextToken);

    UserView adminCreateUser(String poolId, String username, List<AttributeInput> attributes,
                             Boolean forceAliasCreation);

    UserView adminGetUser(String poolId, String username);

    void adminDeleteUser(String poolId, String username);

    Recorded recordAuthEvent(String poolId, String username, String eventType, String eventResponse,
                             EventRiskInput risk, List<ChallengeResponseInput> challenges,
                             EventContextData context, String clientId);

    /** RecordAuthEvent without a ClientId: the pool's risk configuration applies. */
    default Recorded recordAuthEvent(String poolId, String username, String eventType, String eventResponse,
                                     EventRiskInput risk, List<ChallengeResponseInput> challenges,
                                     EventContextData context) {
        return recordAuthEvent(poolId, username, eventType, eventResponse, risk, challenges, context, null);
    }

    /** ListNotifications, this product's own operation. */
    Views.PageView<Views.NotificationView> listNotifications(String poolId, Integer maxResults, String nextToken);

    /** RotateFeedbackTokenKey, this product's own operation. */
    Views.RotatedView rotateFeedbackTokenKey(String poolId);

    /** UpdateAuthEventFeedback from {@link #LOCAL_SOURCE}. */
    default void updateAuthEventFeedback(String poolId, String username, String eventId, String feedbackToken,
                                         String feedbackValue) {
        updateAuthEventFeedbackFrom(LOCAL_SOURCE, poolId, username, eventId, feedbackToken, feedbackValue);
    }

    /**
     * UpdateAuthEventFeedback as sent from {@code sourceAddress}: in process the command carries it;
     * over a network, the trusted proxy header the driver's server is configured with does.
     */
    void updateAuthEventFeedbackFrom(String sourceAddress, String poolId, String username, String eventId,
                                     String feedbackToken, String feedbackValue);

    void adminUpdateAuthEventFeedback(String poolId, String username, String eventId, String feedbackValue);

    PageView<EventView> adminListUserAuthEvents(String poolId, String username, Integer maxResults,
                                                String nextToken);

    /** SetRiskConfiguration; the answer as the domain's record (enum values parsed from the wire). */
    RiskConfiguration setRiskConfiguration(String poolId, String clientId,
                                           SetRiskConfigurationCommand.CompromisedCredentialsInput compromised,
                                           SetRiskConfigurationCommand.AccountTakeoverInput accountTakeover,
                                           SetRiskConfigurationCommand.RiskExceptionsInput exceptions);

    RiskConfiguration describeRiskConfiguration(String poolId, String clientId);

    /**
     * How an error message echoes an enum value this driver was asked to send: the value itself,
     * unless the transport cannot carry arbitrary strings for enums (gRPC sends an unknown number).
     */
    default String echoOfEnumValue(String sent) {
        return sent;
    }

    @Override
    default void close() {
    }
}
