package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.RiskConfiguration;

/** SetRiskConfiguration: a pool's or an app client's threat-protection settings; answers what now applies. */
public interface SetRiskConfigurationUseCase {
    RiskConfiguration setRiskConfiguration(SetRiskConfigurationCommand command);
}
