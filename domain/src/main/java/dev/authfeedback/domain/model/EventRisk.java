package dev.authfeedback.domain.model;

/**
 * The model's EventRiskType; every member may be absent (null).
 *
 * @param riskDecision the risk decision: NoRisk, AccountTakeover or Block
 * @param riskLevel the risk level: Low, Medium or High, or null
 * @param compromisedCredentialsDetected whether the credentials were found compromised, or null
 */
public record EventRisk(RiskDecision riskDecision, RiskLevel riskLevel, Boolean compromisedCredentialsDetected) {
}
