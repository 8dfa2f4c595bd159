package dev.authfeedback.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.authfeedback.domain.model.TokenSigningKey;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Issue/verify round trips for arbitrary pools, users and events; any change to a token is rejected. */
class FeedbackTokenPropertiesTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=.";
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    /** A pool's id and its keys, the current one last. */
    private record Pool(String id, List<TokenSigningKey> keys) {
        TokenSigningKey current() {
            return keys.get(keys.size() - 1);
        }

        TokenSigningKey byId(String keyId) {
            return keys.stream().filter(key -> key.keyId().equals(keyId)).findFirst().orElse(null);
        }
    }

    /** A pool, a user and an event, all drawn from one seed so that failures shrink to a seed. */
    private record Case(Pool pool, String sub, String eventId, Instant expiry) {
    }

    private static String issue(Pool pool, String sub, String eventId, Instant expiry) {
        return FeedbackTokenCodec.issue(pool.id(), pool.current(), sub, eventId, expiry);
    }

    private static FeedbackTokenCodec.Verification verify(Pool pool, String token, String eventId, Instant now) {
        return FeedbackTokenCodec.verify(pool.id(), pool::byId, token, eventId, now);
    }

    private static final Gen<Case> CASES = longs().all().map(seed -> {
        Random random = new Random(seed);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String poolId = "us-east-1_" + Long.toString(Math.abs(random.nextLong()) % 1_000_000_000L, 36);
        Pool pool = new Pool(poolId, List.of(new TokenSigningKey("k" + random.nextInt(1000), secret, NOW, null)));
        String eventId = random.nextBoolean() ? uuid(random)
                : "evt+" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36);
        return new Case(pool, uuid(random), eventId,
                NOW.plusSeconds(1 + random.nextInt(30 * 24 * 3600)));
    });

    /** A version-4 UUID from the case's own random source, so that the seed alone reproduces a case. */
    private static String uuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~0xC000000000000000L) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    @Test
    void anIssuedTokenVerifiesToItsUserUntilItExpires() {
        qt().forAll(CASES).checkAssert(c -> {
            String token = issue(c.pool(), c.sub(), c.eventId(), c.expiry());
            assertThat(token).matches("[A-Za-z0-9-_=.]+");
            assertThat(verify(c.pool(), token, c.eventId(), NOW))
                    .isEqualTo(new FeedbackTokenCodec.Verification(c.sub(), null));
            assertThat(verify(c.pool(), token, c.eventId(), c.expiry().minusMillis(1)).userSub())
                    .isEqualTo(c.sub());
            assertThat(verify(c.pool(), token, c.eventId(), c.expiry()))
                    .isEqualTo(new FeedbackTokenCodec.Verification(null, FeedbackTokenCodec.Refusal.EXPIRED));
            assertThat(verify(c.pool(), token, c.eventId() + "x", NOW))
                    .isEqualTo(new FeedbackTokenCodec.Verification(null, FeedbackTokenCodec.Refusal.OTHER_EVENT));
        });
    }

    @Test
    void changingAnyOneCharacterOfATokenIsRejected() {
        qt().forAll(CASES, integers().between(0, Integer.MAX_VALUE), integers().between(1, ALPHABET.length() - 1))
                .checkAssert((c, positionSeed, shift) -> {
                    String token = issue(c.pool(), c.sub(), c.eventId(), c.expiry());
                    int position = positionSeed % token.length();
                    char original = token.charAt(position);
                    char replacement = ALPHABET.charAt((ALPHABET.indexOf(original) + shift) % ALPHABET.length());
                    String forged = token.substring(0, position) + replacement + token.substring(position + 1);
                    assertThat(verify(c.pool(), forged, c.eventId(), NOW).userSub()).isNull();
                });
    }

    @Test
    void aTokenOfOnePoolNeverVerifiesInAnother() {
        qt().forAll(CASES, CASES).assuming((a, b) -> !a.pool().equals(b.pool())).checkAssert((a, b) -> {
            String token = issue(a.pool(), a.sub(), a.eventId(), a.expiry());
            // another pool has other keys: the key id is unknown to it, or the signature fails
            assertThat(verify(b.pool(), token, a.eventId(), NOW).refusal())
                    .isIn(FeedbackTokenCodec.Refusal.UNKNOWN_KEY, FeedbackTokenCodec.Refusal.FORGED);
        });
    }

    @Test
    void droppingOrAddingCharactersIsRejected() {
        qt().forAll(CASES, integers().between(0, Integer.MAX_VALUE)).checkAssert((c, cutSeed) -> {
            String token = issue(c.pool(), c.sub(), c.eventId(), c.expiry());
            int cut = cutSeed % token.length();
            assertThat(verify(c.pool(), token.substring(0, cut), c.eventId(), NOW).userSub())
                    .isNull();
            assertThat(verify(c.pool(), token.substring(cut + 1), c.eventId(), NOW).userSub())
                    .isNull();
            assertThat(verify(c.pool(), token + "A", c.eventId(), NOW).userSub())
                    .isNull();
            assertThat(verify(c.pool(), token + ".", c.eventId(), NOW).userSub())
                    .isNull();
        });
    }

    @Test
    void aRotatedPoolVerifiesTokensOfItsOlderKeyUntilThatKeyRetires() {
        qt().forAll(CASES).checkAssert(c -> {
            String token = issue(c.pool(), c.sub(), c.eventId(), c.expiry());
            byte[] newer = new byte[32];
            newer[31] = 1;
            Instant retiresAt = c.expiry().plusSeconds(1);
            Pool rotated = new Pool(c.pool().id(), List.of(c.pool().current().retiringAt(retiresAt),
                    new TokenSigningKey("newer", newer, NOW, null)));
            assertThat(verify(rotated, token, c.eventId(), NOW).userSub()).isEqualTo(c.sub());
            String fresh = issue(rotated, c.sub(), c.eventId(), c.expiry());
            assertThat(fresh).startsWith("v1.newer.");
            assertThat(verify(c.pool(), fresh, c.eventId(), NOW).refusal())
                    .isEqualTo(FeedbackTokenCodec.Refusal.UNKNOWN_KEY);
            Pool retiredEarly = new Pool(c.pool().id(), List.of(c.pool().current().retiringAt(NOW),
                    new TokenSigningKey("newer", newer, NOW, null)));
            assertThat(verify(retiredEarly, token, c.eventId(), NOW).refusal())
                    .isEqualTo(FeedbackTokenCodec.Refusal.RETIRED_KEY);
            assertThat(verify(retiredEarly, token, c.eventId(), NOW.minusMillis(1)).userSub()).isEqualTo(c.sub());
        });
    }

    /**
     * Payloads this server never signs, signed with the pool's own key all the same (as a leaked key
     * would allow): each is still refused, and for what it is.
     */
    @Test
    void aValidSignatureOverAPayloadThisServerNeverSignsIsStillRefused() {
        qt().forAll(CASES).checkAssert(c -> {
            String expiry = String.valueOf(c.expiry().getEpochSecond());
            assertThat(signedOver(c, "AAAA*")).as("not base64").isEqualTo(FeedbackTokenCodec.Refusal.MALFORMED);
            assertThat(signedOver(c, encode(c.pool().id() + "\n" + c.sub() + "\n" + c.eventId())))
                    .as("three claims").isEqualTo(FeedbackTokenCodec.Refusal.MALFORMED);
            assertThat(signedOver(c, encode("other_pool\n" + c.sub() + "\n" + c.eventId() + "\n" + expiry)))
                    .as("another pool").isEqualTo(FeedbackTokenCodec.Refusal.FOREIGN_POOL);
            assertThat(signedOver(c, encode(c.pool().id() + "\n" + c.sub() + "\n" + c.eventId() + "\nsoon")))
                    .as("no expiry").isEqualTo(FeedbackTokenCodec.Refusal.MALFORMED);
        });
    }

    private static String encode(String payload) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The refusal of a token whose payload part is {@code payload}, MAC'd with the pool's current key. */
    private static FeedbackTokenCodec.Refusal signedOver(Case c, String payload) {
        TokenSigningKey key = c.pool().current();
        String signed = "v1." + key.keyId() + "." + payload;
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.secret(), "HmacSHA256"));
            String token = signed + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(signed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return verify(c.pool(), token, c.eventId(), NOW).refusal();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
