package dev.authfeedback.domain.quota;

import dev.authfeedback.domain.port.out.OperationCategory;
import java.util.EnumMap;

/**
 * Requests per second allowed per scope and category (0 means unlimited), and the burst a scope
 * may spend at once: one second's worth unless set otherwise.
 */
public final class RateLimits {

    /** Cognito's quota for the feedback operations, used as the default for every pool category. */
    public static final double COGNITO_FEEDBACK_RPS = 25;
    /** Token feedback one source address may send per second (and at once), whatever the pool. */
    public static final double SOURCE_TOKEN_FEEDBACK_RPS = 5;
    /** Refused tokens one source may send at once before its token feedback is slowed down. */
    public static final double SOURCE_REFUSED_TOKENS_BURST = 10;
    /** After its burst, a source gets one more refused token every 10 seconds. */
    public static final double SOURCE_REFUSED_TOKENS_RPS = 0.1;

    private final EnumMap<OperationCategory, Double> perSecond;
    private final EnumMap<OperationCategory, Double> bursts;

    private RateLimits(EnumMap<OperationCategory, Double> perSecond, EnumMap<OperationCategory, Double> bursts) {
        this.perSecond = perSecond;
        this.bursts = bursts;
    }

    /**
     * The same rate for every pool category and the defaults for the source categories; 0 turns
     * every limit off, the per-source ones included.
     */
    public static RateLimits uniform(double requestsPerSecond) {
        requireValid(requestsPerSecond);
        EnumMap<OperationCategory, Double> rates = new EnumMap<>(OperationCategory.class);
        EnumMap<OperationCategory, Double> bursts = new EnumMap<>(OperationCategory.class);
        for (OperationCategory category : OperationCategory.values()) {
            rates.put(category, requestsPerSecond);
            bursts.put(category, Math.max(1, requestsPerSecond));
        }
        return new RateLimits(rates, bursts).withSourceLimit(requestsPerSecond == 0 ? 0 : SOURCE_TOKEN_FEEDBACK_RPS);
    }

    /**
     * 25 requests/s per pool in every pool category, as Cognito allows the feedback operations; 5
     * token feedbacks/s per source; 10 refused tokens per source, then one every 10 seconds.
     */
    public static RateLimits defaults() {
        return uniform(COGNITO_FEEDBACK_RPS);
    }

    /** No limit on any category. */
    public static RateLimits unlimited() {
        return uniform(0);
    }

    /**
     * A copy where one source address may send {@code tokenFeedbackPerSecond} token feedbacks a second
     * (and at once), and is slowed down after 10 refused tokens (then one every 10 seconds); 0 turns
     * both per-source limits off.
     */
    public RateLimits withSourceLimit(double tokenFeedbackPerSecond) {
        return with(OperationCategory.SOURCE_TOKEN_FEEDBACK, tokenFeedbackPerSecond)
                .with(OperationCategory.SOURCE_REFUSED_TOKENS, tokenFeedbackPerSecond == 0 ? 0 : SOURCE_REFUSED_TOKENS_RPS,
                        SOURCE_REFUSED_TOKENS_BURST);
    }

    /** A copy with another rate for one category, and a burst of one second's worth (at least one). */
    public RateLimits with(OperationCategory category, double requestsPerSecond) {
        return with(category, requestsPerSecond, Math.max(1, requestsPerSecond));
    }

    /** A copy with another rate and burst (at least one request) for one category. */
    public RateLimits with(OperationCategory category, double requestsPerSecond, double burst) {
        requireValid(requestsPerSecond);
        if (!(burst >= 1) || Double.isInfinite(burst)) {
            throw new IllegalArgumentException("a burst must be a finite number >= 1, was " + burst);
        }
        EnumMap<OperationCategory, Double> rates = new EnumMap<>(perSecond);
        EnumMap<OperationCategory, Double> newBursts = new EnumMap<>(bursts);
        rates.put(category, requestsPerSecond);
        newBursts.put(category, burst);
        return new RateLimits(rates, newBursts);
    }

    /** The requests per second allowed for the category; 0 for unlimited. */
    public double perSecond(OperationCategory category) {
        return perSecond.get(category);
    }

    /** How many requests of the category a scope may make at once. */
    public double burst(OperationCategory category) {
        return bursts.get(category);
    }

    private static void requireValid(double requestsPerSecond) {
        if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("a rate must be a finite number >= 0, was " + requestsPerSecond);
        }
    }
}
