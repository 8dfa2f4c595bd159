package dev.authfeedback.adapter.grpc;

import static dev.authfeedback.adapter.grpc.GrpcMapping.optional;

import dev.authfeedback.adapter.grpc.v1.AccountTakeoverActionType;
import dev.authfeedback.adapter.grpc.v1.AccountTakeoverActionsType;
import dev.authfeedback.adapter.grpc.v1.AccountTakeoverRiskConfigurationType;
import dev.authfeedback.adapter.grpc.v1.CompromisedCredentialsActionsType;
import dev.authfeedback.adapter.grpc.v1.CompromisedCredentialsRiskConfigurationType;
import dev.authfeedback.adapter.grpc.v1.DescribeRiskConfigurationRequest;
import dev.authfeedback.adapter.grpc.v1.DescribeRiskConfigurationResponse;
import dev.authfeedback.adapter.grpc.v1.NotifyConfigurationType;
import dev.authfeedback.adapter.grpc.v1.NotifyEmailType;
import dev.authfeedback.adapter.grpc.v1.RiskConfigurationServiceGrpc;
import dev.authfeedback.adapter.grpc.v1.RiskConfigurationType;
import dev.authfeedback.adapter.grpc.v1.RiskExceptionConfigurationType;
import dev.authfeedback.adapter.grpc.v1.SetRiskConfigurationRequest;
import dev.authfeedback.adapter.grpc.v1.SetRiskConfigurationResponse;
import dev.authfeedback.domain.model.AccountTakeoverEventAction;
import dev.authfeedback.domain.model.CompromisedCredentialsEventAction;
import dev.authfeedback.domain.model.EventFilter;
import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.port.in.AuthEventFeedbackUseCases;
import dev.authfeedback.domain.port.in.DescribeRiskConfigurationCommand;
import dev.authfeedback.domain.port.in.SetRiskConfigurationCommand;
import io.grpc.stub.StreamObserver;

/** SetRiskConfiguration and DescribeRiskConfiguration, with the mapping of their shapes. */
final class RiskConfigurationGrpcService extends RiskConfigurationServiceGrpc.RiskConfigurationServiceImplBase {

    private final AuthEventFeedbackUseCases service;

    RiskConfigurationGrpcService(AuthEventFeedbackUseCases service) {
        this.service = service;
    }

    @Override
    public void setRiskConfiguration(SetRiskConfigurationRequest request,
                                     StreamObserver<SetRiskConfigurationResponse> observer) {
        UnaryCalls.answer(observer, () -> SetRiskConfigurationResponse.newBuilder().setRiskConfiguration(
                riskConfiguration(service.setRiskConfiguration(command(request)))).build());
    }

    @Override
    public void describeRiskConfiguration(DescribeRiskConfigurationRequest request,
                                          StreamObserver<DescribeRiskConfigurationResponse> observer) {
        UnaryCalls.answer(observer, () -> DescribeRiskConfigurationResponse.newBuilder().setRiskConfiguration(
                riskConfiguration(service.describeRiskConfiguration(new DescribeRiskConfigurationCommand(
                        optional(request.hasUserPoolId(), request.getUserPoolId()),
                        optional(request.hasClientId(), request.getClientId()))))).build());
    }

    private static SetRiskConfigurationCommand command(SetRiskConfigurationRequest request) {
        CompromisedCredentialsRiskConfigurationType compromised = request.getCompromisedCredentialsRiskConfiguration();
        AccountTakeoverRiskConfigurationType takeover = request.getAccountTakeoverRiskConfiguration();
        RiskExceptionConfigurationType exceptions = request.getRiskExceptionConfiguration();
        return new SetRiskConfigurationCommand(
                optional(request.hasUserPoolId(), request.getUserPoolId()),
                optional(request.hasClientId(), request.getClientId()),
                !request.hasCompromisedCredentialsRiskConfiguration() ? null
                        : new SetRiskConfigurationCommand.CompromisedCredentialsInput(
                                ProtoEnums.toWire(compromised.getEventFilterValueList(),
                                        dev.authfeedback.adapter.grpc.v1.EventFilter.getDescriptor(), EventFilter.class),
                                !compromised.hasActions() ? null
                                        : new SetRiskConfigurationCommand.CompromisedCredentialsActionsInput(
                                                ProtoEnums.toWire(compromised.getActions().getEventActionValue(),
                                                        dev.authfeedback.adapter.grpc.v1.CompromisedCredentialsEventAction
                                                                .getDescriptor(),
                                                        CompromisedCredentialsEventAction.class))),
                !request.hasAccountTakeoverRiskConfiguration() ? null
                        : new SetRiskConfigurationCommand.AccountTakeoverInput(
                                !takeover.hasNotifyConfiguration() ? null : notify(takeover.getNotifyConfiguration()),
                                !takeover.hasActions() ? null : new SetRiskConfigurationCommand.ActionsInput(
                                        takeover.getActions().hasLowAction()
                                                ? level(takeover.getActions().getLowAction()) : null,
                                        takeover.getActions().hasMediumAction()
                                                ? level(takeover.getActions().getMediumAction()) : null,
                                        takeover.getActions().hasHighAction()
                                                ? level(takeover.getActions().getHighAction()) : null)),
                !request.hasRiskExceptionConfiguration() ? null : new SetRiskConfigurationCommand.RiskExceptionsInput(
                        exceptions.getBlockedIpRangeListList(), exceptions.getSkippedIpRangeListList()));
    }

