package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.RISK_DECISION;
import static dev.authfeedback.domain.validation.Shapes.RISK_LEVEL;

import dev.authfeedback.domain.validation.RequestValidator;

/**
 * EventRiskType as it arrives; every member optional.
 *
 * @param riskDecision the risk decision: NoRisk, AccountTakeover or Block
 * @param riskLevel the risk level: Low, Medium or High, or null
 * @param compromisedCredentialsDetected whether the credentials were found compromised, or null
 */
public record EventRiskInput(String riskDecision, String riskLevel, Boolean compromisedCredentialsDetected) {

    static void check(RequestValidator validator, EventRiskInput risk) {
        validator.optional("RiskDecision", RISK_DECISION, risk.riskDecision())
                .optional("RiskLevel", RISK_LEVEL, risk.riskLevel());
    }
}
