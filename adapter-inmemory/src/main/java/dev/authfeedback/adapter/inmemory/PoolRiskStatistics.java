package dev.authfeedback.adapter.inmemory;

import dev.authfeedback.domain.risk.ContextFeatures;
import dev.authfeedback.domain.risk.PoolStatistics;
import dev.authfeedback.domain.risk.RiskFeature;
import dev.authfeedback.domain.risk.RiskLesson;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A pool's risk figures as striped counters: sign-ins from the same country add to the same figure
 * without contending on one memory word, and readers never lock.
 */
final class PoolRiskStatistics {

    private static final class ValueCounts {
        final LongAdder seen = new LongAdder();
        final LongAdder reports = new LongAdder();
    }

    private final LongAdder[] featureTotals = new LongAdder[RiskFeature.values().length];
    private final ConcurrentHashMap<Long, ValueCounts> values = new ConcurrentHashMap<>();

    PoolRiskStatistics() {
        for (int i = 0; i < featureTotals.length; i++) {
            featureTotals[i] = new LongAdder();
        }
    }

    void learn(RiskLesson lesson) {
        if (lesson.seen() == 0 && lesson.reports() == 0) {
            return;
        }
        for (RiskFeature feature : RiskFeature.values()) {
            long key = lesson.features().key(feature);
            if (key == 0) {
                continue;
            }
            ValueCounts counts = values.computeIfAbsent(key, absent -> new ValueCounts());
            if (lesson.seen() != 0) {
                featureTotals[feature.ordinal()].add(lesson.seen());
                counts.seen.add(lesson.seen());
            }
            if (lesson.reports() != 0) {
                counts.reports.add(lesson.reports());
            }
        }
    }

    PoolStatistics statistics(ContextFeatures context) {
        int features = featureTotals.length;
        long[] totals = new long[features];
        long[] seen = new long[features];
        long[] reports = new long[features];
        for (RiskFeature feature : RiskFeature.values()) {
            long key = context.key(feature);
            if (key == 0) {
                continue;
            }
            int index = feature.ordinal();
            totals[index] = featureTotals[index].sum();
            ValueCounts counts = values.get(key);
            if (counts != null) {
                seen[index] = counts.seen.sum();
                reports[index] = Math.max(0, counts.reports.sum());
            }
        }
        return new PoolStatistics(totals, seen, reports);
    }
}
