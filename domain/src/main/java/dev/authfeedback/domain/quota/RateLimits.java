package dev.authfeedback.domain.quota;

import dev.authfeedback.domain.port.out.OperationCategory;
import java.util.EnumMap;

/**
 * Requests per second allowed per scope (pool) and operation category; 0 means unlimited.
 * A scope may burst up to one second's worth of requests.
 */
public final class RateLimits {

    /** Cognito's quota for the feedback operations, used as the default for every category. */
    public static final double COGNITO_FEEDBACK_RPS = 25;

    private final EnumMap<OperationCategory, Double> perSecond;

    private RateLimits(EnumMap<OperationCategory, Double> perSecond) {
        this.perSecond = perSecond;
    }

    /** The same rate for every category; 0 turns limiting off. */
    public static RateLimits uniform(double requestsPerSecond) {
        requireValid(requestsPerSecond);
        EnumMap<OperationCategory, Double> rates = new EnumMap<>(OperationCategory.class);
        for (OperationCategory category : OperationCategory.values()) {
            rates.put(category, requestsPerSecond);
        }
        return new RateLimits(rates);
    }

    /** 25 requests/s per pool in every category, as Cognito allows the feedback operations. */
    public static RateLimits defaults() {
        return uniform(COGNITO_FEEDBACK_RPS);
    }

    /** No limit on any category. */
    public static RateLimits unlimited() {
        return uniform(0);
    }

    /** A copy with another rate for one category. */
    public RateLimits with(OperationCategory category, double requestsPerSecond) {
        requireValid(requestsPerSecond);
        EnumMap<OperationCategory, Double> rates = new EnumMap<>(perSecond);
        rates.put(category, requestsPerSecond);
        return new RateLimits(rates);
    }

    /** The requests per second allowed for the category; 0 for unlimited. */
    public double perSecond(OperationCategory category) {
        return perSecond.get(category);
    }

    private static void requireValid(double requestsPerSecond) {
        if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("a rate must be a finite number >= 0, was " + requestsPerSecond);
        }
    }
}
