package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.RiskConfiguration;

/** DescribeRiskConfiguration: the settings that apply to a pool, or to one of its app clients. */
public interface DescribeRiskConfigurationUseCase {
    RiskConfiguration describeRiskConfiguration(DescribeRiskConfigurationCommand command);
}
