package dev.authfeedback.benchmarks;

import java.util.List;

/**
 * A 95 % confidence interval for a ratio measured once per pair of alternating slices: Student's t
 * on the logarithms of the pairs' ratios (ratios multiply, so their logarithms are what averages),
 * taken back to ratios. It says how far one run's figure could move with the machine's noise alone.
 */
record RatioInterval(double low, double high) {

    /** Student's t at 97.5 % for 1 to 30 degrees of freedom; past 30, the normal's 1.96 is near enough. */
    private static final double[] T_975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262,
        2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
        2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

    /** The interval of the pairs' ratios, or null for fewer than two pairs, where there is none. */
    static RatioInterval of(List<Double> pairRatios) {
        int n = pairRatios.size();
        if (n < 2) {
            return null;
        }
        double sum = 0;
        for (double ratio : pairRatios) {
            sum += Math.log(ratio);
        }
        double mean = sum / n;
        double squares = 0;
        for (double ratio : pairRatios) {
            squares += (Math.log(ratio) - mean) * (Math.log(ratio) - mean);
        }
        double halfWidth = (n - 1 <= T_975.length ? T_975[n - 2] : 1.96) * Math.sqrt(squares / (n - 1) / n);
        return new RatioInterval(Math.exp(mean - halfWidth), Math.exp(mean + halfWidth));
    }
}
