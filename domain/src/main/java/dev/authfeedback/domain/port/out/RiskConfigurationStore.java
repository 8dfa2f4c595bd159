package dev.authfeedback.domain.port.out;

import dev.authfeedback.domain.model.RiskConfiguration;
import java.util.Optional;

/**
 * Where risk configurations live: at most one per pool ({@code clientId} null) and one per app
 * client of a pool. They go when their pool goes ({@link UserPoolStore#delete}). Thread-safe.
 */
public interface RiskConfigurationStore {

    /** The configuration stored for the pool ({@code clientId} null) or for that client of it. */
    Optional<RiskConfiguration> find(String poolId, String clientId);

    /** Stores {@code configuration}, replacing the one of the same pool and client; false if the pool is gone. */
    boolean put(RiskConfiguration configuration);

    /** Removes the configuration of the pool ({@code clientId} null) or client, if there is one. */
    void remove(String poolId, String clientId);
}
