package dev.authfeedback.domain.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authfeedback.domain.port.out.OperationCategory;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);

    private TokenBucketRateLimiter limiter(RateLimits limits, int maxBuckets) {
        return new TokenBucketRateLimiter(limits, now::get, maxBuckets);
    }

    private static int granted(TokenBucketRateLimiter limiter, String scope, OperationCategory category, int attempts) {
        int granted = 0;
        for (int i = 0; i < attempts; i++) {
            if (limiter.tryAcquire(scope, category)) {
                granted++;
            }
        }
        return granted;
    }

    @Test
    void aScopeGetsItsRateAsABurstThenWaitsForRefill() {
        TokenBucketRateLimiter limiter = limiter(RateLimits.defaults(), 100);
        assertThat(granted(limiter, "pool-a", OperationCategory.FEEDBACK, 40)).isEqualTo(25);
        now.addAndGet(SECOND / 5);
        assertThat(granted(limiter, "pool-a", OperationCategory.FEEDBACK, 40)).isEqualTo(5);
        now.addAndGet(10 * SECOND);
        assertThat(granted(limiter, "pool-a", OperationCategory.FEEDBACK, 40)).isEqualTo(25);
    }

    @Test
    void scopesAndCategoriesHaveQuotasOfTheirOwn() {
        TokenBucketRateLimiter limiter = limiter(RateLimits.uniform(3), 100);
        assertThat(granted(limiter, "pool-a", OperationCategory.FEEDBACK, 5)).isEqualTo(3);
        assertThat(granted(limiter, "pool-b", OperationCategory.FEEDBACK, 5)).isEqualTo(3);
        assertThat(granted(limiter, "pool-a", OperationCategory.USER_READ, 5)).isEqualTo(3);
    }

    @Test
    void refusedTokensAllowABurstOfTenThenOneEveryTenSecondsPerSource() {
        TokenBucketRateLimiter limiter = limiter(RateLimits.defaults(), 100);
        assertThat(granted(limiter, "source:203.0.113.9", OperationCategory.SOURCE_REFUSED_TOKENS, 20)).isEqualTo(10);
        assertThat(limiter.hasQuota("source:203.0.113.9", OperationCategory.SOURCE_REFUSED_TOKENS)).isFalse();
        now.addAndGet(9 * SECOND);
        assertThat(limiter.hasQuota("source:203.0.113.9", OperationCategory.SOURCE_REFUSED_TOKENS)).isFalse();
        now.addAndGet(SECOND);
        assertThat(limiter.hasQuota("source:203.0.113.9", OperationCategory.SOURCE_REFUSED_TOKENS)).isTrue();
        assertThat(limiter.hasQuota("source:203.0.113.9", OperationCategory.SOURCE_REFUSED_TOKENS))
                .as("asking takes nothing").isTrue();
        assertThat(granted(limiter, "source:203.0.113.9", OperationCategory.SOURCE_REFUSED_TOKENS, 5)).isEqualTo(1);
        assertThat(granted(limiter, "source:198.51.100.1", OperationCategory.SOURCE_TOKEN_FEEDBACK, 10)).isEqualTo(5);
    }

    @Test
    void aBurstCanDifferFromTheRate() {
        TokenBucketRateLimiter limiter = limiter(RateLimits.unlimited().with(OperationCategory.USER_READ, 2, 6), 100);
        assertThat(granted(limiter, "pool-a", OperationCategory.USER_READ, 10)).isEqualTo(6);
        now.addAndGet(SECOND);
        assertThat(granted(limiter, "pool-a", OperationCategory.USER_READ, 10)).isEqualTo(2);
        assertThatThrownBy(() -> RateLimits.defaults().with(OperationCategory.USER_READ, 2, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void turningLimitsOffTurnsThePerSourceOnesOffToo() {
        TokenBucketRateLimiter limiter = limiter(RateLimits.uniform(0), 100);
        for (OperationCategory category : OperationCategory.values()) {
            assertThat(granted(limiter, "anyone", category, 100)).isEqualTo(100);
            assertThat(limiter.hasQuota("anyone", category)).isTrue();
        }
    }

    @Test
    void liveServersShareEveryQuotaAndAChangeAppliesToBucketsAlreadyMade() {
        java.util.concurrent.atomic.AtomicInteger live = new java.util.concurrent.atomic.AtomicInteger(3);
        TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(RateLimits.uniform(30), now::get, 100, live::get);
        assertThat(granted(limiter, "pool-a", OperationCategory.FEEDBACK, 40)).as("a third of the burst").isEqualTo(10);
        now.addAndGet(SECOND + SECOND / 1000); // a millisecond more: a third of 30 in floating point is 9.99...
        assertThat(granted(limiter, "pool-a", OperationCategory.FEEDBACK, 40)).as("a third of the rate").isEqualTo(10);
        now.addAndGet(SECOND / 2 + SECOND / 1000);
        assertThat(granted(limiter, "pool-a", OperationCategory.FEEDBACK, 40)).as("half a second of it").isEqualTo(5);
        live.set(1);
        now.addAndGet(2 * SECOND);
        assertThat(granted(limiter, "pool-a", OperationCategory.FEEDBACK, 40)).as("alone again").isEqualTo(30);
        live.set(100);
        now.addAndGet(10 * SECOND);
        assertThat(granted(limiter, "pool-a", OperationCategory.FEEDBACK, 40)).as("never less than one request")
                .isEqualTo(1);
    }

    @Test
    void aRateOfZeroMeansUnlimitedAndKeepsNoBuckets() {
        TokenBucketRateLimiter limiter = limiter(RateLimits.defaults().with(OperationCategory.POOL_READ, 0), 100);
        assertThat(granted(limiter, "account", OperationCategory.POOL_READ, 1000)).isEqualTo(1000);
        assertThat(limiter.bucketCount()).isZero();
    }

    @Test
    void bucketsStayBoundedWhateverScopesCallersInvent() {
        TokenBucketRateLimiter limiter = limiter(RateLimits.defaults(), 1000);
        for (int i = 0; i < 50_000; i++) {
            limiter.tryAcquire("invented-" + i, OperationCategory.FEEDBACK);
            assertThat(limiter.bucketCount()).isLessThanOrEqualTo(1000);
        }
    }

    @Test
    void fullBucketsAreEvictedBeforeBusyOnes() {
        TokenBucketRateLimiter limiter = limiter(RateLimits.uniform(2), 3);
        assertThat(granted(limiter, "busy", OperationCategory.FEEDBACK, 2)).isEqualTo(2);
        limiter.tryAcquire("idle-1", OperationCategory.FEEDBACK);
        limiter.tryAcquire("idle-2", OperationCategory.FEEDBACK);
        now.addAndGet(SECOND / 2); // idle ones refill to full, busy has 1 of 2
        limiter.tryAcquire("newcomer", OperationCategory.FEEDBACK);
        assertThat(limiter.bucketCount()).isEqualTo(2);
        assertThat(granted(limiter, "busy", OperationCategory.FEEDBACK, 5)).isEqualTo(1);
    }

    @Test
    void oneBucketIsTheSmallestCap() {
        assertThat(limiter(RateLimits.defaults(), 1).tryAcquire("only", OperationCategory.FEEDBACK)).isTrue();
        assertThatThrownBy(() -> limiter(RateLimits.defaults(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratesMustBeFiniteAndNotNegative() {
        assertThatThrownBy(() -> RateLimits.uniform(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimits.uniform(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimits.uniform(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimits.defaults().with(OperationCategory.FEEDBACK, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
