package dev.authfeedback.domain.model;

import dev.authfeedback.domain.risk.IpRanges;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A pool's (or one app client's) threat-protection settings, the model's RiskConfigurationType:
 * what compromised credentials do, what each account-takeover risk level does and whether it
 * notifies, and the IP ranges that are always blocked or never evaluated. Absent parts are null.
 * {@code clientId} is null for the pool's own configuration; {@code lastModifiedDate} is null for
 * the defaults of a pool never configured.
 *
 * @param userPoolId the user pool's id (UserPoolIdType)
 * @param clientId an app client id whose own configuration applies, or null for the pool's (ClientIdType)
 * @param compromisedCredentials what to do about compromised credentials
 * @param accountTakeover what to do about risky sign-ins
 * @param riskExceptions the IP ranges always blocked or never evaluated, or null
 * @param lastModifiedDate when the configuration was last set
 */
public record RiskConfiguration(
        String userPoolId,
        String clientId,
        CompromisedCredentials compromisedCredentials,
        AccountTakeover accountTakeover,
        RiskExceptions riskExceptions,
        Instant lastModifiedDate) {

    public RiskConfiguration {
        Objects.requireNonNull(userPoolId, "userPoolId");
    }

    /**
     * What applies to a pool never configured, or reset: compromised credentials are blocked on
     * every event; low risk passes, medium risk asks for MFA where the user has it, high risk is
     * blocked; nobody is notified; no IP range is listed.
     */
    public static RiskConfiguration defaults(String userPoolId) {
        return new RiskConfiguration(userPoolId, null,
                new CompromisedCredentials(List.of(EventFilter.values()), CompromisedCredentialsEventAction.BLOCK),
                new AccountTakeover(null,
                        new LevelAction(false, AccountTakeoverEventAction.NO_ACTION),
                        new LevelAction(false, AccountTakeoverEventAction.MFA_IF_CONFIGURED),
                        new LevelAction(false, AccountTakeoverEventAction.BLOCK)),
                null, null);
    }

    /**
     * The model's CompromisedCredentialsRiskConfigurationType; an empty filter means every event.
     *
     * @param eventFilter the events checked for compromised credentials: SIGN_IN, PASSWORD_CHANGE, SIGN_UP
     * @param eventAction what is done about the event
     */
    public record CompromisedCredentials(List<EventFilter> eventFilter, CompromisedCredentialsEventAction eventAction) {
        public CompromisedCredentials {
            eventFilter = List.copyOf(eventFilter);
            Objects.requireNonNull(eventAction, "eventAction");
        }
    }

    /**
     * The model's AccountTakeoverRiskConfigurationType: the action per level (null: none configured).
     *
     * @param notifyConfiguration the notification emails' sender and templates, or null
     * @param lowAction the action for low risk
     * @param mediumAction the action for medium risk
     * @param highAction the action for high risk
     */
    public record AccountTakeover(Notify notifyConfiguration, LevelAction lowAction, LevelAction mediumAction,
                                  LevelAction highAction) {
    }

    /**
     * The model's AccountTakeoverActionType: {@code notifies} is its Notify member.
     *
     * @param notifies whether the user is sent a notification email
     * @param eventAction what is done about the event
     */
    public record LevelAction(boolean notifies, AccountTakeoverEventAction eventAction) {
        public LevelAction {
            Objects.requireNonNull(eventAction, "eventAction");
        }
    }

    /**
     * The model's NotifyConfigurationType.
     *
     * @param from the email address notifications are sent from, or null
     * @param replyTo the reply-to address of the email, or null
     * @param sourceArn the ARN of the SES identity that sends the email
     * @param blockEmail the template sent when the sign-in is blocked, or null
     * @param noActionEmail the template sent when no action is taken, or null
     * @param mfaEmail the template sent when MFA is required, or null
     */
    public record Notify(String from, String replyTo, String sourceArn, NotifyEmail blockEmail,
                         NotifyEmail noActionEmail, NotifyEmail mfaEmail) {
        public Notify {
            Objects.requireNonNull(sourceArn, "sourceArn");
        }
    }

    /**
     * The model's NotifyEmailType.
     *
     * @param subject the subject of the email
     * @param htmlBody the HTML body of the email
     * @param textBody the plain-text body of the email
     */
    public record NotifyEmail(String subject, String htmlBody, String textBody) {
        public NotifyEmail {
            Objects.requireNonNull(subject, "subject");
        }
    }

    /**
     * The model's RiskExceptionConfigurationType: CIDR blocks, as given, parsed once here so that
     * an event is checked against them without parsing them again.
     */
    public static final class RiskExceptions {
        private final List<String> blockedIpRanges;
        private final List<String> skippedIpRanges;
        private final IpRanges blocked;
        private final IpRanges skipped;

        /** The two lists of CIDR ranges; null lists are empty. */
        public RiskExceptions(List<String> blockedIpRanges, List<String> skippedIpRanges) {
            this.blockedIpRanges = List.copyOf(blockedIpRanges);
            this.skippedIpRanges = List.copyOf(skippedIpRanges);
            this.blocked = IpRanges.of(this.blockedIpRanges);
            this.skipped = IpRanges.of(this.skippedIpRanges);
        }

        /** The CIDR ranges whose sign-ins are always blocked. */
        public List<String> blockedIpRanges() {
            return blockedIpRanges;
        }

        /** The CIDR ranges whose sign-ins are never evaluated. */
        public List<String> skippedIpRanges() {
            return skippedIpRanges;
        }

        /** True when the address (bytes of an IPv4 or IPv6 address) is in the always-block list. */
        public boolean blocks(byte[] address) {
            return blocked.contains(address);
        }

        /** True when the address is in the always-allow list: no risk detection for it. */
        public boolean skips(byte[] address) {
            return skipped.contains(address);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RiskExceptions exceptions && blockedIpRanges.equals(exceptions.blockedIpRanges)
                    && skippedIpRanges.equals(exceptions.skippedIpRanges);
        }

        @Override
        public int hashCode() {
            return Objects.hash(blockedIpRanges, skippedIpRanges);
        }

        @Override
        public String toString() {
            return "RiskExceptions[blockedIpRanges=" + blockedIpRanges + ", skippedIpRanges=" + skippedIpRanges + "]";
        }
    }
}
