package dev.authfeedback.domain.port.in;

import static dev.authfeedback.domain.validation.Shapes.RISK_DECISION;
import static dev.authfeedback.domain.validation.Shapes.RISK_LEVEL;

import dev.authfeedback.domain.validation.RequestValidator;

/** EventRiskType as it arrives; every member optional. */
public record EventRiskInput(String riskDecision, String riskLevel, Boolean compromisedCredentialsDetected) {

    static void check(RequestValidator validator, EventRiskInput risk) {
        validator.optional("RiskDecision", RISK_DECISION, risk.riskDecision())
                .optional("RiskLevel", RISK_LEVEL, risk.riskLevel());
    }
}
