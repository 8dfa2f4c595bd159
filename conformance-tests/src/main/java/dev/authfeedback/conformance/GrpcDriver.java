package dev.authfeedback.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import dev.authfeedback.adapter.grpc.AuthFeedbackGrpcServer;
import dev.authfeedback.adapter.grpc.GrpcAdapterSettings;
import dev.authfeedback.adapter.grpc.GrpcMapping;
import dev.authfeedback.adapter.grpc.ProtoEnums;
import dev.authfeedback.adapter.grpc.v1.AccountTakeoverActionType;
import dev.authfeedback.adapter.grpc.v1.AccountTakeoverActionsType;
import dev.authfeedback.adapter.grpc.v1.AccountTakeoverRiskConfigurationType;
import dev.authfeedback.adapter.grpc.v1.AdminCreateUserRequest;
import dev.authfeedback.adapter.grpc.v1.AdminDeleteUserRequest;
import dev.authfeedback.adapter.grpc.v1.AdminGetUserRequest;
import dev.authfeedback.adapter.grpc.v1.AdminListUserAuthEventsRequest;
import dev.authfeedback.adapter.grpc.v1.AdminUpdateAuthEventFeedbackRequest;
import dev.authfeedback.adapter.grpc.v1.AttributeType;
import dev.authfeedback.adapter.grpc.v1.AuthEventType;
import dev.authfeedback.adapter.grpc.v1.ChallengeResponseType;
import dev.authfeedback.adapter.grpc.v1.CompromisedCredentialsActionsType;
import dev.authfeedback.adapter.grpc.v1.CompromisedCredentialsRiskConfigurationType;
import dev.authfeedback.adapter.grpc.v1.CreateUserPoolRequest;
import dev.authfeedback.adapter.grpc.v1.DeleteUserPoolRequest;
import dev.authfeedback.adapter.grpc.v1.DescribeRiskConfigurationRequest;
import dev.authfeedback.adapter.grpc.v1.DescribeUserPoolRequest;
import dev.authfeedback.adapter.grpc.v1.EventContextDataType;
import dev.authfeedback.adapter.grpc.v1.EventRiskType;
import dev.authfeedback.adapter.grpc.v1.EventsServiceGrpc;
import dev.authfeedback.adapter.grpc.v1.FeedbackServiceGrpc;
import dev.authfeedback.adapter.grpc.v1.ListUserPoolsRequest;
import dev.authfeedback.adapter.grpc.v1.NotifyConfigurationType;
import dev.authfeedback.adapter.grpc.v1.NotifyEmailType;
import dev.authfeedback.adapter.grpc.v1.RecordAuthEventRequest;
import dev.authfeedback.adapter.grpc.v1.RecordAuthEventResponse;
import dev.authfeedback.adapter.grpc.v1.RiskConfigurationServiceGrpc;
import dev.authfeedback.adapter.grpc.v1.RiskConfigurationType;
import dev.authfeedback.adapter.grpc.v1.RiskExceptionConfigurationType;
import dev.authfeedback.adapter.grpc.v1.SetRiskConfigurationRequest;
import dev.authfeedback.adapter.grpc.v1.UpdateAuthEventFeedbackRequest;
import dev.authfeedback.adapter.grpc.v1.ListNotificationsRequest;
import dev.authfeedback.adapter.grpc.v1.ListNotificationsResponse;
import dev.authfeedback.adapter.grpc.v1.NotificationsServiceGrpc;
import dev.authfeedback.adapter.grpc.v1.RotateFeedbackTokenKeyRequest;
import dev.authfeedback.adapter.grpc.v1.RotateFeedbackTokenKeyResponse;
import dev.authfeedback.adapter.grpc.v1.UpdateUserPoolRequest;
import dev.authfeedback.adapter.grpc.v1.UserPoolAddOns;
import dev.authfeedback.adapter.grpc.v1.UserPoolsServiceGrpc;
import dev.authfeedback.adapter.grpc.v1.UsersServiceGrpc;
import dev.authfeedback.conformance.Views.ChallengeView;
import dev.authfeedback.conformance.Views.EventView;
import dev.authfeedback.conformance.Views.FeedbackView;
import dev.authfeedback.conformance.Views.PageView;
import dev.authfeedback.conformance.Views.PoolSummary;
import dev.authfeedback.conformance.Views.PoolView;
import dev.authfeedback.conformance.Views.Recorded;
import dev.authfeedback.conformance.Views.UserView;
import dev.authfeedback.domain.model.AccountTakeoverEventAction;
import dev.authfeedback.domain.model.AdvancedSecurityMode;
import dev.authfeedback.domain.model.AliasAttribute;
import dev.authfeedback.domain.model.ChallengeName;
import dev.authfeedback.domain.model.ChallengeResult;
import dev.authfeedback.domain.model.CompromisedCredentialsEventAction;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.EventFilter;
import dev.authfeedback.domain.model.EventResponse;
import dev.authfeedback.domain.model.EventType;
import dev.authfeedback.domain.model.FeedbackValue;
import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.model.RiskDecision;
import dev.authfeedback.domain.model.RiskLevel;
import dev.authfeedback.domain.model.UserPoolTier;
import dev.authfeedback.domain.model.UserStatus;
import dev.authfeedback.domain.model.UsernameAttribute;
import dev.authfeedback.domain.model.WireEnum;
import dev.authfeedback.domain.port.in.AttributeInput;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.ChallengeResponseInput;
import dev.authfeedback.domain.port.in.EventRiskInput;
import dev.authfeedback.domain.port.in.SetRiskConfigurationCommand;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The operation suite over gRPC: generated blocking stubs on a real Netty channel to 127.0.0.1 or an
 * in-process one, admin calls carrying {@code authorization: Bearer <key>}. An error must carry
 * ErrorInfo details naming the AWS shape, with the status code the shape maps to.
 */
