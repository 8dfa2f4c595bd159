package dev.authfeedback.conformance;

import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.Random;
import org.quicktheories.core.Gen;

/** The byte-level generators both fuzz tests share: damaged copies of valid input, and noise. */
final class HostileBytes {

    private HostileBytes() {
    }

    /** {@code bytes} with one to four bytes overwritten, then perhaps cut short, as {@code random} decides. */
    static byte[] damaged(byte[] bytes, Random random) {
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && bytes.length > 0; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return random.nextBoolean() ? bytes : Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
    }

    /** Up to 300 random bytes. */
    static Gen<byte[]> noise() {
        return integers().between(0, Integer.MAX_VALUE).map(seed -> {
            Random random = new Random(seed);
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            return bytes;
        });
    }
}
