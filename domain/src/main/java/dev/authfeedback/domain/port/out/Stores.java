package dev.authfeedback.domain.port.out;

import java.util.Objects;

/**
 * The stores a service runs on, which a storage adapter provides together, and whether
 * their calls block on I/O ({@code blocking}): that decides whether an event-loop adapter must call
 * the use cases from worker threads, so it is the stores' own property, not a setting; and whether
 * they can serve calls now ({@code health}).
 *
 * @param userPools the user pool store
 * @param users the user store
 * @param authEvents the auth event store
 * @param riskConfigurations the risk configuration store
 * @param riskModel the risk model's store
 * @param tokenSigningKeys the store of the pools' feedback-token signing keys
 * @param notifications the outbox of risk notifications
 * @param blocking whether the stores' calls block on I/O
 * @param health whether the stores can serve calls now
 */
public record Stores(UserPoolStore userPools, UserStore users, AuthEventStore authEvents,
                     RiskConfigurationStore riskConfigurations, RiskModelStore riskModel,
                     TokenSigningKeyStore tokenSigningKeys, NotificationStore notifications, boolean blocking,
                     StoreHealth health) {

    public Stores {
        Objects.requireNonNull(userPools, "userPools");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(authEvents, "authEvents");
        Objects.requireNonNull(riskConfigurations, "riskConfigurations");
        Objects.requireNonNull(riskModel, "riskModel");
        Objects.requireNonNull(tokenSigningKeys, "tokenSigningKeys");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(health, "health");
    }
}
