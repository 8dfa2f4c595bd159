package dev.authfeedback.domain.port.out;

/** Decides whether a request may proceed now. Implementations are thread-safe and bounded in memory. */
public interface RateLimiter {

    /**
     * Takes one request from the quota of {@code scope} (a pool id, the account for operations not
     * bound to a pool, or a source address for the per-source categories) in {@code category};
     * false when that quota is used up for now.
     */
    boolean tryAcquire(String scope, OperationCategory category);

    /** Whether {@link #tryAcquire} would grant a request now, without taking one. */
    boolean hasQuota(String scope, OperationCategory category);
}
