package dev.authfeedback.domain.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One of a pool's HMAC-SHA256 keys for feedback tokens. The key id travels in the token so that a
 * pool can hold several keys (rotation) and verify with the one that signed.
 *
 * @param keyId the key's id, carried in the tokens it signs
 * @param secret the key's bytes
 */
public record TokenSigningKey(String keyId, byte[] secret) {

    public TokenSigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 32) {
            throw new IllegalArgumentException("a token signing key needs at least 256 bits");
        }
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenSigningKey key
                && keyId.equals(key.keyId) && Arrays.equals(secret, key.secret);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    /** Never prints the secret: records end up in logs. */
    @Override
    public String toString() {
        return "TokenSigningKey[keyId=" + keyId + ", secret=(redacted)]";
    }
}
