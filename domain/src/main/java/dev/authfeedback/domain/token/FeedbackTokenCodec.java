package dev.authfeedback.domain.token;

import dev.authfeedback.domain.model.TokenSigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Feedback tokens: {@code v1.<keyId>.<payload>.<mac>}, where the payload is the base64url of pool id,
 * user sub, event id and expiry (epoch seconds), and the mac is HMAC-SHA256 with the pool's key over
 * everything before it. Every character of the token is covered by the MAC or checked literally,
 * so changing any one of them makes verification fail. The alphabet fits the model's TokenModelType.
 */
public final class FeedbackTokenCodec {

    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(FeedbackTokenCodec::newMac);

    private FeedbackTokenCodec() {
    }

    /** A token for the event of the pool's user, signed with {@code key}, valid until {@code expiresAt}. */
    public static String issue(String poolId, TokenSigningKey key, String userSub, String eventId, Instant expiresAt) {
        String payload = poolId + '\n' + userSub + '\n' + eventId + '\n' + expiresAt.getEpochSecond();
        String signed = VERSION + '.' + key.keyId() + '.'
                + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signed + '.' + ENCODER.encodeToString(mac(key, signed));
    }

    /** Why a token was refused: for the operator's log, never for the caller. */
    public enum Refusal {
        MALFORMED("not a feedback token"),
        UNKNOWN_KEY("signed with a key the pool does not have"),
        RETIRED_KEY("signed with a key retired since"),
        FORGED("its signature does not match"),
        FOREIGN_POOL("issued for another pool"),
        OTHER_EVENT("issued for another event"),
        EXPIRED("expired"),
        OTHER_USER("issued to another user");

        private final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }

        /** Why the token was refused, for the operator's log (never for the caller). */
        public String reason() {
            return reason;
        }
    }

    /**
     * The outcome of {@link #verify}: the user's sub if the token holds, else why not.
     *
     * @param userSub the sub of the user the token was issued to, or null when it was refused
     * @param refusal why the token was refused, or null when it was accepted
     */
    public record Verification(String userSub, Refusal refusal) {
        static Verification refused(Refusal refusal) {
            return new Verification(null, refusal);
        }
    }

    /**
     * The sub of the user the token was issued to, if the token is well-formed, MAC'd with the
     * pool's key of its key id ({@code keysById} answers null for an id the pool does not have) while
     * that key still verifies, not expired at {@code now}, and names this pool and {@code eventId};
     * else the refusal. Callers answer every refusal alike, so that a caller cannot tell them apart.
     */
    public static Verification verify(String poolId, Function<String, TokenSigningKey> keysById, String token,
                                      String eventId, Instant now) {
        // exactly three dots: v1 . keyId . payload . mac
        int keyDot = token.indexOf('.');
        int payloadDot = keyDot < 0 ? -1 : token.indexOf('.', keyDot + 1);
        int macDot = payloadDot < 0 ? -1 : token.indexOf('.', payloadDot + 1);
        if (macDot < 0 || token.indexOf('.', macDot + 1) >= 0
                || keyDot != VERSION.length() || !token.startsWith(VERSION)) {
            return Verification.refused(Refusal.MALFORMED);
        }
        TokenSigningKey key = keysById.apply(token.substring(keyDot + 1, payloadDot));
        if (key == null) {
            return Verification.refused(Refusal.UNKNOWN_KEY);
        }
        if (!key.verifiesAt(now)) {
            return Verification.refused(Refusal.RETIRED_KEY);
        }
        String signed = token.substring(0, macDot);
        byte[] expectedMac = ENCODER.encode(mac(key, signed));
        byte[] givenMac = token.substring(macDot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expectedMac, givenMac)) {
            return Verification.refused(Refusal.FORGED);
        }
        String[] claims;
        try {
            claims = new String(DECODER.decode(token.substring(payloadDot + 1, macDot)), StandardCharsets.UTF_8)
                    .split("\n", -1);
        } catch (IllegalArgumentException notBase64) {
            return Verification.refused(Refusal.MALFORMED);
        }
        if (claims.length != 4) {
            return Verification.refused(Refusal.MALFORMED);
        }
        if (!claims[0].equals(poolId)) {
            return Verification.refused(Refusal.FOREIGN_POOL);
        }
        if (!claims[2].equals(eventId)) {
            return Verification.refused(Refusal.OTHER_EVENT);
        }
        try {
            if (!now.isBefore(Instant.ofEpochSecond(Long.parseLong(claims[3])))) {
                return Verification.refused(Refusal.EXPIRED);
            }
        } catch (NumberFormatException notANumber) {
            return Verification.refused(Refusal.MALFORMED);
        }
        return new Verification(claims[1], null);
    }

    private static byte[] mac(TokenSigningKey key, String signed) {
        Mac mac = MACS.get();
        try {
            mac.init(new SecretKeySpec(key.secret(), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 rejected a 256-bit key", e);
        }
        return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HMAC-SHA256", e);
        }
    }
}
