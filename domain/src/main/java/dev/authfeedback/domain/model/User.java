package dev.authfeedback.domain.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user of a pool. {@code attributes} keeps the order they were given in, {@code sub} first.
 * {@code signInAliases} are the alias values that resolve to this user, fixed when the user is
 * created (a pool's alias settings cannot change afterwards, as in Cognito).
 *
 * @param poolId the user pool's id
 * @param username the user's username
 * @param sub the user's immutable id
 * @param attributes the user's attributes by name
 * @param enabled whether the user may sign in
 * @param status the user's status
 * @param createDate when the user was created
 * @param lastModifiedDate when the user last changed
 * @param signInAliases the attributes the user may sign in with, and their values
 */
public record User(
        String poolId,
        String username,
        String sub,
        Map<String, String> attributes,
        boolean enabled,
        UserStatus status,
        Instant createDate,
        Instant lastModifiedDate,
        List<AliasKey> signInAliases) {

    public User {
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sub, "sub");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(lastModifiedDate, "lastModifiedDate");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        signInAliases = List.copyOf(signInAliases);
    }

    /** Usernames and attribute values are personal data: keep them out of logs. */
    @Override
    public String toString() {
        return "User[poolId=" + poolId + ", sub=" + sub + "]";
    }
}