public final class GrpcDriver implements OperationDriver {

    public static final String ADMIN_KEY = "conformance-admin-key";
    /** What the driver sends for an enum string the proto does not know. */
    static final int UNKNOWN_ENUM_NUMBER = 99;

    private static final Map<String, Status.Code> CODE_OF_SHAPE = Map.ofEntries(
            Map.entry("InvalidParameterException", Status.Code.INVALID_ARGUMENT),
            Map.entry("NotAuthorizedException", Status.Code.UNAUTHENTICATED),
            Map.entry("ResourceNotFoundException", Status.Code.NOT_FOUND),
            Map.entry("UserNotFoundException", Status.Code.NOT_FOUND),
            Map.entry("UserPoolAddOnNotEnabledException", Status.Code.FAILED_PRECONDITION),
            Map.entry("FeatureUnavailableInTierException", Status.Code.FAILED_PRECONDITION),
            Map.entry("TooManyRequestsException", Status.Code.RESOURCE_EXHAUSTED),
            Map.entry("UsernameExistsException", Status.Code.ALREADY_EXISTS),
            Map.entry("AliasExistsException", Status.Code.ALREADY_EXISTS),
            Map.entry("InternalErrorException", Status.Code.INTERNAL),
            Map.entry("MissingAuthenticationTokenException", Status.Code.UNAUTHENTICATED),
            Map.entry("UnrecognizedClientException", Status.Code.UNAUTHENTICATED));

    private final ManagedChannel channel;
    private final Runnable onClose;
    private String serverName;
    private final FeedbackServiceGrpc.FeedbackServiceBlockingStub feedback;
    private final EventsServiceGrpc.EventsServiceBlockingStub events;
    private final UserPoolsServiceGrpc.UserPoolsServiceBlockingStub pools;
    private final UsersServiceGrpc.UsersServiceBlockingStub users;
    private final RiskConfigurationServiceGrpc.RiskConfigurationServiceBlockingStub risk;
    private final NotificationsServiceGrpc.NotificationsServiceBlockingStub notifications;

