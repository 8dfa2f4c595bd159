package dev.authfeedback.domain.port.out;

import java.util.Objects;

/**
 * The stores a service runs on, which a storage adapter provides together, and whether
 * their calls block on I/O ({@code blocking}): that decides whether an event-loop adapter must call
 * the use cases from worker threads, so it is the stores' own property, not a setting; and whether
 * they can serve calls now ({@code health}).
 */
public record Stores(UserPoolStore userPools, UserStore users, AuthEventStore authEvents,
                     RiskConfigurationStore riskConfigurations, RiskModelStore riskModel,
                     boolean blocking, StoreHealth health) {

    public Stores {
        Objects.requireNonNull(userPools, "userPools");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(authEvents, "authEvents");
        Objects.requireNonNull(riskConfigurations, "riskConfigurations");
        Objects.requireNonNull(riskModel, "riskModel");
        Objects.requireNonNull(health, "health");
    }
}
