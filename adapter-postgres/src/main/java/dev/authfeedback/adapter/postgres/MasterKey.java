package dev.authfeedback.adapter.postgres;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that encrypts the pools' token signing keys at rest (AES-256-GCM, a fresh 96-bit nonce
 * per key): 32 random bytes, given in base64 ({@code openssl rand -base64 32}). Its id, the start of
 * its SHA-256, is stored with each encrypted key, so that a server given another master key says so
 * rather than failing on every token.
 */
public final class MasterKey {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String id;

    private MasterKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = fingerprint(bytes);
    }

    /**
     * The master key written in base64 (surrounding white space ignored); IllegalArgumentException
     * unless it is base64 of exactly 32 bytes. The message never shows the value.
     */
    public static MasterKey fromBase64(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("a master key is 32 random bytes in base64 (openssl rand -base64 32); "
                    + "this one is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("a master key is 32 random bytes in base64 (openssl rand -base64 32); "
                    + "this one is " + bytes.length + " bytes");
        }
        return new MasterKey(bytes);
    }

    /** A short public name of the key (16 hex digits of its SHA-256): safe to log and to store. */
    public String id() {
        return id;
    }

    /** {@code plaintext} encrypted and authenticated together with {@code context}: nonce, then ciphertext and tag. */
    byte[] seal(byte[] plaintext, byte[] context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refused AES-GCM", e);
        }
    }

    /** The plaintext of what {@link #seal} made with the same context; IllegalStateException if it was altered. */
    byte[] open(byte[] sealed, byte[] context) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("an encrypted token signing key is too short to be one");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(context);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException altered) {
            throw new IllegalStateException("an encrypted token signing key does not decrypt with master key " + id
                    + ": it was altered or moved to another row", altered);
        }
    }

    private static String fingerprint(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Never the key itself: settings end up in logs. */
    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }
}
