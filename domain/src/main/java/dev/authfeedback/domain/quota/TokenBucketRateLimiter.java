package dev.authfeedback.domain.quota;

import dev.authfeedback.domain.port.out.OperationCategory;
import dev.authfeedback.domain.port.out.RateLimiter;
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
    /** Per scope, one bucket per category (by ordinal), made when first used. */
    private final ConcurrentHashMap<String, Bucket[]> buckets = new ConcurrentHashMap<>();

    /** A limiter with a bucket per pool and category, refilled at the given rates. */
    public TokenBucketRateLimiter(RateLimits limits) {
        this(limits, System::nanoTime, DEFAULT_MAX_BUCKETS);
    }

    /** For tests and tuning: the time source (nanoseconds) and the cap on buckets. */
    public TokenBucketRateLimiter(RateLimits limits, LongSupplier nanoTime, int maxBuckets) {
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("maxBuckets must be positive");
        }
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.maxBuckets = maxBuckets;
    }

    @Override
    public boolean tryAcquire(String scope, OperationCategory category) {
        if (limits.perSecond(category) == 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        return bucket(scope, category, now).tryTake(now);
    }

    @Override
    public boolean hasQuota(String scope, OperationCategory category) {
        if (limits.perSecond(category) == 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        return bucket(scope, category, now).hasToken(now);
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
        buckets.values().removeIf(scopeBuckets -> allFull(scopeBuckets, now));
        if (buckets.size() >= maxBuckets) {
            // Every bucket is in use (a flood of distinct scopes within one refill period): start
            // over rather than grow. The cost is one period of leniency, never unbounded memory.
            buckets.clear();
        }
    }

    private static boolean allFull(Bucket[] scopeBuckets, long now) {
        synchronized (scopeBuckets) {
            for (Bucket bucket : scopeBuckets) {
                if (bucket != null && !bucket.isFull(now)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class Bucket {
        private final double capacity;
        private final double tokensPerNano;
        private double tokens;
        private long updatedAt;

        Bucket(double ratePerSecond, double burst, long now) {
            this.capacity = burst;
            this.tokensPerNano = ratePerSecond / 1e9;
            this.tokens = capacity;
            this.updatedAt = now;
        }

        synchronized boolean tryTake(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        synchronized boolean hasToken(long now) {
            refill(now);
            return tokens >= 1;
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            long elapsed = now - updatedAt;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
                updatedAt = now;
            }
        }
    }
}
