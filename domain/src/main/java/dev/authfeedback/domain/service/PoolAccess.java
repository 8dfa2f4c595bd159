package dev.authfeedback.domain.service;

import dev.authfeedback.domain.error.ResourceNotFoundException;
import dev.authfeedback.domain.error.TooManyRequestsException;
import dev.authfeedback.domain.error.UserPoolAddOnNotEnabledException;
import dev.authfeedback.domain.model.UserPool;
import dev.authfeedback.domain.port.in.Operation;
import dev.authfeedback.domain.port.out.OperationCategory;
import dev.authfeedback.domain.port.out.RateLimiter;
import dev.authfeedback.domain.risk.IpRange;
import dev.authfeedback.domain.port.out.UserPoolStore;
import java.util.Optional;

/**
 * The first steps of every pool-bound use case, in the contract's order: quota, pool, threat-protection
 * gate; and the quotas of source addresses.
 */
final class PoolAccess {

    private final UserPoolStore pools;
    private final RateLimiter rateLimiter;

    PoolAccess(UserPoolStore pools, RateLimiter rateLimiter) {
        this.pools = pools;
        this.rateLimiter = rateLimiter;
    }

    /** The scope's quota in the operation's category; TooManyRequestsException when it is used up. */
    void requireQuota(String scope, Operation operation) {
        requireQuota(scope, operation.category());
    }

    /** Takes one request of the scope's quota in the category; TooManyRequestsException when it is used up. */
    void requireQuota(String scope, OperationCategory category) {
        if (!rateLimiter.tryAcquire(scope, category)) {
            throw new TooManyRequestsException(TooManyRequestsException.MESSAGE);
        }
    }

    /** Like {@link #requireQuota(String, OperationCategory)}, without taking anything. */
    void requireQuotaLeft(String scope, OperationCategory category) {
        if (!rateLimiter.hasQuota(scope, category)) {
            throw new TooManyRequestsException(TooManyRequestsException.MESSAGE);
        }
    }

    /** Takes one request of the scope's quota in the category, if any is left; nothing happens otherwise. */
    void spendQuota(String scope, OperationCategory category) {
        rateLimiter.tryAcquire(scope, category);
    }

    /**
     * The scope a source address's quotas count under: the address itself for IPv4, its /64 for
     * IPv6 (one subscriber commonly holds a whole /64); null for an unknown source.
     */
    static String sourceScope(String sourceAddress) {
        if (sourceAddress == null) {
            return null;
        }
        byte[] address = IpRange.addressBytes(sourceAddress).orElseThrow();
        StringBuilder scope = new StringBuilder("source:");
        if (address.length == 4) {
            for (int i = 0; i < 4; i++) {
                scope.append(i == 0 ? "" : ".").append(address[i] & 0xFF);
            }
            return scope.toString();
        }
        for (int i = 0; i < 8; i++) {
            scope.append(String.format("%02x", address[i] & 0xFF));
        }
        return scope.append("/64").toString();
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
        requireQuota(poolId, operation);
        return unmeteredPoolWithThreatProtection(poolId);
    }

    /** The pool, if it has threat protection, without taking a quota: for a use case that takes it later. */
    UserPool unmeteredPoolWithThreatProtection(String poolId) {
        Optional<UserPool> found = pools.find(poolId);
        if (found.isEmpty()) {
            throw poolNotFound(poolId);
        }
        UserPool pool = found.get();
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
