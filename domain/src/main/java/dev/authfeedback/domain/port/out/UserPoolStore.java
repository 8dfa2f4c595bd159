package dev.authfeedback.domain.port.out;

import dev.authfeedback.domain.model.TokenSigningKey;
import dev.authfeedback.domain.model.UserPool;
import java.util.List;
import java.util.Optional;

/** Where pools live. Implementations are thread-safe; pool ids are generated, so insert never collides in practice. */
public interface UserPoolStore {

    /** Stores a new pool with its first token signing key, as one step; fails (IllegalStateException) if its id is taken. */
    void insert(UserPool pool, TokenSigningKey firstKey);

    /** The pool with this id, if it exists. */
    Optional<UserPool> find(String poolId);

    /**
     * Replaces {@code current} by {@code updated} if the stored pool is still {@code current} (the
     * same {@link UserPool#version()}); false if it changed or was deleted meanwhile, so that no
     * concurrent update is lost.
     */
    boolean replace(UserPool current, UserPool updated);

    /**
     * Deletes the pool with its users, their aliases and events, and its keys, as one atomic step;
     * false if there was none. Nothing a concurrent call does brings any of them back.
     */
    boolean delete(String poolId);

    /** Up to {@code limit} pools in ascending id order, starting after {@code afterPoolId} (null: from the start). */
    List<UserPool> listAfter(String afterPoolId, int limit);
}
