package dev.authfeedback.domain.port.out;

/** Makes identifiers and key material. Implementations are thread-safe. */
public interface IdGenerator {

    /** The random part of a user pool id: 9 characters of {@code [0-9a-zA-Z]}. */
    String poolIdSuffix();

    /** A random UUID string, for subs and event ids. */
    String uuid();

    /** A short random identifier for a token signing key, of {@code [A-Za-z0-9]}. */
    String keyId();

    /** 32 bytes of secret key material from a cryptographically strong source. */
    byte[] secretKey();
}
