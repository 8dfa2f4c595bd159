package dev.authfeedback.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ids have the shapes the contract gives them, and keys are random, never a constant. */
class SecureRandomIdGeneratorTest {

    private final SecureRandomIdGenerator ids = new SecureRandomIdGenerator();

    @Test
    void idsHaveTheirShapes() {
        assertThat(ids.poolIdSuffix()).matches("[0-9a-zA-Z]{9}");
        assertThat(ids.keyId()).matches("[0-9a-zA-Z]{12}");
        assertThat(ids.uuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void keysAre32RandomBytesAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            byte[] key = ids.secretKey();
            assertThat(key).hasSize(32);
            assertThat(seen.add(java.util.HexFormat.of().formatHex(key))).isTrue();
            assertThat(seen.add(ids.keyId())).isTrue();
        }
    }
}
