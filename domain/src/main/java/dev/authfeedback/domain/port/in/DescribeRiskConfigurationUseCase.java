package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.RiskConfiguration;

/** DescribeRiskConfiguration: the settings that apply to a pool, or to one of its app clients. */
public interface DescribeRiskConfigurationUseCase {
    /** The risk configuration that applies to the pool or the app client (the defaults if none was set). */
    RiskConfiguration describeRiskConfiguration(DescribeRiskConfigurationCommand command);
}
