package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.model.RiskConfiguration;

/** SetRiskConfiguration: a pool's or an app client's threat-protection settings; answers what now applies. */
public interface SetRiskConfigurationUseCase {
    /** Sets (or with no parts, resets) the pool's or an app client's risk configuration; answers it. */
    RiskConfiguration setRiskConfiguration(SetRiskConfigurationCommand command);
}
