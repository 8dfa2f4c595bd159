package dev.authfeedback.domain.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One of a pool's HMAC-SHA256 keys for feedback tokens, kept apart from the pool so that no view of
 * a pool can carry it. The key id travels in the token so that a pool can hold several keys
 * (rotation) and verify with the one that signed: the newest signs; one that was replaced verifies
 * the tokens it signed until {@code retiresAt}, when they have all expired, and is then dropped.
 *
 * @param keyId the key's id, carried in the tokens it signs
 * @param secret the key's bytes (at least 256 bits)
 * @param createdAt when the key was made
 * @param retiresAt when the key stops verifying, or null while it is the pool's current key
 */
public record TokenSigningKey(String keyId, byte[] secret, Instant createdAt, Instant retiresAt) {

    public TokenSigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        if (secret.length < 32) {
            throw new IllegalArgumentException("a token signing key needs at least 256 bits");
        }
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** Whether the key still verifies tokens at {@code now}. */
    public boolean verifiesAt(Instant now) {
        return retiresAt == null || now.isBefore(retiresAt);
    }

    /** This key, retired: it verifies until {@code at}. */
    public TokenSigningKey retiringAt(Instant at) {
        return new TokenSigningKey(keyId, secret, createdAt, at);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenSigningKey key && keyId.equals(key.keyId) && Arrays.equals(secret, key.secret)
                && createdAt.equals(key.createdAt) && Objects.equals(retiresAt, key.retiresAt);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    /** Never prints the secret: records end up in logs. */
    @Override
    public String toString() {
        return "TokenSigningKey[keyId=" + keyId + ", secret=(redacted), createdAt=" + createdAt
                + ", retiresAt=" + retiresAt + "]";
    }
}
