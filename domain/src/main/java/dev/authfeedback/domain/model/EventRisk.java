package dev.authfeedback.domain.model;

/** The model's EventRiskType; every member may be absent (null). */
public record EventRisk(RiskDecision riskDecision, RiskLevel riskLevel, Boolean compromisedCredentialsDetected) {
}
