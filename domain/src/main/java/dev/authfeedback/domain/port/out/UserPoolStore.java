package dev.authfeedback.domain.port.out;

import dev.authfeedback.domain.model.UserPool;
import java.util.List;
import java.util.Optional;

/** Where pools live. Implementations are thread-safe; pool ids are generated, so insert never collides in practice. */
public interface UserPoolStore {

    /** Stores a new pool; fails (IllegalStateException) if its id is taken. */
    void insert(UserPool pool);

    Optional<UserPool> find(String poolId);

    /** Replaces the stored pool of the same id; false if there is none (deleted meanwhile). */
    boolean replace(UserPool pool);

    /** Deletes the pool; false if there was none. */
    boolean delete(String poolId);

    /** Up to {@code limit} pools in ascending id order, starting after {@code afterPoolId} (null: from the start). */
    List<UserPool> listAfter(String afterPoolId, int limit);
}