    /** Calls over {@code channel} with {@code adminKey}; closing shuts the channel down, then runs {@code onClose}. */
    public GrpcDriver(ManagedChannel channel, String adminKey, Runnable onClose) {
        this.channel = channel;
        this.onClose = onClose;
        Metadata metadata = new Metadata();
        metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + adminKey);
        var withKey = MetadataUtils.newAttachHeadersInterceptor(metadata);
        this.feedback = FeedbackServiceGrpc.newBlockingStub(channel).withInterceptors(withKey);
        this.events = EventsServiceGrpc.newBlockingStub(channel).withInterceptors(withKey);
        this.pools = UserPoolsServiceGrpc.newBlockingStub(channel).withInterceptors(withKey);
        this.users = UsersServiceGrpc.newBlockingStub(channel).withInterceptors(withKey);
        this.risk = RiskConfigurationServiceGrpc.newBlockingStub(channel).withInterceptors(withKey);
        this.notifications = NotificationsServiceGrpc.newBlockingStub(channel).withInterceptors(withKey);
    }

    /** A Netty server on 127.0.0.1 around {@code service} and a plaintext channel to it. */
    public static GrpcDriver startedOnNetty(AuthEventFeedbackUseCases service) {
        AuthFeedbackGrpcServer server = AuthFeedbackGrpcServer.network(service,
                new GrpcAdapterSettings("127.0.0.1", 0, List.of(ADMIN_KEY)).withTrustedProxyHeader(TRUSTED_PROXY_HEADER));
        int port = server.start();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        return new GrpcDriver(channel, ADMIN_KEY, () -> server.stop(Duration.ZERO));
    }

    /** An in-process server around {@code service} and a channel to it. */
    public static GrpcDriver startedInProcess(AuthEventFeedbackUseCases service) {
        String name = "authfeedback-" + UUID.randomUUID();
        AuthFeedbackGrpcServer server = AuthFeedbackGrpcServer.inProcess(name, service,
                new GrpcAdapterSettings("in-process", 0, List.of(ADMIN_KEY)).withTrustedProxyHeader(TRUSTED_PROXY_HEADER));
        server.start();
        GrpcDriver driver = new GrpcDriver(InProcessChannelBuilder.forName(name).build(), ADMIN_KEY,
                () -> server.stop(Duration.ZERO));
        driver.serverName = name;
        return driver;
    }

    /** The in-process server's name, for more channels to it; null for network servers. */
    public String serverName() {
        return serverName;
    }

    @Override
    public String echoOfEnumValue(String sent) {
        return sent == null || knownAnywhere(sent) ? sent : String.valueOf(UNKNOWN_ENUM_NUMBER);
    }

    @Override
    public PoolView createUserPool(String poolName, String advancedSecurityMode, String tier,
                                   List<String> aliasAttributes, List<String> usernameAttributes) {
        CreateUserPoolRequest.Builder request = CreateUserPoolRequest.newBuilder()
                .setUserPoolTierValue(number(tier, dev.authfeedback.adapter.grpc.v1.UserPoolTier.getDescriptor(),
                        UserPoolTier.class));
        if (poolName != null) {
            request.setPoolName(poolName);
        }
        if (advancedSecurityMode != null) {
            request.setUserPoolAddOns(addOns(advancedSecurityMode));
        }
        numbers(aliasAttributes, dev.authfeedback.adapter.grpc.v1.AliasAttribute.getDescriptor(), AliasAttribute.class)
                .forEach(request::addAliasAttributesValue);
        numbers(usernameAttributes, dev.authfeedback.adapter.grpc.v1.UsernameAttribute.getDescriptor(),
                UsernameAttribute.class).forEach(request::addUsernameAttributesValue);
        return call(() -> poolView(pools.createUserPool(request.build()).getUserPool()));
    }

    @Override
    public PoolView describeUserPool(String poolId) {
        DescribeUserPoolRequest.Builder request = DescribeUserPoolRequest.newBuilder();
        if (poolId != null) {
            request.setUserPoolId(poolId);
        }
        return call(() -> poolView(pools.describeUserPool(request.build()).getUserPool()));
    }

    @Override
    public PageView<Views.NotificationView> listNotifications(String poolId, Integer maxResults, String nextToken) {
        ListNotificationsRequest.Builder request = ListNotificationsRequest.newBuilder();
        if (poolId != null) {
            request.setUserPoolId(poolId);
        }
        if (maxResults != null) {
            request.setMaxResults(maxResults);
        }
        if (nextToken != null) {
            request.setNextToken(nextToken);
        }
        return call(() -> {
            ListNotificationsResponse response = notifications.listNotifications(request.build());
            return new PageView<>(response.getNotificationsList().stream().map(n -> new Views.NotificationView(
                    n.getNotificationId(), n.getEventId(), n.getUserSub(), n.hasRecipient() ? n.getRecipient() : null,
                    n.getFrom(), n.hasReplyTo() ? n.getReplyTo() : null, n.getSubject(),
                    n.hasHtmlBody() ? n.getHtmlBody() : null, n.hasTextBody() ? n.getTextBody() : null,
                    n.getStatus(), n.getAttempts(), n.hasLastError() ? n.getLastError() : null)).toList(),
                    response.hasNextToken() ? response.getNextToken() : null);
        });
    }

    @Override
    public Views.RotatedView rotateFeedbackTokenKey(String poolId) {
        RotateFeedbackTokenKeyRequest.Builder request = RotateFeedbackTokenKeyRequest.newBuilder();
        if (poolId != null) {
            request.setUserPoolId(poolId);
        }
        return call(() -> {
            RotateFeedbackTokenKeyResponse response = pools.rotateFeedbackTokenKey(request.build());
            return new Views.RotatedView(response.getKeyId(), instant(response.getPreviousKeyRetiresAt()));
        });
    }

    @Override
    public void updateUserPool(String poolId, String poolName, String advancedSecurityMode, String tier) {
        UpdateUserPoolRequest.Builder request = UpdateUserPoolRequest.newBuilder()
                .setUserPoolTierValue(number(tier, dev.authfeedback.adapter.grpc.v1.UserPoolTier.getDescriptor(),
                        UserPoolTier.class));
        if (poolId != null) {
            request.setUserPoolId(poolId);
        }
        if (poolName != null) {
            request.setPoolName(poolName);
        }
        if (advancedSecurityMode != null) {
            request.setUserPoolAddOns(addOns(advancedSecurityMode));
        }
        call(() -> pools.updateUserPool(request.build()));
    }

    @Override
    public void deleteUserPool(String poolId) {
        DeleteUserPoolRequest.Builder request = DeleteUserPoolRequest.newBuilder();
        if (poolId != null) {
            request.setUserPoolId(poolId);
        }
        call(() -> pools.deleteUserPool(request.build()));
    }

    @Override
    public PageView<PoolSummary> listUserPools(Integer maxResults, String nextToken) {
        ListUserPoolsRequest.Builder request = ListUserPoolsRequest.newBuilder();
        if (maxResults != null) {
            request.setMaxResults(maxResults);
        }
        if (nextToken != null) {
            request.setNextToken(nextToken);
        }
        return call(() -> {
            var response = pools.listUserPools(request.build());
            return new PageView<>(response.getUserPoolsList().stream()
                    .map(pool -> new PoolSummary(pool.getId(), pool.getName())).toList(),
                    response.hasNextToken() ? response.getNextToken() : null);
        });
    }

    @Override
    public UserView adminCreateUser(String poolId, String username, List<AttributeInput> attributes,
                                    Boolean forceAliasCreation) {
        AdminCreateUserRequest.Builder request = AdminCreateUserRequest.newBuilder();
        if (poolId != null) {
            request.setUserPoolId(poolId);
        }
        if (username != null) {
            request.setUsername(username);
        }
        if (attributes != null) {
            for (AttributeInput attribute : attributes) {
                AttributeType.Builder proto = AttributeType.newBuilder();
                if (attribute.name() != null) {
                    proto.setName(attribute.name());
                }
                if (attribute.value() != null) {
                    proto.setValue(attribute.value());
                }
                request.addUserAttributes(proto);
            }
        }
        if (forceAliasCreation != null) {
            request.setForceAliasCreation(forceAliasCreation);
        }
        return call(() -> {
            var user = users.adminCreateUser(request.build()).getUser();
            return userView(user.getUsername(), user.getAttributesList(), user.getEnabled(), user.getUserStatusValue(),
                    user.getUserCreateDate(), user.getUserLastModifiedDate());
        });
    }

    @Override
    public UserView adminGetUser(String poolId, String username) {
        AdminGetUserRequest.Builder request = AdminGetUserRequest.newBuilder();
        if (poolId != null) {
            request.setUserPoolId(poolId);
        }
        if (username != null) {
            request.setUsername(username);
        }
        return call(() -> {
            var user = users.adminGetUser(request.build());
            return userView(user.getUsername(), user.getUserAttributesList(), user.getEnabled(),
                    user.getUserStatusValue(), user.getUserCreateDate(), user.getUserLastModifiedDate());
        });
    }

    @Override
    public void adminDeleteUser(String poolId, String username) {
        AdminDeleteUserRequest.Builder request = AdminDeleteUserRequest.newBuilder();
        if (poolId != null) {
            request.setUserPoolId(poolId);
        }
        if (username != null) {
            request.setUsername(username);
        }
        call(() -> users.adminDeleteUser(request.build()));
    }

    @Override
    public Recorded recordAuthEvent(String poolId, String username, String eventType, String eventResponse,
                                    EventRiskInput risk, List<ChallengeResponseInput> challenges,
                                    EventContextData context, String clientId) {
        RecordAuthEventRequest.Builder request = RecordAuthEventRequest.newBuilder()
                .setEventTypeValue(number(eventType, dev.authfeedback.adapter.grpc.v1.EventType.getDescriptor(),
                        EventType.class))
                .setEventResponseValue(number(eventResponse,
                        dev.authfeedback.adapter.grpc.v1.EventResponse.getDescriptor(), EventResponse.class));
        if (poolId != null) {
            request.setUserPoolId(poolId);
        }
        if (username != null) {
            request.setUsername(username);
        }
        if (risk != null) {
            EventRiskType.Builder riskProto = EventRiskType.newBuilder()
                    .setRiskDecisionValue(number(risk.riskDecision(),
                            dev.authfeedback.adapter.grpc.v1.RiskDecision.getDescriptor(), RiskDecision.class))
                    .setRiskLevelValue(number(risk.riskLevel(),
                            dev.authfeedback.adapter.grpc.v1.RiskLevel.getDescriptor(), RiskLevel.class));
            if (risk.compromisedCredentialsDetected() != null) {
                riskProto.setCompromisedCredentialsDetected(risk.compromisedCredentialsDetected());
            }
            request.setEventRisk(riskProto);
        }
        if (challenges != null) {
            for (ChallengeResponseInput challenge : challenges) {
                request.addChallengeResponses(ChallengeResponseType.newBuilder()
                        .setChallengeNameValue(number(challenge.challengeName(),
                                dev.authfeedback.adapter.grpc.v1.ChallengeName.getDescriptor(), ChallengeName.class))
                        .setChallengeResponseValue(number(challenge.challengeResponse(),
                                dev.authfeedback.adapter.grpc.v1.ChallengeResponse.getDescriptor(),
                                ChallengeResult.class)));
            }
        }
        if (context != null) {
            request.setEventContextData(GrpcMapping.eventContext(context));
        }
        if (clientId != null) {
            request.setClientId(clientId);
        }
        return call(() -> {
            RecordAuthEventResponse response = events.recordAuthEvent(request.build());
            EventRiskType eventRisk = response.hasEventRisk() ? response.getEventRisk() : null;
            return new Recorded(response.getEventId(), response.getFeedbackToken(),
                    eventRisk == null ? null : wire(eventRisk.getRiskDecisionValue(),
                            dev.authfeedback.adapter.grpc.v1.RiskDecision.getDescriptor(), RiskDecision.class),
                    eventRisk == null ? null : wire(eventRisk.getRiskLevelValue(),
                            dev.authfeedback.adapter.grpc.v1.RiskLevel.getDescriptor(), RiskLevel.class),
                    eventRisk == null || !eventRisk.hasCompromisedCredentialsDetected() ? null
                            : eventRisk.getCompromisedCredentialsDetected(),
                    wire(response.getEventResponseValue(),
                            dev.authfeedback.adapter.grpc.v1.EventResponse.getDescriptor(), EventResponse.class),
                    response.getReasonsValueList().stream().map(number -> wire(number,
                            dev.authfeedback.adapter.grpc.v1.RiskReason.getDescriptor(),
                            dev.authfeedback.domain.model.RiskReason.class)).toList(),
                    wire(response.getEventActionValue(),
                            dev.authfeedback.adapter.grpc.v1.AccountTakeoverEventAction.getDescriptor(),
                            AccountTakeoverEventAction.class));
        });
    }

    @Override
    public void updateAuthEventFeedbackFrom(String sourceAddress, String poolId, String username, String eventId,
                                            String feedbackToken, String feedbackValue) {
        UpdateAuthEventFeedbackRequest.Builder request = UpdateAuthEventFeedbackRequest.newBuilder()
                .setFeedbackValueValue(number(feedbackValue,
                        dev.authfeedback.adapter.grpc.v1.FeedbackValue.getDescriptor(), FeedbackValue.class));
        if (poolId != null) {
            request.setUserPoolId(poolId);
        }
        if (username != null) {
            request.setUsername(username);
        }
        if (eventId != null) {
            request.setEventId(eventId);
        }
        if (feedbackToken != null) {
            request.setFeedbackToken(feedbackToken);
        }
        // no admin key needed: the token authorizes, so call without the key's interceptor
        Metadata forwarded = new Metadata();
        forwarded.put(Metadata.Key.of(TRUSTED_PROXY_HEADER, Metadata.ASCII_STRING_MARSHALLER), sourceAddress);
        call(() -> FeedbackServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(forwarded))
                .updateAuthEventFeedback(request.build()));
    }

    @Override
    public void adminUpdateAuthEventFeedback(String poolId, String username, String eventId, String feedbackValue) {
        AdminUpdateAuthEventFeedbackRequest.Builder request = AdminUpdateAuthEventFeedbackRequest.newBuilder()
                .setFeedbackValueValue(number(feedbackValue,
                        dev.authfeedback.adapter.grpc.v1.FeedbackValue.getDescriptor(), FeedbackValue.class));
        if (poolId != null) {
            request.setUserPoolId(poolId);
        }
        if (username != null) {
            request.setUsername(username);
        }
        if (eventId != null) {
            request.setEventId(eventId);
        }
        call(() -> feedback.adminUpdateAuthEventFeedback(request.build()));
    }

    @Override
    public PageView<EventView> adminListUserAuthEvents(String poolId, String username, Integer maxResults,
                                                       String nextToken) {
        AdminListUserAuthEventsRequest.Builder request = AdminListUserAuthEventsRequest.newBuilder();
        if (poolId != null) {
            request.setUserPoolId(poolId);
        }
        if (username != null) {
            request.setUsername(username);
        }
        if (maxResults != null) {
            request.setMaxResults(maxResults);
        }
        if (nextToken != null) {
            request.setNextToken(nextToken);
        }
        return call(() -> {
            var response = events.adminListUserAuthEvents(request.build());
            return new PageView<>(response.getAuthEventsList().stream().map(GrpcDriver::eventView).toList(),
                    response.hasNextToken() ? response.getNextToken() : null);
        });
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onClose.run();
    }

    // ---- conversions ----------------------------------------------------------------------------

    private static UserPoolAddOns addOns(String advancedSecurityMode) {
        return UserPoolAddOns.newBuilder().setAdvancedSecurityModeValue(number(advancedSecurityMode,
                dev.authfeedback.adapter.grpc.v1.AdvancedSecurityMode.getDescriptor(), AdvancedSecurityMode.class))
                .build();
    }

    private static <E extends Enum<E> & WireEnum> int number(String wire, EnumDescriptor descriptor, Class<E> domain) {
        return wire == null ? 0 : ProtoEnums.numberOfWire(wire, descriptor, domain).orElse(UNKNOWN_ENUM_NUMBER);
    }

    private static <E extends Enum<E> & WireEnum> List<Integer> numbers(List<String> wires, EnumDescriptor descriptor,
                                                                        Class<E> domain) {
        List<Integer> numbers = new ArrayList<>();
        if (wires != null) {
            wires.forEach(wire -> numbers.add(number(wire, descriptor, domain)));
        }
        return numbers;
    }

    private static <E extends Enum<E> & WireEnum> String wire(int number, EnumDescriptor descriptor, Class<E> domain) {
        return ProtoEnums.toWire(number, descriptor, domain);
    }

    private static boolean knownAnywhere(String value) {
        for (Class<? extends WireEnum> type : List.of(AdvancedSecurityMode.class, UserPoolTier.class,
                AliasAttribute.class, UsernameAttribute.class, EventType.class, EventResponse.class,
                RiskDecision.class, RiskLevel.class, ChallengeName.class, ChallengeResult.class, FeedbackValue.class)) {
            for (WireEnum constant : type.getEnumConstants()) {
                if (constant.wireValue().equals(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static PoolView poolView(dev.authfeedback.adapter.grpc.v1.UserPool pool) {
        return new PoolView(pool.getId(), pool.getName(), pool.getArn(),
                wire(pool.getUserPoolAddOns().getAdvancedSecurityModeValue(),
                        dev.authfeedback.adapter.grpc.v1.AdvancedSecurityMode.getDescriptor(), AdvancedSecurityMode.class),
                wire(pool.getUserPoolTierValue(), dev.authfeedback.adapter.grpc.v1.UserPoolTier.getDescriptor(),
                        UserPoolTier.class),
                pool.getAliasAttributesValueList().stream().map(n -> wire(n,
                        dev.authfeedback.adapter.grpc.v1.AliasAttribute.getDescriptor(), AliasAttribute.class)).toList(),
                pool.getUsernameAttributesValueList().stream().map(n -> wire(n,
                        dev.authfeedback.adapter.grpc.v1.UsernameAttribute.getDescriptor(), UsernameAttribute.class))
                        .toList(),
                instant(pool.getCreationDate()), instant(pool.getLastModifiedDate()));
    }

    /** UserType and AdminGetUserResponse carry the same members under different message types. */
    private static UserView userView(String username, List<AttributeType> attributes, boolean enabled, int status,
                                     Timestamp created, Timestamp modified) {
        return new UserView(username, attributes(attributes), enabled,
                wire(status, dev.authfeedback.adapter.grpc.v1.UserStatus.getDescriptor(), UserStatus.class),
                instant(created), instant(modified));
    }

    private static Map<String, String> attributes(List<AttributeType> attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        attributes.forEach(attribute -> map.put(attribute.getName(), attribute.getValue()));
        return map;
    }

    private static EventView eventView(AuthEventType event) {
        EventRiskType risk = event.hasEventRisk() ? event.getEventRisk() : null;
        EventContextDataType context = event.hasEventContextData() ? event.getEventContextData() : null;
        return new EventView(event.getEventId(),
                wire(event.getEventTypeValue(), dev.authfeedback.adapter.grpc.v1.EventType.getDescriptor(), EventType.class),
                instant(event.getCreationDate()),
                wire(event.getEventResponseValue(), dev.authfeedback.adapter.grpc.v1.EventResponse.getDescriptor(),
                        EventResponse.class),
                risk == null ? null : wire(risk.getRiskDecisionValue(),
                        dev.authfeedback.adapter.grpc.v1.RiskDecision.getDescriptor(), RiskDecision.class),
                risk == null ? null : wire(risk.getRiskLevelValue(),
                        dev.authfeedback.adapter.grpc.v1.RiskLevel.getDescriptor(), RiskLevel.class),
                risk == null || !risk.hasCompromisedCredentialsDetected() ? null : risk.getCompromisedCredentialsDetected(),
                event.getChallengeResponsesList().stream().map(challenge -> new ChallengeView(
                        wire(challenge.getChallengeNameValue(),
                                dev.authfeedback.adapter.grpc.v1.ChallengeName.getDescriptor(), ChallengeName.class),
                        wire(challenge.getChallengeResponseValue(),
                                dev.authfeedback.adapter.grpc.v1.ChallengeResponse.getDescriptor(), ChallengeResult.class)))
                        .toList(),
                context == null ? null : new EventContextData(
                        context.hasIpAddress() ? context.getIpAddress() : null,
                        context.hasDeviceName() ? context.getDeviceName() : null,
                        context.hasTimezone() ? context.getTimezone() : null,
                        context.hasCity() ? context.getCity() : null,
                        context.hasCountry() ? context.getCountry() : null),
                event.hasEventFeedback() ? new FeedbackView(
                        wire(event.getEventFeedback().getFeedbackValueValue(),
                                dev.authfeedback.adapter.grpc.v1.FeedbackValue.getDescriptor(), FeedbackValue.class),
                        event.getEventFeedback().getProvider(), instant(event.getEventFeedback().getFeedbackDate()))
                        : null);
    }

    /** The AWS shape and message of a failed call, after checking that the status code fits the shape. */
    static ServiceError serviceError(StatusRuntimeException failure) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        assertThat(status).as("google.rpc.Status details on %s", failure.getStatus()).isNotNull();
        String reason = null;
        List<String> paths = new ArrayList<>();
        try {
            for (Any detail : status.getDetailsList()) {
                if (detail.is(ErrorInfo.class)) {
                    reason = detail.unpack(ErrorInfo.class).getReason();
                } else if (detail.is(BadRequest.class)) {
                    detail.unpack(BadRequest.class).getFieldViolationsList().forEach(v -> paths.add(v.getField()));
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("unreadable error details", e);
        }
        assertThat(reason).as("ErrorInfo reason").isNotNull();
        assertThat(failure.getStatus().getCode()).as("status code of %s", reason).isEqualTo(CODE_OF_SHAPE.get(reason));
        return new ServiceError(reason, status.getMessage(), paths);
    }

    @Override
    public RiskConfiguration setRiskConfiguration(String poolId, String clientId,
                                                  SetRiskConfigurationCommand.CompromisedCredentialsInput compromised,
                                                  SetRiskConfigurationCommand.AccountTakeoverInput accountTakeover,
                                                  SetRiskConfigurationCommand.RiskExceptionsInput exceptions) {
        SetRiskConfigurationRequest.Builder request = SetRiskConfigurationRequest.newBuilder();
        if (poolId != null) {
            request.setUserPoolId(poolId);
        }
        if (clientId != null) {
            request.setClientId(clientId);
        }
        if (compromised != null) {
            CompromisedCredentialsRiskConfigurationType.Builder proto = CompromisedCredentialsRiskConfigurationType
                    .newBuilder();
            if (compromised.eventFilter() != null) {
                compromised.eventFilter().forEach(value -> proto.addEventFilterValue(number(value,
                        dev.authfeedback.adapter.grpc.v1.EventFilter.getDescriptor(), EventFilter.class)));
            }
            if (compromised.actions() != null) {
                proto.setActions(CompromisedCredentialsActionsType.newBuilder().setEventActionValue(number(
                        compromised.actions().eventAction(),
                        dev.authfeedback.adapter.grpc.v1.CompromisedCredentialsEventAction.getDescriptor(),
                        CompromisedCredentialsEventAction.class)));
            }
            request.setCompromisedCredentialsRiskConfiguration(proto);
        }
        if (accountTakeover != null) {
            AccountTakeoverRiskConfigurationType.Builder proto = AccountTakeoverRiskConfigurationType.newBuilder();
            SetRiskConfigurationCommand.NotifyInput notify = accountTakeover.notifyConfiguration();
            if (notify != null) {
                NotifyConfigurationType.Builder notifyProto = NotifyConfigurationType.newBuilder();
                setIfPresent(notify.from(), notifyProto::setFrom);
                setIfPresent(notify.replyTo(), notifyProto::setReplyTo);
                setIfPresent(notify.sourceArn(), notifyProto::setSourceArn);
                setIfPresent(email(notify.blockEmail()), notifyProto::setBlockEmail);
                setIfPresent(email(notify.noActionEmail()), notifyProto::setNoActionEmail);
                setIfPresent(email(notify.mfaEmail()), notifyProto::setMfaEmail);
                proto.setNotifyConfiguration(notifyProto);
            }
            if (accountTakeover.actions() != null) {
                AccountTakeoverActionsType.Builder actions = AccountTakeoverActionsType.newBuilder();
                setIfPresent(level(accountTakeover.actions().lowAction()), actions::setLowAction);
                setIfPresent(level(accountTakeover.actions().mediumAction()), actions::setMediumAction);
                setIfPresent(level(accountTakeover.actions().highAction()), actions::setHighAction);
                proto.setActions(actions);
            }
            request.setAccountTakeoverRiskConfiguration(proto);
        }
        if (exceptions != null) {
            RiskExceptionConfigurationType.Builder proto = RiskExceptionConfigurationType.newBuilder();
            if (exceptions.blockedIpRangeList() != null) {
                proto.addAllBlockedIpRangeList(exceptions.blockedIpRangeList());
            }
            if (exceptions.skippedIpRangeList() != null) {
                proto.addAllSkippedIpRangeList(exceptions.skippedIpRangeList());
            }
            request.setRiskExceptionConfiguration(proto);
        }
        return call(() -> riskConfiguration(risk.setRiskConfiguration(request.build()).getRiskConfiguration()));
    }

    @Override
    public RiskConfiguration describeRiskConfiguration(String poolId, String clientId) {
        DescribeRiskConfigurationRequest.Builder request = DescribeRiskConfigurationRequest.newBuilder();
        setIfPresent(poolId, request::setUserPoolId);
        setIfPresent(clientId, request::setClientId);
        return call(() -> riskConfiguration(risk.describeRiskConfiguration(request.build()).getRiskConfiguration()));
    }

    private static <T> void setIfPresent(T value, java.util.function.Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static NotifyEmailType email(SetRiskConfigurationCommand.NotifyEmailInput email) {
        if (email == null) {
            return null;
        }
        NotifyEmailType.Builder proto = NotifyEmailType.newBuilder();
        setIfPresent(email.subject(), proto::setSubject);
        setIfPresent(email.htmlBody(), proto::setHtmlBody);
        setIfPresent(email.textBody(), proto::setTextBody);
        return proto.build();
    }

    private static AccountTakeoverActionType level(SetRiskConfigurationCommand.LevelActionInput level) {
        if (level == null) {
            return null;
        }
        AccountTakeoverActionType.Builder proto = AccountTakeoverActionType.newBuilder();
        setIfPresent(level.notifies(), proto::setNotify);
        proto.setEventActionValue(number(level.eventAction(),
                dev.authfeedback.adapter.grpc.v1.AccountTakeoverEventAction.getDescriptor(),
                AccountTakeoverEventAction.class));
        return proto.build();
    }

    private static RiskConfiguration riskConfiguration(RiskConfigurationType proto) {
        RiskConfiguration.CompromisedCredentials compromised = null;
        if (proto.hasCompromisedCredentialsRiskConfiguration()) {
            var given = proto.getCompromisedCredentialsRiskConfiguration();
            compromised = new RiskConfiguration.CompromisedCredentials(
                    given.getEventFilterValueList().stream().map(value -> WireEnum.parseValidated(EventFilter.class,
                            wire(value, dev.authfeedback.adapter.grpc.v1.EventFilter.getDescriptor(),
                                    EventFilter.class))).toList(),
                    WireEnum.parseValidated(CompromisedCredentialsEventAction.class, wire(
                            given.getActions().getEventActionValue(),
                            dev.authfeedback.adapter.grpc.v1.CompromisedCredentialsEventAction.getDescriptor(),
                            CompromisedCredentialsEventAction.class)));
        }
        RiskConfiguration.AccountTakeover takeover = null;
        if (proto.hasAccountTakeoverRiskConfiguration()) {
            var given = proto.getAccountTakeoverRiskConfiguration();
            var notify = given.getNotifyConfiguration();
            var actions = given.getActions();
            takeover = new RiskConfiguration.AccountTakeover(
                    !given.hasNotifyConfiguration() ? null : new RiskConfiguration.Notify(
                            notify.hasFrom() ? notify.getFrom() : null, notify.hasReplyTo() ? notify.getReplyTo() : null,
                            notify.getSourceArn(), notify.hasBlockEmail() ? email(notify.getBlockEmail()) : null,
                            notify.hasNoActionEmail() ? email(notify.getNoActionEmail()) : null,
                            notify.hasMfaEmail() ? email(notify.getMfaEmail()) : null),
                    actions.hasLowAction() ? level(actions.getLowAction()) : null,
                    actions.hasMediumAction() ? level(actions.getMediumAction()) : null,
                    actions.hasHighAction() ? level(actions.getHighAction()) : null);
        }
        return new RiskConfiguration(proto.getUserPoolId(), proto.hasClientId() ? proto.getClientId() : null,
                compromised, takeover,
                !proto.hasRiskExceptionConfiguration() ? null : new RiskConfiguration.RiskExceptions(
                        proto.getRiskExceptionConfiguration().getBlockedIpRangeListList(),
                        proto.getRiskExceptionConfiguration().getSkippedIpRangeListList()),
                proto.hasLastModifiedDate() ? instant(proto.getLastModifiedDate()) : null);
    }

    private static RiskConfiguration.NotifyEmail email(NotifyEmailType proto) {
        return new RiskConfiguration.NotifyEmail(proto.getSubject(), proto.hasHtmlBody() ? proto.getHtmlBody() : null,
                proto.hasTextBody() ? proto.getTextBody() : null);
    }

    private static RiskConfiguration.LevelAction level(AccountTakeoverActionType proto) {
        return new RiskConfiguration.LevelAction(proto.getNotify(), WireEnum.parseValidated(
                AccountTakeoverEventAction.class, wire(proto.getEventActionValue(),
                        dev.authfeedback.adapter.grpc.v1.AccountTakeoverEventAction.getDescriptor(),
                        AccountTakeoverEventAction.class)));
    }

    private static <T> T call(Supplier<T> rpc) {
        try {
            return rpc.get();
        } catch (StatusRuntimeException failure) {
            throw serviceError(failure);
        }
    }
}
