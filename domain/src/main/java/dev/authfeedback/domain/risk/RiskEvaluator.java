package dev.authfeedback.domain.risk;

import dev.authfeedback.domain.model.RiskLevel;
import dev.authfeedback.domain.model.RiskReason;
import java.util.EnumSet;
import java.util.Set;

/**
 * Scores a context against a user's {@link RiskProfile} and the pool's {@link PoolStatistics}, in the
 * line of Freeman et al. (NDSS 2016): per feature, the log of how likely the value is in the pool
 * against how likely it is in the user's own legitimate history,
 * <pre>
 *   p_pool = (pool events with the value + 1) / (pool events with the feature + 1)
 *   p_user = (user's count of the value + m * p_pool) / (user's history size + m)        (m = 1)
 *   novelty = max(-2, ln(p_pool / p_user))
 * </pre>
 * The user's estimate is smoothed towards the pool's, so a value the user never had scores
 * {@code ln(1 + history size)} (a new user's first sign-ins score 0), and a value the user always has
 * scores below 0 the rarer it is in the pool. Verdicts then add evidence: each Invalid the user gave
 * on the value adds 3; each Invalid anyone in the pool gave adds 1 (at most 3 of them) to a value
 * not in the user's history, so that others' reports warn of strangers' values but cannot make a
 * user's own familiar ones suspect; and a value with more Valid than Invalid verdicts from the
 * user counts at most 0. The score is the sum of the
 * features' evidence times their {@link RiskFeature#weight() weights}; a feature the context lacks
 * adds nothing. Below {@value #LOW_THRESHOLD} there is no risk; then Low, Medium from
 * {@value #MEDIUM_THRESHOLD}, High from {@value #HIGH_THRESHOLD}.
 */
public final class RiskEvaluator {

    /** How much the pool's frequency of a value weighs in the user's smoothed frequency. */
    public static final double PRIOR_WEIGHT = 1.0;
    /** The least evidence one familiar value contributes (it can lower a score, but only so far). */
    public static final double FAMILIARITY_FLOOR = -2.0;
    /** The evidence each of the user's own Invalid verdicts on a value adds. */
    public static final double OWN_REPORT_EVIDENCE = 3.0;
    /** The evidence each counted Invalid verdict of other users adds. */
    public static final double POOL_REPORT_EVIDENCE = 1.0;
    /** The most Invalid verdicts of other users counted on a value new to the user. */
    public static final int POOL_REPORTS_COUNTED = 3;
    /** The least score of Low risk; below it, no risk. */
    public static final double LOW_THRESHOLD = 0.75;
    /** The least score of Medium risk. */
    public static final double MEDIUM_THRESHOLD = 1.5;
    /** The least score of High risk. */
    public static final double HIGH_THRESHOLD = 2.5;

    private RiskEvaluator() {
    }

    /**
     * The score, its level (null: no risk) and the factors that made it.
     *
     * @param score the weighted sum of the features' evidence
     * @param level the risk level the score reaches, or null below the low threshold
     * @param reasons why the score is what it is
     */
    public record Assessment(double score, RiskLevel level, Set<RiskReason> reasons) {
        public Assessment {
            reasons = reasons.isEmpty() ? Set.of() : Set.copyOf(reasons);
        }
    }

    /** Scores a sign-in's features against the user's profile and the pool's figures. */
    public static Assessment assess(RiskProfile profile, PoolStatistics pool, ContextFeatures context) {
        double score = 0;
        EnumSet<RiskReason> reasons = EnumSet.noneOf(RiskReason.class);
        for (RiskFeature feature : RiskFeature.ALL) {
            long key = context.key(feature);
            if (key != 0) {
                score += feature.weight() * evidence(feature, key, profile, pool, reasons);
            }
        }
        return new Assessment(score, level(score), reasons);
    }

    private static double evidence(RiskFeature feature, long key, RiskProfile profile, PoolStatistics pool,
                                   Set<RiskReason> reasons) {
        double history = profile.historySize(feature);
        double count = profile.count(feature, key);
        int confirmations = profile.confirmations(feature, key);
        int reports = profile.reports(feature, key);
        long poolReports = pool.valueReports(feature);
        double poolShare = Math.min(1.0, (pool.valueCount(feature) + 1.0) / (pool.featureTotal(feature) + 1.0));
        double userShare = (count + PRIOR_WEIGHT * poolShare) / (history + PRIOR_WEIGHT);
        long poolReportsCounted = count == 0 ? Math.min(poolReports, POOL_REPORTS_COUNTED) : 0;
        double evidence = Math.max(FAMILIARITY_FLOOR, Math.log(poolShare / userShare))
                + OWN_REPORT_EVIDENCE * reports + POOL_REPORT_EVIDENCE * poolReportsCounted;
        if (confirmations > reports) {
            if (evidence > 0) {
                reasons.add(RiskReason.CONTEXT_CONFIRMED_VALID);
            }
            return Math.min(evidence, 0);
        }
        if (reports > 0 || poolReportsCounted > 0) {
            reasons.add(RiskReason.CONTEXT_REPORTED_INVALID);
        } else if (count == 0 && history > 0) {
            reasons.add(feature.newValueReason());
        }
        return evidence;
    }

    static RiskLevel level(double score) {
        if (score >= HIGH_THRESHOLD) {
            return RiskLevel.HIGH;
        }
        if (score >= MEDIUM_THRESHOLD) {
            return RiskLevel.MEDIUM;
        }
        if (score >= LOW_THRESHOLD) {
            return RiskLevel.LOW;
        }
        return null;
    }
}
