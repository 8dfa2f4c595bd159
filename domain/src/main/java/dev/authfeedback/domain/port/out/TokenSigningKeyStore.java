package dev.authfeedback.domain.port.out;

import dev.authfeedback.domain.model.TokenSigningKey;
import java.time.Instant;
import java.util.List;

/**
 * Where pools' feedback-token signing keys live, apart from the pools. A pool's first key is
 * stored with it ({@link UserPoolStore#insert}) and goes with it ({@link UserPoolStore#delete}).
 * Implementations are thread-safe; a store that can protect keys at rest does.
 */
public interface TokenSigningKeyStore {

    /** The pool's keys, the current one (without {@code retiresAt}) last; empty if the pool does not exist. */
    List<TokenSigningKey> keys(String poolId);

    /**
     * As one atomic step: drops the pool's keys that retired at or before {@code now}, gives every
     * key still current {@code retiresAt}, and adds {@code newKey} as the current one. False if the
     * pool does not exist.
     */
    boolean rotate(String poolId, TokenSigningKey newKey, Instant retiresAt, Instant now);
}