    private static SetRiskConfigurationCommand.NotifyInput notify(NotifyConfigurationType notify) {
        return new SetRiskConfigurationCommand.NotifyInput(optional(notify.hasFrom(), notify.getFrom()),
                optional(notify.hasReplyTo(), notify.getReplyTo()),
                optional(notify.hasSourceArn(), notify.getSourceArn()),
                notify.hasBlockEmail() ? email(notify.getBlockEmail()) : null,
                notify.hasNoActionEmail() ? email(notify.getNoActionEmail()) : null,
                notify.hasMfaEmail() ? email(notify.getMfaEmail()) : null);
    }

    private static SetRiskConfigurationCommand.NotifyEmailInput email(NotifyEmailType email) {
        return new SetRiskConfigurationCommand.NotifyEmailInput(optional(email.hasSubject(), email.getSubject()),
                optional(email.hasHtmlBody(), email.getHtmlBody()), optional(email.hasTextBody(), email.getTextBody()));
    }

    private static SetRiskConfigurationCommand.LevelActionInput level(AccountTakeoverActionType action) {
        return new SetRiskConfigurationCommand.LevelActionInput(action.hasNotify() ? action.getNotify() : null,
                ProtoEnums.toWire(action.getEventActionValue(),
                        dev.authfeedback.adapter.grpc.v1.AccountTakeoverEventAction.getDescriptor(),
                        AccountTakeoverEventAction.class));
    }

    /** RiskConfigurationType, absent members left out. */
    static RiskConfigurationType riskConfiguration(RiskConfiguration configuration) {
        RiskConfigurationType.Builder proto = RiskConfigurationType.newBuilder()
                .setUserPoolId(configuration.userPoolId());
        if (configuration.clientId() != null) {
            proto.setClientId(configuration.clientId());
        }
        RiskConfiguration.CompromisedCredentials compromised = configuration.compromisedCredentials();
        if (compromised != null) {
            CompromisedCredentialsRiskConfigurationType.Builder compromisedProto =
                    CompromisedCredentialsRiskConfigurationType.newBuilder().setActions(
                            CompromisedCredentialsActionsType.newBuilder().setEventActionValue(ProtoEnums.number(
                                    compromised.eventAction(),
                                    dev.authfeedback.adapter.grpc.v1.CompromisedCredentialsEventAction.getDescriptor())));
            compromised.eventFilter().forEach(filter -> compromisedProto.addEventFilterValue(
                    ProtoEnums.number(filter, dev.authfeedback.adapter.grpc.v1.EventFilter.getDescriptor())));
            proto.setCompromisedCredentialsRiskConfiguration(compromisedProto);
        }
        RiskConfiguration.AccountTakeover takeover = configuration.accountTakeover();
        if (takeover != null) {
            AccountTakeoverActionsType.Builder actions = AccountTakeoverActionsType.newBuilder();
            if (takeover.lowAction() != null) {
                actions.setLowAction(level(takeover.lowAction()));
            }
            if (takeover.mediumAction() != null) {
                actions.setMediumAction(level(takeover.mediumAction()));
            }
            if (takeover.highAction() != null) {
                actions.setHighAction(level(takeover.highAction()));
            }
            AccountTakeoverRiskConfigurationType.Builder takeoverProto =
                    AccountTakeoverRiskConfigurationType.newBuilder().setActions(actions);
            if (takeover.notifyConfiguration() != null) {
                takeoverProto.setNotifyConfiguration(notify(takeover.notifyConfiguration()));
            }
            proto.setAccountTakeoverRiskConfiguration(takeoverProto);
        }
        if (configuration.riskExceptions() != null) {
            proto.setRiskExceptionConfiguration(RiskExceptionConfigurationType.newBuilder()
                    .addAllBlockedIpRangeList(configuration.riskExceptions().blockedIpRanges())
                    .addAllSkippedIpRangeList(configuration.riskExceptions().skippedIpRanges()));
        }
        if (configuration.lastModifiedDate() != null) {
            proto.setLastModifiedDate(GrpcMapping.timestamp(configuration.lastModifiedDate()));
        }
        return proto.build();
    }

    private static AccountTakeoverActionType level(RiskConfiguration.LevelAction action) {
        return AccountTakeoverActionType.newBuilder().setNotify(action.notifies()).setEventActionValue(ProtoEnums.number(
                action.eventAction(), dev.authfeedback.adapter.grpc.v1.AccountTakeoverEventAction.getDescriptor()))
                .build();
    }

    private static NotifyConfigurationType notify(RiskConfiguration.Notify notify) {
        NotifyConfigurationType.Builder proto = NotifyConfigurationType.newBuilder().setSourceArn(notify.sourceArn());
        if (notify.from() != null) {
            proto.setFrom(notify.from());
        }
        if (notify.replyTo() != null) {
            proto.setReplyTo(notify.replyTo());
        }
        if (notify.blockEmail() != null) {
            proto.setBlockEmail(email(notify.blockEmail()));
        }
        if (notify.noActionEmail() != null) {
            proto.setNoActionEmail(email(notify.noActionEmail()));
        }
        if (notify.mfaEmail() != null) {
            proto.setMfaEmail(email(notify.mfaEmail()));
        }
        return proto.build();
    }

    private static NotifyEmailType email(RiskConfiguration.NotifyEmail email) {
        NotifyEmailType.Builder proto = NotifyEmailType.newBuilder().setSubject(email.subject());
        if (email.htmlBody() != null) {
            proto.setHtmlBody(email.htmlBody());
        }
        if (email.textBody() != null) {
            proto.setTextBody(email.textBody());
        }
        return proto.build();
    }
}
