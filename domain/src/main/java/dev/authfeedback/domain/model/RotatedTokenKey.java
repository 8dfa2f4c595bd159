package dev.authfeedback.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer to a rotation: the id of the pool's new current key (never the key itself), and when
 * the key it replaced stops verifying (when every token it signed has expired).
 *
 * @param keyId the new current key's id, as tokens carry it
 * @param previousKeyRetiresAt when the replaced key stops verifying tokens
 */
public record RotatedTokenKey(String keyId, Instant previousKeyRetiresAt) {

    public RotatedTokenKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(previousKeyRetiresAt, "previousKeyRetiresAt");
    }
}
