package dev.authfeedback.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A key is its id and its secret; nobody outside can change the secret it holds. */
class TokenSigningKeyTest {

    private static byte[] secret(int first) {
        byte[] secret = new byte[32];
        secret[0] = (byte) first;
        return secret;
    }

    @Test
    void keysAreEqualWhenIdAndSecretAre() {
        TokenSigningKey key = new TokenSigningKey("k1", secret(1));
        assertThat(key).isEqualTo(new TokenSigningKey("k1", secret(1))).hasSameHashCodeAs(new TokenSigningKey("k1", secret(1)));
        assertThat(key).isNotEqualTo(new TokenSigningKey("k1", secret(2)));
        assertThat(key).isNotEqualTo(new TokenSigningKey("k2", secret(1)));
        assertThat(key.hashCode()).isNotEqualTo(new TokenSigningKey("k2", secret(1)).hashCode());
    }

    @Test
    void theSecretIsCopiedInAndOut() {
        byte[] given = secret(1);
        TokenSigningKey key = new TokenSigningKey("k1", given);
        given[0] = 9;
        key.secret()[0] = 9;
        assertThat(key.secret()[0]).isEqualTo((byte) 1);
    }

    @Test
    void aKeyNeedsAtLeast256Bits() {
        assertThatThrownBy(() -> new TokenSigningKey("k1", new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
