package dev.authfeedback.domain.port.out;

import java.util.Objects;

/** The three stores a service runs on, which a storage adapter provides together. */
public record Stores(UserPoolStore userPools, UserStore users, AuthEventStore authEvents) {

    public Stores {
        Objects.requireNonNull(userPools, "userPools");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(authEvents, "authEvents");
    }
}
