package dev.authfeedback.domain.service;

import dev.authfeedback.domain.error.ResourceNotFoundException;
import dev.authfeedback.domain.error.TooManyRequestsException;
import dev.authfeedback.domain.error.UserPoolAddOnNotEnabledException;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.Operation;
import dev.authfeedback.domain.port.out.RateLimiter;
import dev.authfeedback.domain.port.out.UserPoolStore;
import java.util.Optional;

/** The first steps of every pool-bound use case, in the contract's order: quota, pool, threat-protection gate. */
final class PoolAccess {

    private final UserPoolStore pools;
    private final RateLimiter rateLimiter;

    PoolAccess(UserPoolStore pools, RateLimiter rateLimiter) {
        this.pools = pools;
        this.rateLimiter = rateLimiter;
    }

    /** The scope's quota in the operation's category; TooManyRequestsException when it is used up. */
    void requireQuota(String scope, Operation operation) {
        if (!rateLimiter.tryAcquire(scope, operation.category())) {
            throw new TooManyRequestsException(TooManyRequestsException.MESSAGE);
        }
    }

    /** The pool's quota, then the pool itself. */
    UserPool pool(String poolId, Operation operation) {
        requireQuota(poolId, operation);
        Optional<UserPool> pool = pools.find(poolId);
        if (pool.isEmpty()) {
            throw poolNotFound(poolId);
        }
        return pool.get();
    }

    /** Like {@link #pool}, for the operations that need threat protection (AUDIT or ENFORCED). */
    UserPool poolWithThreatProtection(String poolId, Operation operation) {
        UserPool pool = pool(poolId, operation);
        if (!pool.advancedSecurityEnabled()) {
            throw new UserPoolAddOnNotEnabledException(
                    "Advanced security features are not enabled for user pool " + pool.id() + ".");
        }
        return pool;
    }

    static ResourceNotFoundException poolNotFound(String poolId) {
        return new ResourceNotFoundException("User pool " + poolId + " does not exist.");
    }
}
