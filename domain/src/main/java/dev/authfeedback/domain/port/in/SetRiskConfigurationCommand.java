package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.ACCOUNT_TAKEOVER_EVENT_ACTION;
import static dev.authfeedback.domain.validation.Shapes.ARN;
import static dev.authfeedback.domain.validation.Shapes.CLIENT_ID;
import static dev.authfeedback.domain.validation.Shapes.COMPROMISED_CREDENTIALS_EVENT_ACTION;
import static dev.authfeedback.domain.validation.Shapes.EMAIL_NOTIFICATION_BODY;
import static dev.authfeedback.domain.validation.Shapes.EMAIL_NOTIFICATION_SUBJECT;
import static dev.authfeedback.domain.validation.Shapes.EVENT_FILTER;
import static dev.authfeedback.domain.validation.Shapes.IP_RANGE_LIST_MAX;
import static dev.authfeedback.domain.validation.Shapes.STRING;
import static dev.authfeedback.domain.validation.Shapes.USER_POOL_ID;

import dev.authfeedback.domain.model.AccountTakeoverEventAction;
import dev.authfeedback.domain.model.CompromisedCredentialsEventAction;
import dev.authfeedback.domain.model.EventFilter;
import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.model.WireEnum;
import dev.authfeedback.domain.risk.IpRange;
import dev.authfeedback.domain.validation.RequestValidator;
import java.time.Instant;
import java.util.List;

/**
 * SetRiskConfigurationRequest, members as they arrive. Only UserPoolId given: the pool goes back
 * to the defaults; UserPoolId and ClientId only: the client goes back to the pool's configuration.
 * IP ranges must be IPv4 or IPv6 CIDR blocks (the model types them as plain strings).
 *
 * @param userPoolId the user pool's id (UserPoolIdType)
 * @param clientId an app client id whose own configuration applies, or null for the pool's (ClientIdType)
 * @param compromisedCredentialsRiskConfiguration what to do about compromised credentials, or null
 * @param accountTakeoverRiskConfiguration what to do about risky sign-ins, or null
 * @param riskExceptionConfiguration the IP ranges always blocked or never evaluated, or null
 */
