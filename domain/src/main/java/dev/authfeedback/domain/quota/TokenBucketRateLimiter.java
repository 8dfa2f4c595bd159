package dev.authfeedback.domain.quota;

import dev.authfeedback.domain.port.out.OperationCategory;
import dev.authfeedback.domain.port.out.RateLimiter;
import dev.authfeedback.domain.port.out.ServerPeers;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per scope and category, refilled continuously at the category's rate, holding at
 * most the category's burst. The rate limit runs before the pool is looked up, so any caller can name
 * new scopes: the number of buckets is capped, and buckets that have refilled completely (which
 * behave exactly like new ones) are dropped first when the cap is reached.
 */
public final class TokenBucketRateLimiter implements RateLimiter {

    /** The cap on scopes (pools) holding buckets. */
    public static final int DEFAULT_MAX_BUCKETS = 100_000;

    private final RateLimits limits;
    private final LongSupplier nanoTime;
    private final int maxBuckets;
    private final ServerPeers peers;
    /** Per scope, one bucket per category (by ordinal), made when first used. */
    private final ConcurrentHashMap<String, Bucket[]> buckets = new ConcurrentHashMap<>();

    /** A limiter with a bucket per pool and category, refilled at the given rates: a server alone. */
    public TokenBucketRateLimiter(RateLimits limits) {
        this(limits, ServerPeers.ALONE);
    }

    /**
     * A limiter whose rates and bursts are shared by the live {@code peers}: each of N servers grants
     * 1/N of them, so that the servers together grant a pool its quota.
     */
    public TokenBucketRateLimiter(RateLimits limits, ServerPeers peers) {
        this(limits, System::nanoTime, DEFAULT_MAX_BUCKETS, peers);
    }

    /** For tests and tuning: the time source (nanoseconds) and the cap on buckets. */
    public TokenBucketRateLimiter(RateLimits limits, LongSupplier nanoTime, int maxBuckets) {
        this(limits, nanoTime, maxBuckets, ServerPeers.ALONE);
    }

    /** For tests: the time source, the cap on buckets and the peers. */
    public TokenBucketRateLimiter(RateLimits limits, LongSupplier nanoTime, int maxBuckets, ServerPeers peers) {
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("maxBuckets must be positive");
        }
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.maxBuckets = maxBuckets;
        this.peers = peers;
    }

    /** This server's share of every quota: 1 over the live servers. */
    private double share() {
        return 1.0 / Math.max(1, peers.liveServers());
    }

    @Override
    public boolean tryAcquire(String scope, OperationCategory category) {
        if (limits.perSecond(category) == 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        return bucket(scope, category, now).tryTake(now, share());
    }

    @Override
    public boolean hasQuota(String scope, OperationCategory category) {
        if (limits.perSecond(category) == 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        return bucket(scope, category, now).hasToken(now, share());
    }

    private Bucket bucket(String scope, OperationCategory category, long now) {
        Bucket[] scopeBuckets = buckets.get(scope);
        if (scopeBuckets == null) {
            if (buckets.size() >= maxBuckets) {
                evict(now);
            }
            scopeBuckets = buckets.computeIfAbsent(scope, s -> new Bucket[OperationCategory.values().length]);
        }
        Bucket bucket = scopeBuckets[category.ordinal()];
        if (bucket == null) {
            synchronized (scopeBuckets) {
                bucket = scopeBuckets[category.ordinal()];
                if (bucket == null) {
                    bucket = new Bucket(limits.perSecond(category), limits.burst(category), now);
                    scopeBuckets[category.ordinal()] = bucket;
                }
            }
        }
        return bucket;
    }

    /** How many scopes hold buckets now (for tests of the memory bound). */
    public int bucketCount() {
        return buckets.size();
    }

    private void evict(long now) {
        double share = share();
        buckets.values().removeIf(scopeBuckets -> allFull(scopeBuckets, now, share));
        if (buckets.size() >= maxBuckets) {
            // Every bucket is in use (a flood of distinct scopes within one refill period): start
            // over rather than grow. The cost is one period of leniency, never unbounded memory.
            buckets.clear();
        }
    }

    private static boolean allFull(Bucket[] scopeBuckets, long now, double share) {
        synchronized (scopeBuckets) {
            for (Bucket bucket : scopeBuckets) {
                if (bucket != null && !bucket.isFull(now, share)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Rate and burst as configured; the share of them this server grants is applied at each use, so
     * that a change in the number of live servers applies to buckets already made.
     */
    private static final class Bucket {
        private final double burst;
        private final double tokensPerNano;
        private double tokens;
        private long updatedAt;

        Bucket(double ratePerSecond, double burst, long now) {
            this.burst = burst;
            this.tokensPerNano = ratePerSecond / 1e9;
            this.tokens = burst;
            this.updatedAt = now;
        }

        synchronized boolean tryTake(long now, double share) {
            refill(now, share);
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        synchronized boolean hasToken(long now, double share) {
            refill(now, share);
            return tokens >= 1;
        }

        synchronized boolean isFull(long now, double share) {
            refill(now, share);
            return tokens >= capacity(share);
        }

        /** A share of the burst, but never less than one request: a bucket must grant something. */
        private double capacity(double share) {
            return Math.max(1, burst * share);
        }

        private void refill(long now, double share) {
            long elapsed = now - updatedAt;
            if (elapsed > 0) {
                tokens = Math.min(capacity(share), tokens + elapsed * tokensPerNano * share);
                updatedAt = now;
            } else {
                tokens = Math.min(capacity(share), tokens);
            }
        }
    }
}
