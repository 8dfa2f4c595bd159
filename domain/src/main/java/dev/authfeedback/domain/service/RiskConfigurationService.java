package dev.authfeedback.domain.service;

import dev.authfeedback.domain.model.RiskConfiguration;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.DescribeRiskConfigurationCommand;
import dev.authfeedback.domain.port.in.DescribeRiskConfigurationUseCase;
import dev.authfeedback.domain.port.in.Operation;
import dev.authfeedback.domain.port.in.SetRiskConfigurationCommand;
import dev.authfeedback.domain.port.in.SetRiskConfigurationUseCase;
import dev.authfeedback.domain.port.out.RiskConfigurationStore;
import java.time.Clock;

/**
 * A pool's threat-protection settings and its app clients' overrides. A client's own configuration
 * replaces the pool's whole; a client without one has the pool's, and a pool never configured has
 * {@link RiskConfiguration#defaults}. Setting needs no add-on: a pool can be configured before
 * threat protection is turned on.
 */
final class RiskConfigurationService implements SetRiskConfigurationUseCase, DescribeRiskConfigurationUseCase {

    private final PoolAccess poolAccess;
    private final RiskConfigurationStore configurations;
    private final Clock clock;

    RiskConfigurationService(PoolAccess poolAccess, RiskConfigurationStore configurations, Clock clock) {
        this.poolAccess = poolAccess;
        this.configurations = configurations;
        this.clock = clock;
    }

    @Override
    public RiskConfiguration setRiskConfiguration(SetRiskConfigurationCommand command) {
        try {
            UserPool pool = poolAccess.pool(command.userPoolId(), Operation.SET_RISK_CONFIGURATION);
            if (command.isReset()) {
                configurations.remove(pool.id(), command.clientId());
                return effective(pool.id(), command.clientId());
            }
            RiskConfiguration configuration = command.toConfiguration(clock.instant());
            if (!configurations.put(configuration)) {
                throw PoolAccess.poolNotFound(pool.id());
            }
            return configuration;
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
    }

    @Override
    public RiskConfiguration describeRiskConfiguration(DescribeRiskConfigurationCommand command) {
        try {
            String poolId = poolAccess.pool(command.userPoolId(), Operation.DESCRIBE_RISK_CONFIGURATION).id();
            return effective(poolId, command.clientId());
        } catch (RuntimeException failure) {
            throw Guarded.answer(failure);
        }
    }

    /** What applies to the client (its own, else the pool's), or to the pool (its own, else the defaults). */
    RiskConfiguration effective(String poolId, String clientId) {
        if (clientId != null) {
            var own = configurations.find(poolId, clientId);
            if (own.isPresent()) {
                return own.get();
            }
        }
        return configurations.find(poolId, null).orElseGet(() -> RiskConfiguration.defaults(poolId));
    }
}
