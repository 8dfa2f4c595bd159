package dev.authfeedback.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A key is its id, its secret and its dates; nobody outside can change the secret it holds. */
class TokenSigningKeyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static byte[] secret(int first) {
        byte[] secret = new byte[32];
        secret[0] = (byte) first;
        return secret;
    }

    @Test
    void keysAreEqualWhenIdAndSecretAre() {
        TokenSigningKey key = new TokenSigningKey("k1", secret(1), T0, null);
        assertThat(key).isEqualTo(new TokenSigningKey("k1", secret(1), T0, null)).hasSameHashCodeAs(new TokenSigningKey("k1", secret(1), T0, null));
        assertThat(key).isNotEqualTo(new TokenSigningKey("k1", secret(2), T0, null));
        assertThat(key).isNotEqualTo(new TokenSigningKey("k2", secret(1), T0, null));
        assertThat(key.hashCode()).isNotEqualTo(new TokenSigningKey("k2", secret(1), T0, null).hashCode());
        assertThat(key).isNotEqualTo(key.retiringAt(T0.plusSeconds(60)));
    }

    @Test
    void aCurrentKeyVerifiesForeverAndARetiredOneUntilItsDate() {
        TokenSigningKey key = new TokenSigningKey("k1", secret(1), T0, null);
        assertThat(key.verifiesAt(T0.plusSeconds(86_400L * 3650))).isTrue();
        TokenSigningKey retired = key.retiringAt(T0.plusSeconds(60));
        assertThat(retired.verifiesAt(T0.plusSeconds(59))).isTrue();
        assertThat(retired.verifiesAt(T0.plusSeconds(60))).isFalse();
        assertThat(retired.secret()).isEqualTo(key.secret());
    }

    @Test
    void theSecretIsCopiedInAndOut() {
        byte[] given = secret(1);
        TokenSigningKey key = new TokenSigningKey("k1", given, T0, null);
        given[0] = 9;
        key.secret()[0] = 9;
        assertThat(key.secret()[0]).isEqualTo((byte) 1);
    }

    @Test
    void aKeyNeedsAtLeast256Bits() {
        assertThatThrownBy(() -> new TokenSigningKey("k1", new byte[31], T0, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
