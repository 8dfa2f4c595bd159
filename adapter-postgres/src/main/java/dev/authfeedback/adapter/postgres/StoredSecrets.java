package dev.authfeedback.adapter.postgres;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a token signing key's secret is written in {@code token_signing_keys.secret}: with a master
 * key, {@code aes-gcm:<master key id>:<base64 of nonce, ciphertext and tag>}, bound to its pool and
 * key id (a secret copied to another row does not decrypt); without one, {@code plain:<base64>}.
 */
final class StoredSecrets {

    private static final String PLAIN = "plain:";
    private static final String SEALED = "aes-gcm:";

    private final MasterKey masterKey;

    /** {@code masterKey}: null to store secrets unencrypted. */
    StoredSecrets(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    String write(String poolId, String keyId, byte[] secret) {
        if (masterKey == null) {
            return PLAIN + Base64.getEncoder().encodeToString(secret);
        }
        return SEALED + masterKey.id() + ':'
                + Base64.getEncoder().encodeToString(masterKey.seal(secret, context(poolId, keyId)));
    }

    /** The secret; IllegalStateException when this server cannot read it (see {@link #requireReadable}). */
    byte[] read(String poolId, String keyId, String stored) {
        requireReadable(stored);
        if (stored.startsWith(PLAIN)) {
            return Base64.getDecoder().decode(stored.substring(PLAIN.length()));
        }
        String sealed = stored.substring(stored.indexOf(':', SEALED.length()) + 1);
        return masterKey.open(Base64.getDecoder().decode(sealed), context(poolId, keyId));
    }

    /** Whether a stored secret should be encrypted now: it is plain and this server has a master key. */
    boolean shouldSeal(String stored) {
        return masterKey != null && stored.startsWith(PLAIN);
    }

    /** IllegalStateException, saying which master key is needed, unless this server can read the stored secret. */
    void requireReadable(String stored) {
        if (stored.startsWith(PLAIN)) {
            return;
        }
        int idEnd = stored.indexOf(':', SEALED.length());
        if (!stored.startsWith(SEALED) || idEnd < 0) {
            throw new IllegalStateException("a token signing key is stored in a form this version does not know");
        }
        String neededId = stored.substring(SEALED.length(), idEnd);
        if (masterKey == null || !masterKey.id().equals(neededId)) {
            throw new IllegalStateException("the token signing keys are encrypted with master key " + neededId
                    + ", and this server has " + (masterKey == null ? "no master key" : "master key " + masterKey.id()));
        }
    }

    private static byte[] context(String poolId, String keyId) {
        return ("authfeedback token signing key\n" + poolId + '\n' + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
