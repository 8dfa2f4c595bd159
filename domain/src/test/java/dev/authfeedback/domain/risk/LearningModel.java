package dev.authfeedback.domain.risk;

import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.EventFeedback;
import dev.authfeedback.domain.model.EventResponse;
import dev.authfeedback.domain.model.EventType;
import dev.authfeedback.domain.model.FeedbackProvider;
import dev.authfeedback.domain.model.FeedbackValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One user's events and the model they teach, applied the way a store applies lessons: each
 * recorded event and each verdict teaches its {@link RiskLesson} to the profile and the pool's
 * figures. The pool here is the user alone plus whatever {@link #poolEvent} adds.
 */
final class LearningModel {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final List<AuthEvent> events = new ArrayList<>();
    private RiskProfile profile = RiskProfile.EMPTY;
    private final long[] featureTotals = new long[RiskFeature.values().length];
    private final Map<Long, long[]> valueCounts = new HashMap<>();

    LearningModel copy() {
        LearningModel copy = new LearningModel();
        copy.events.addAll(events);
        copy.profile = profile;
        System.arraycopy(featureTotals, 0, copy.featureTotals, 0, featureTotals.length);
        valueCounts.forEach((key, counts) -> copy.valueCounts.put(key, counts.clone()));
        return copy;
    }

    /** Records an event of the user; answers its index. */
    int record(EventContextData context, EventResponse response) {
        AuthEvent event = new AuthEvent("p_1", "sub", "e" + events.size(), EventType.SIGN_IN,
                T0.plusSeconds(events.size()), response, null, List.of(), context, null, List.of());
        events.add(event);
        teach(RiskLesson.recorded(event));
        return events.size() - 1;
    }

    /** Another user's event with this context: only the pool's figures learn of it. */
    void poolEvent(EventContextData context) {
        RiskLesson lesson = new RiskLesson(ContextFeatures.of(context), 1, 1, 0, 0);
        teachPool(lesson);
    }

    /** Another user's Invalid verdict on an event with this context. */
    void poolReport(EventContextData context) {
        teachPool(new RiskLesson(ContextFeatures.of(context), 0, 0, 0, 1));
    }

    void feedback(int index, FeedbackValue value) {
        AuthEvent before = events.get(index);
        EventFeedback feedback = new EventFeedback(value, FeedbackProvider.ADMIN, T0);
        events.set(index, before.withFeedback(feedback));
        teach(RiskLesson.relabelled(before, before.eventFeedback(), feedback));
    }

    int size() {
        return events.size();
    }

    RiskProfile profile() {
        return profile;
    }

    RiskEvaluator.Assessment assess(EventContextData context) {
        ContextFeatures features = ContextFeatures.of(context);
        return RiskEvaluator.assess(profile, statistics(features), features);
    }

    private void teach(RiskLesson lesson) {
        profile = profile.learn(lesson);
        teachPool(lesson);
    }

    private void teachPool(RiskLesson lesson) {
        for (RiskFeature feature : RiskFeature.values()) {
            long key = lesson.features().key(feature);
            if (key == 0) {
                continue;
            }
            featureTotals[feature.ordinal()] += lesson.seen();
            long[] counts = valueCounts.computeIfAbsent(key, absent -> new long[2]);
            counts[0] += lesson.seen();
            counts[1] += lesson.reports();
        }
    }

    private PoolStatistics statistics(ContextFeatures features) {
        int size = RiskFeature.values().length;
        long[] totals = new long[size];
        long[] seen = new long[size];
        long[] reports = new long[size];
        for (RiskFeature feature : RiskFeature.values()) {
            long key = features.key(feature);
            if (key != 0) {
                totals[feature.ordinal()] = featureTotals[feature.ordinal()];
                long[] counts = valueCounts.getOrDefault(key, new long[2]);
                seen[feature.ordinal()] = counts[0];
                reports[feature.ordinal()] = counts[1];
            }
        }
        return new PoolStatistics(totals, seen, reports);
    }
}
