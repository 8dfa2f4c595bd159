package dev.authfeedback.domain.risk;

import java.util.Arrays;

/**
 * What the pool knows of one context's values, per {@link RiskFeature}: how many recorded events
 * had the feature at all ({@code featureTotals}), how many had this value ({@code valueCounts}),
 * and how many Invalid verdicts, by anyone in the pool, the value carries ({@code valueReports}).
 *
 * @param featureTotals per feature, the legitimate sign-ins seen in the pool
 * @param valueCounts per feature and value slot, the legitimate sign-ins seen in the pool
 * @param valueReports per feature and value slot, the Invalid verdicts given in the pool
 */
public record PoolStatistics(long[] featureTotals, long[] valueCounts, long[] valueReports) {

    /** The figures of a pool that has seen nothing. */
    public static final PoolStatistics EMPTY = new PoolStatistics(new long[RiskFeature.ALL.length],
            new long[RiskFeature.ALL.length], new long[RiskFeature.ALL.length]);

    public PoolStatistics {
        int features = RiskFeature.ALL.length;
        if (featureTotals.length != features || valueCounts.length != features || valueReports.length != features) {
            throw new IllegalArgumentException("pool statistics need one figure per feature");
        }
    }

    /** The legitimate sign-ins seen in the pool for this feature. */
    public long featureTotal(RiskFeature feature) {
        return featureTotals[feature.ordinal()];
    }

    /** How often the pool has seen this feature's value in legitimate sign-ins. */
    public long valueCount(RiskFeature feature) {
        return valueCounts[feature.ordinal()];
    }

    public long valueReports(RiskFeature feature) {
        return valueReports[feature.ordinal()];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PoolStatistics statistics && Arrays.equals(featureTotals, statistics.featureTotals)
                && Arrays.equals(valueCounts, statistics.valueCounts)
                && Arrays.equals(valueReports, statistics.valueReports);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(featureTotals) * 961 + Arrays.hashCode(valueCounts) * 31
                + Arrays.hashCode(valueReports);
    }

    @Override
    public String toString() {
        return "PoolStatistics[featureTotals=" + Arrays.toString(featureTotals) + ", valueCounts="
                + Arrays.toString(valueCounts) + ", valueReports=" + Arrays.toString(valueReports) + "]";
    }
}
