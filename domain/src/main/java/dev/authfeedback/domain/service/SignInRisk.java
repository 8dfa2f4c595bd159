package dev.authfeedback.domain.service;

import dev.authfeedback.domain.model.AccountTakeoverEventAction;
import dev.authfeedback.domain.model.AdvancedSecurityMode;
import dev.authfeedback.domain.model.CompromisedCredentialsEventAction;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.EventFilter;
import dev.authfeedback.domain.model.EventResponse;
import dev.authfeedback.domain.model.EventRisk;
import dev.authfeedback.domain.model.EventType;
import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.model.RiskDecision;
import dev.authfeedback.domain.model.RiskLevel;
import dev.authfeedback.domain.model.RiskReason;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.RecordAuthEventCommand;
import dev.authfeedback.domain.port.out.RiskModelStore;
import dev.authfeedback.domain.risk.ContextFeatures;
import dev.authfeedback.domain.risk.RiskEvaluator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a recorded event's risk is and what the sign-in flow is to do, in the contract's order:
 * an EventRisk with a decision or level from the caller is kept as given; otherwise the IP lists
 * (always allow, then always block), compromised credentials, then the account-takeover level from
 * the {@link RiskEvaluator}, and the action the effective risk configuration sets for it. In AUDIT
 * mode everything is recorded and nothing acts.
 */
final class SignInRisk {

    /**
     * The event's risk, response and reasons as stored, the action that applies (null in AUDIT), and
     * the notification settings when the user is to be told (ENFORCED, and the level's action
     * notifies), else null.
     */
    record Outcome(EventRisk risk, EventResponse response, List<RiskReason> reasons,
                   AccountTakeoverEventAction action, RiskConfiguration.AccountTakeover notifying) {

        Outcome(EventRisk risk, EventResponse response, List<RiskReason> reasons, AccountTakeoverEventAction action) {
            this(risk, response, reasons, action, null);
        }
    }

    private final RiskConfigurationService configurations;
    private final RiskModelStore model;

    SignInRisk(RiskConfigurationService configurations, RiskModelStore model) {
        this.configurations = configurations;
        this.model = model;
    }

    Outcome evaluate(UserPool pool, String userSub, RecordAuthEventCommand command) {
        EventRisk given = command.parsedEventRisk();
        EventResponse response = command.parsedEventResponse();
        EventContextData context = command.eventContextData();
        Boolean compromised = given == null ? null : given.compromisedCredentialsDetected();
        boolean verdictGiven = given != null && (given.riskDecision() != null || given.riskLevel() != null);
        if (verdictGiven || (context == null && compromised == null)) {
            return new Outcome(given, response, List.of(), null);
        }
        RiskConfiguration configuration = configurations.effective(pool.id(), command.clientId());
        boolean enforced = pool.advancedSecurityMode() == AdvancedSecurityMode.ENFORCED;
        // parsed once: the IP lists and the evaluator read the same features
        ContextFeatures features = ContextFeatures.of(context);
        byte[] address = features.address();
        RiskConfiguration.RiskExceptions exceptions = configuration.riskExceptions();
        if (address != null && exceptions != null) {
            if (exceptions.skips(address)) {
                return new Outcome(new EventRisk(RiskDecision.NO_RISK, null, compromised), response,
                        List.of(RiskReason.SKIPPED_IP_RANGE), enforced ? AccountTakeoverEventAction.NO_ACTION : null);
            }
            if (exceptions.blocks(address)) {
                return enforced
                        ? new Outcome(new EventRisk(RiskDecision.BLOCK, null, compromised), EventResponse.FAIL,
                                List.of(RiskReason.BLOCKED_IP_RANGE), AccountTakeoverEventAction.BLOCK)
                        : new Outcome(new EventRisk(RiskDecision.NO_RISK, null, compromised), response,
                                List.of(RiskReason.BLOCKED_IP_RANGE), null);
            }
        }
        Set<RiskReason> reasons = EnumSet.noneOf(RiskReason.class);
        RiskLevel level = null;
        if (context != null) {
            RiskEvaluator.Assessment assessment = RiskEvaluator.assess(model.profile(pool.id(), userSub),
                    model.statistics(pool.id(), features), features);
            level = assessment.level();
            reasons.addAll(assessment.reasons());
        }
        RiskConfiguration.LevelAction configured = levelAction(configuration, level);
        AccountTakeoverEventAction action = configured == null ? AccountTakeoverEventAction.NO_ACTION
                : configured.eventAction();
        if (Boolean.TRUE.equals(compromised) && compromisedCredentialsApply(configuration, command.parsedEventType())) {
            reasons.add(RiskReason.COMPROMISED_CREDENTIALS);
            if (configuration.compromisedCredentials().eventAction() == CompromisedCredentialsEventAction.BLOCK) {
                action = AccountTakeoverEventAction.BLOCK;
            }
        }
        List<RiskReason> reasonList = List.copyOf(reasons);
        if (!enforced) {
            return new Outcome(new EventRisk(RiskDecision.NO_RISK, level, compromised), response, reasonList, null);
        }
        RiskConfiguration.AccountTakeover notify = configured != null && configured.notifies()
                ? configuration.accountTakeover() : null;
        return switch (action) {
            case BLOCK -> new Outcome(new EventRisk(RiskDecision.BLOCK, level, compromised), EventResponse.FAIL,
                    reasonList, action, notify);
            case MFA_IF_CONFIGURED, MFA_REQUIRED -> new Outcome(
                    new EventRisk(RiskDecision.ACCOUNT_TAKEOVER, level, compromised), EventResponse.IN_PROGRESS,
                    reasonList, action, notify);
            case NO_ACTION -> new Outcome(new EventRisk(RiskDecision.NO_RISK, level, compromised), response,
                    reasonList, action, notify);
        };
    }

    /** The configured action of the level; null for no risk or a level with none configured. */
    private static RiskConfiguration.LevelAction levelAction(RiskConfiguration configuration, RiskLevel level) {
        RiskConfiguration.AccountTakeover takeover = configuration.accountTakeover();
        if (level == null || takeover == null) {
            return null;
        }
        return switch (level) {
            case LOW -> takeover.lowAction();
            case MEDIUM -> takeover.mediumAction();
            case HIGH -> takeover.highAction();
        };
    }

    /** Whether the configuration watches this type of event for compromised credentials (empty filter: all). */
    private static boolean compromisedCredentialsApply(RiskConfiguration configuration, EventType type) {
        RiskConfiguration.CompromisedCredentials compromised = configuration.compromisedCredentials();
        EventFilter filter = switch (type) {
            case SIGN_IN -> EventFilter.SIGN_IN;
            case SIGN_UP -> EventFilter.SIGN_UP;
            case PASSWORD_CHANGE -> EventFilter.PASSWORD_CHANGE;
            default -> null;
        };
        return compromised != null && filter != null
                && (compromised.eventFilter().isEmpty() || compromised.eventFilter().contains(filter));
    }
}
