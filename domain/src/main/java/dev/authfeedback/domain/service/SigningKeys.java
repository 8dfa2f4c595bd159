package dev.authfeedback.domain.service;

import dev.authfeedback.domain.model.TokenSigningKey;
import dev.authfeedback.domain.port.out.TokenSigningKeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pools' signing keys, read through a cache that each entry stays in for {@link #CACHE_TTL}:
 * every sign-in and token feedback needs them, and they change only on rotation. Servers sharing a
 * store learn of another's rotation within that time, so a retired key verifies that much longer
 * than a token's lifetime; a token signed with a key this server has not seen yet reads the store
 * again at once.
 */
final class SigningKeys {

    /** How long keys read from the store are used before they are read again. */
    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    /** Pool ids are checked before keys are read, so only real pools enter; still, the cache stays bounded. */
    private static final int MAX_CACHED_POOLS = 10_000;

    private record Cached(List<TokenSigningKey> keys, long readAtNanos) {
    }

    private final TokenSigningKeyStore store;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    SigningKeys(TokenSigningKeyStore store) {
        this.store = store;
    }

    /** The key that signs the pool's new tokens; the pool must exist (else ResourceNotFoundException). */
    TokenSigningKey current(String poolId) {
        List<TokenSigningKey> keys = keys(poolId, false);
        if (keys.isEmpty()) {
            throw PoolAccess.poolNotFound(poolId); // deleted since it was looked up
        }
        return keys.get(keys.size() - 1);
    }

    /** The pool's key with this id, or null if it has none. */
    TokenSigningKey byId(String poolId, String keyId) {
        TokenSigningKey key = find(keys(poolId, false), keyId);
        return key != null ? key : find(keys(poolId, true), keyId);
    }

    /** Rotates in the store (see {@link TokenSigningKeyStore#rotate}); false if the pool does not exist. */
    boolean rotate(String poolId, TokenSigningKey newKey, Instant retiresAt, Instant now) {
        boolean rotated = store.rotate(poolId, newKey, retiresAt, now);
        cache.remove(poolId);
        return rotated;
    }

    private List<TokenSigningKey> keys(String poolId, boolean fresh) {
        long now = System.nanoTime();
        Cached cached = cache.get(poolId);
        if (!fresh && cached != null && now - cached.readAtNanos() < CACHE_TTL.toNanos()) {
            return cached.keys();
        }
        List<TokenSigningKey> keys = store.keys(poolId);
        if (cache.size() >= MAX_CACHED_POOLS) {
            cache.clear();
        }
        if (!keys.isEmpty()) {
            cache.put(poolId, new Cached(keys, now));
        }
        return keys;
    }

    private static TokenSigningKey find(List<TokenSigningKey> keys, String keyId) {
        for (TokenSigningKey key : keys) {
            if (key.keyId().equals(keyId)) {
                return key;
            }
        }
        return null;
    }
}