public record SetRiskConfigurationCommand(String userPoolId, String clientId,
                                          CompromisedCredentialsInput compromisedCredentialsRiskConfiguration,
                                          AccountTakeoverInput accountTakeoverRiskConfiguration,
                                          RiskExceptionsInput riskExceptionConfiguration) {

    /**
     * CompromisedCredentialsRiskConfigurationType: Actions is required.
     *
     * @param eventFilter the events checked for compromised credentials: SIGN_IN, PASSWORD_CHANGE, SIGN_UP
     * @param actions the actions to take
     */
    public record CompromisedCredentialsInput(List<String> eventFilter, CompromisedCredentialsActionsInput actions) {
        public CompromisedCredentialsInput {
            eventFilter = AdminCreateUserCommand.copyOrNull(eventFilter);
        }
    }

    /**
     * CompromisedCredentialsActionsType: EventAction is required.
     *
     * @param eventAction BLOCK or NO_ACTION (CompromisedCredentialsEventActionType)
     */
    public record CompromisedCredentialsActionsInput(String eventAction) {
    }

    /**
     * AccountTakeoverRiskConfigurationType; the Actions structure is required, each level optional.
     *
     * @param notifyConfiguration the notification emails' sender and templates, or null
     * @param actions the actions to take
     */
    public record AccountTakeoverInput(NotifyInput notifyConfiguration, ActionsInput actions) {
    }

    /**
     * AccountTakeoverActionsType.
     *
     * @param lowAction the action for low risk
     * @param mediumAction the action for medium risk
     * @param highAction the action for high risk
     */
    public record ActionsInput(LevelActionInput lowAction, LevelActionInput mediumAction,
                               LevelActionInput highAction) {
    }

    /**
     * AccountTakeoverActionType: both members required; {@code notifies} is its Notify member.
     *
     * @param notifies whether the user is sent a notification email
     * @param eventAction BLOCK, MFA_IF_CONFIGURED, MFA_REQUIRED or NO_ACTION (AccountTakeoverEventActionType)
     */
    public record LevelActionInput(Boolean notifies, String eventAction) {
    }

    /**
     * NotifyConfigurationType: SourceArn required.
     *
     * @param from the email address notifications are sent from, or null
     * @param replyTo the reply-to address of the email, or null
     * @param sourceArn the ARN of the SES identity that sends the email
     * @param blockEmail the template sent when the sign-in is blocked, or null
     * @param noActionEmail the template sent when no action is taken, or null
     * @param mfaEmail the template sent when MFA is required, or null
     */
    public record NotifyInput(String from, String replyTo, String sourceArn, NotifyEmailInput blockEmail,
                              NotifyEmailInput noActionEmail, NotifyEmailInput mfaEmail) {
    }

    /**
     * NotifyEmailType: Subject required.
     *
     * @param subject the subject of the email
     * @param htmlBody the HTML body of the email
     * @param textBody the plain-text body of the email
     */
    public record NotifyEmailInput(String subject, String htmlBody, String textBody) {
    }

    /**
     * RiskExceptionConfigurationType: at most 200 CIDR blocks per list.
     *
     * @param blockedIpRangeList the CIDR ranges whose sign-ins are always blocked
     * @param skippedIpRangeList the CIDR ranges whose sign-ins are never evaluated
     */
    public record RiskExceptionsInput(List<String> blockedIpRangeList, List<String> skippedIpRangeList) {
        public RiskExceptionsInput {
            blockedIpRangeList = AdminCreateUserCommand.copyOrNull(blockedIpRangeList);
            skippedIpRangeList = AdminCreateUserCommand.copyOrNull(skippedIpRangeList);
        }
    }

    public SetRiskConfigurationCommand {
        RequestValidator.validate()
                .required("UserPoolId", USER_POOL_ID, userPoolId)
                .optional("ClientId", CLIENT_ID, clientId)
                .optionalStructure("CompromisedCredentialsRiskConfiguration", compromisedCredentialsRiskConfiguration,
                        (validator, config) -> validator
                                .optionalEnumList("EventFilter", EVENT_FILTER, config.eventFilter())
                                .requiredStructure("Actions", config.actions(),
                                        (actions, given) -> actions.required("EventAction",
                                                COMPROMISED_CREDENTIALS_EVENT_ACTION, given.eventAction())))
                .optionalStructure("AccountTakeoverRiskConfiguration", accountTakeoverRiskConfiguration,
                        (validator, config) -> validator
                                .optionalStructure("NotifyConfiguration", config.notifyConfiguration(),
                                        SetRiskConfigurationCommand::checkNotify)
                                .requiredStructure("Actions", config.actions(), (actions, given) -> actions
                                        .optionalStructure("LowAction", given.lowAction(),
                                                SetRiskConfigurationCommand::checkLevel)
                                        .optionalStructure("MediumAction", given.mediumAction(),
                                                SetRiskConfigurationCommand::checkLevel)
                                        .optionalStructure("HighAction", given.highAction(),
                                                SetRiskConfigurationCommand::checkLevel)))
                .optionalStructure("RiskExceptionConfiguration", riskExceptionConfiguration,
                        (validator, config) -> validator
                                .optionalList("BlockedIPRangeList", IP_RANGE_LIST_MAX, config.blockedIpRangeList(),
                                        SetRiskConfigurationCommand::isCidrBlock, CIDR_CONSTRAINT)
                                .optionalList("SkippedIPRangeList", IP_RANGE_LIST_MAX, config.skippedIpRangeList(),
                                        SetRiskConfigurationCommand::isCidrBlock, CIDR_CONSTRAINT))
                .throwIfInvalid();
    }

    /** The constraint a malformed IP range breaks, in the validation message's words. */
    public static final String CIDR_CONSTRAINT = "Member must be an IPv4 or IPv6 CIDR block";

    /** The members that matter for resetting: the pool's or a client's configuration. */
    public SetRiskConfigurationCommand(String userPoolId, String clientId) {
        this(userPoolId, clientId, null, null, null);
    }

    private static boolean isCidrBlock(String value) {
        return IpRange.parse(value).isPresent();
    }

    private static void checkNotify(RequestValidator validator, NotifyInput notify) {
        validator.optional("From", STRING, notify.from())
                .optional("ReplyTo", STRING, notify.replyTo())
                .required("SourceArn", ARN, notify.sourceArn())
                .optionalStructure("BlockEmail", notify.blockEmail(), SetRiskConfigurationCommand::checkEmail)
                .optionalStructure("NoActionEmail", notify.noActionEmail(), SetRiskConfigurationCommand::checkEmail)
                .optionalStructure("MfaEmail", notify.mfaEmail(), SetRiskConfigurationCommand::checkEmail);
    }

    private static void checkEmail(RequestValidator validator, NotifyEmailInput email) {
        validator.required("Subject", EMAIL_NOTIFICATION_SUBJECT, email.subject())
                .optional("HtmlBody", EMAIL_NOTIFICATION_BODY, email.htmlBody())
                .optional("TextBody", EMAIL_NOTIFICATION_BODY, email.textBody());
    }

    private static void checkLevel(RequestValidator validator, LevelActionInput level) {
        validator.requiredBoolean("Notify", level.notifies())
                .required("EventAction", ACCOUNT_TAKEOVER_EVENT_ACTION, level.eventAction());
    }

    /** True when the request names no configuration at all: a reset. */
    public boolean isReset() {
        return compromisedCredentialsRiskConfiguration == null && accountTakeoverRiskConfiguration == null
                && riskExceptionConfiguration == null;
    }

    /** The configuration the request describes, for the pool or client it names, as of {@code now}. */
    public RiskConfiguration toConfiguration(Instant now) {
        return new RiskConfiguration(userPoolId, clientId, compromisedCredentials(), accountTakeover(),
                riskExceptions(), now);
    }

    private RiskConfiguration.CompromisedCredentials compromisedCredentials() {
        CompromisedCredentialsInput given = compromisedCredentialsRiskConfiguration;
        if (given == null) {
            return null;
        }
        // "Defaults to all events" (the model)
        List<EventFilter> filter = given.eventFilter() == null || given.eventFilter().isEmpty()
                ? List.of(EventFilter.values())
                : given.eventFilter().stream().distinct()
                        .map(value -> WireEnum.parseValidated(EventFilter.class, value)).toList();
        return new RiskConfiguration.CompromisedCredentials(filter,
                WireEnum.parseValidated(CompromisedCredentialsEventAction.class, given.actions().eventAction()));
    }

    private RiskConfiguration.AccountTakeover accountTakeover() {
        AccountTakeoverInput given = accountTakeoverRiskConfiguration;
        if (given == null) {
            return null;
        }
        NotifyInput notify = given.notifyConfiguration();
        return new RiskConfiguration.AccountTakeover(
                notify == null ? null : new RiskConfiguration.Notify(notify.from(), notify.replyTo(),
                        notify.sourceArn(), email(notify.blockEmail()), email(notify.noActionEmail()),
                        email(notify.mfaEmail())),
                level(given.actions().lowAction()), level(given.actions().mediumAction()),
                level(given.actions().highAction()));
    }

    private static RiskConfiguration.NotifyEmail email(NotifyEmailInput email) {
        return email == null ? null : new RiskConfiguration.NotifyEmail(email.subject(), email.htmlBody(),
                email.textBody());
    }

    private static RiskConfiguration.LevelAction level(LevelActionInput level) {
        return level == null ? null : new RiskConfiguration.LevelAction(level.notifies(),
                WireEnum.parseValidated(AccountTakeoverEventAction.class, level.eventAction()));
    }

    private RiskConfiguration.RiskExceptions riskExceptions() {
        RiskExceptionsInput given = riskExceptionConfiguration;
        if (given == null) {
            return null;
        }
        return new RiskConfiguration.RiskExceptions(
                given.blockedIpRangeList() == null ? List.of() : given.blockedIpRangeList(),
                given.skippedIpRangeList() == null ? List.of() : given.skippedIpRangeList());
    }

    /** The client id is sensitive in the model: keep it out of logs. */
    @Override
    public String toString() {
        return "SetRiskConfigurationCommand[userPoolId=" + userPoolId + ", reset=" + isReset() + "]";
    }
}
