package dev.authfeedback.domain.service;

import dev.authfeedback.domain.port.out.IdGenerator;
import java.security.SecureRandom;
import java.util.UUID;

/** The default {@link IdGenerator}: everything from one {@link SecureRandom}. */
public final class SecureRandomIdGenerator implements IdGenerator {

    private static final char[] ALPHANUMERIC =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    private final SecureRandom random = new SecureRandom();

    @Override
    public String poolIdSuffix() {
        return alphanumeric(9);
    }

    @Override
    public String uuid() {
        return UUID.randomUUID().toString();
    }

    @Override
    public String keyId() {
        return alphanumeric(12);
    }

    @Override
    public byte[] secretKey() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    private String alphanumeric(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return new String(chars);
    }
}
