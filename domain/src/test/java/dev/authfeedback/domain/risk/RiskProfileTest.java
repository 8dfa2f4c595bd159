package dev.authfeedback.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authfeedback.domain.model.AuthEvent;
import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.EventFeedback;
import dev.authfeedback.domain.model.EventResponse;
import dev.authfeedback.domain.model.EventType;
import dev.authfeedback.domain.model.FeedbackProvider;
import dev.authfeedback.domain.model.FeedbackValue;
import dev.authfeedback.domain.model.RiskReason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The profile's bounds: where counts halve, which value leaves a full feature, and what teaches nothing. */
class RiskProfileTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final EventContextData OSLO = new EventContextData("203.0.113.5", "Firefox", "+01:00", "Oslo",
            "Norway");
    private static final ContextFeatures OSLO_FEATURES = ContextFeatures.of(OSLO);

    @Test
    void countsHalveWhenAFeaturesHistoryReachesTheLimit() {
        LearningModel model = new LearningModel();
        for (int i = 0; i < RiskProfile.HISTORY_LIMIT - 1; i++) {
            model.record(OSLO, EventResponse.PASS);
        }
        for (RiskFeature feature : RiskFeature.values()) {
            assertThat(model.profile().historySize(feature)).as(feature.name()).isEqualTo(127.0);
            assertThat(model.profile().count(feature, OSLO_FEATURES.key(feature))).as(feature.name()).isEqualTo(127.0);
        }
        model.record(OSLO, EventResponse.PASS);
        for (RiskFeature feature : RiskFeature.values()) {
            assertThat(model.profile().historySize(feature)).as(feature.name()).isEqualTo(64.0);
            assertThat(model.profile().count(feature, OSLO_FEATURES.key(feature))).as(feature.name()).isEqualTo(64.0);
        }
    }

    /** Halving a full feature touches its own values only. */
    @Test
    void halvingAFullFeatureLeavesTheNextOneAlone() {
        LearningModel model = new LearningModel();
        for (int i = 0; i < RiskProfile.HISTORY_LIMIT; i++) {
            model.record(address(i % RiskProfile.VALUES_PER_FEATURE), EventResponse.PASS);
        }
        long network = ContextFeatures.of(address(0)).key(RiskFeature.NETWORK);
        assertThat(model.profile().historySize(RiskFeature.NETWORK)).isEqualTo(64.0);
        assertThat(model.profile().count(RiskFeature.NETWORK, network)).isEqualTo(64.0);
        assertThat(model.profile().count(RiskFeature.IP_ADDRESS, ContextFeatures.of(address(0))
                .key(RiskFeature.IP_ADDRESS))).isEqualTo(4.0);
    }

    /** Making room in a full feature looks at that feature's values only. */
    @Test
    void evictionLeavesTheNextFeatureAlone() {
        LearningModel model = new LearningModel();
        model.record(new EventContextData("198.51.100.0", null, null, null, null), EventResponse.PASS);
        // the first network is now the oldest value anywhere in the profile
        for (int i = 0; i < RiskProfile.VALUES_PER_FEATURE; i++) {
            model.record(new EventContextData("203.0.113." + i, null, null, null, null), EventResponse.PASS);
        }
        model.record(new EventContextData("203.0.113.200", null, null, null, null), EventResponse.PASS);
        ContextFeatures newest = ContextFeatures.of(new EventContextData("203.0.113.200", null, null, null, null));
        ContextFeatures first = ContextFeatures.of(new EventContextData("198.51.100.0", null, null, null, null));
        assertThat(model.profile().count(RiskFeature.IP_ADDRESS, newest.key(RiskFeature.IP_ADDRESS))).isEqualTo(1.0);
        assertThat(model.profile().count(RiskFeature.IP_ADDRESS, first.key(RiskFeature.IP_ADDRESS))).isZero();
        assertThat(model.profile().count(RiskFeature.NETWORK, first.key(RiskFeature.NETWORK))).isEqualTo(1.0);
    }

    @Test
    void aFullFeatureLetsTheValueSeenLongestAgoGo() {
        LearningModel model = new LearningModel();
        for (int i = 0; i < RiskProfile.VALUES_PER_FEATURE; i++) {
            model.record(address(i), EventResponse.PASS);
        }
        model.record(address(0), EventResponse.PASS); // seen again: now address 1 is the oldest
        model.record(address(100), EventResponse.PASS);
        assertThat(known(model, 0)).isTrue();
        assertThat(known(model, 1)).isFalse();
        for (int i = 2; i < RiskProfile.VALUES_PER_FEATURE; i++) {
            assertThat(known(model, i)).as("address %d", i).isTrue();
        }
        assertThat(known(model, 100)).isTrue();
        model.record(address(101), EventResponse.PASS);
        assertThat(known(model, 2)).isFalse();
        assertThat(known(model, 0)).isTrue();
    }

    @Test
    void aFullProfileRoundTripsThroughBytes() {
        LearningModel model = new LearningModel();
        for (int i = 0; i < 40; i++) {
            model.feedback(model.record(address(i), EventResponse.PASS), i % 2 == 0 ? FeedbackValue.VALID
                    : FeedbackValue.INVALID);
        }
        RiskProfile full = model.profile();
        RiskProfile read = RiskProfile.fromBytes(full.toBytes());
        assertThat(read).isEqualTo(full).hasSameHashCodeAs(full);
        assertThat(read).isNotEqualTo(RiskProfile.EMPTY);
        assertThat(full.toString()).startsWith("RiskProfile[").contains("recorded=40").doesNotContain("203.0.113");
    }

    @Test
    void eventsFromAListedRangeOrWithoutAContextTeachNothing() {
        for (RiskReason listed : List.of(RiskReason.SKIPPED_IP_RANGE, RiskReason.BLOCKED_IP_RANGE)) {
            AuthEvent event = event(OSLO, EventResponse.PASS, List.of(listed));
            assertThat(RiskLesson.recorded(event)).isEqualTo(RiskLesson.NONE);
            assertThat(RiskLesson.relabelled(event, null, invalid())).isEqualTo(RiskLesson.NONE);
        }
        AuthEvent withoutContext = event(null, EventResponse.PASS, List.of());
        assertThat(RiskLesson.recorded(withoutContext)).isEqualTo(RiskLesson.NONE);
        assertThat(RiskLesson.relabelled(withoutContext, null, invalid())).isEqualTo(RiskLesson.NONE);
        AuthEvent passed = event(OSLO, EventResponse.PASS, List.of(RiskReason.NEW_DEVICE));
        assertThat(RiskLesson.recorded(passed)).isEqualTo(new RiskLesson(OSLO_FEATURES, 1, 1, 0, 0));
        assertThat(RiskLesson.relabelled(passed, invalid(), invalid())).isEqualTo(RiskLesson.NONE);
        assertThat(RiskLesson.relabelled(passed, null, invalid())).isEqualTo(new RiskLesson(OSLO_FEATURES, 0, -1, 0, 1));
        assertThat(RiskLesson.relabelled(event(OSLO, EventResponse.FAIL, List.of()), null, invalid()))
                .isEqualTo(new RiskLesson(OSLO_FEATURES, 0, 0, 0, 1));
        assertThat(RiskProfile.EMPTY.learn(RiskLesson.NONE)).isSameAs(RiskProfile.EMPTY);
    }

    @Test
    void featuresAndFiguresCompareByValue() {
        ContextFeatures oslo = ContextFeatures.of(OSLO);
        ContextFeatures other = ContextFeatures.of(new EventContextData("203.0.113.6", null, null, null, null));
        assertThat(oslo).isEqualTo(ContextFeatures.of(OSLO)).hasSameHashCodeAs(ContextFeatures.of(OSLO))
                .isNotEqualTo(other).isNotEqualTo("Oslo");
        assertThat(oslo.toString()).startsWith("ContextFeatures[").doesNotContain("203.0.113", "Oslo", "Firefox");
        long[] six = {1, 2, 3, 4, 5, 6};
        PoolStatistics figures = new PoolStatistics(six.clone(), six.clone(), six.clone());
        assertThat(figures).isEqualTo(new PoolStatistics(six.clone(), six.clone(), six.clone()))
                .hasSameHashCodeAs(new PoolStatistics(six.clone(), six.clone(), six.clone()))
                .isNotEqualTo(PoolStatistics.EMPTY).isNotEqualTo(new PoolStatistics(six.clone(), six.clone(),
                        new long[6]));
        assertThat(figures.hashCode()).isNotEqualTo(PoolStatistics.EMPTY.hashCode());
        assertThat(figures.toString()).isEqualTo("PoolStatistics[featureTotals=[1, 2, 3, 4, 5, 6], valueCounts="
                + "[1, 2, 3, 4, 5, 6], valueReports=[1, 2, 3, 4, 5, 6]]");
    }

    private static boolean known(LearningModel model, int i) {
        ContextFeatures features = ContextFeatures.of(address(i));
        return model.profile().count(RiskFeature.IP_ADDRESS, features.key(RiskFeature.IP_ADDRESS)) > 0;
    }

    private static EventContextData address(int i) {
        return new EventContextData("198.51.100." + i, null, null, null, null);
    }

    private static EventFeedback invalid() {
        return new EventFeedback(FeedbackValue.INVALID, FeedbackProvider.USER, T0);
    }

    private static AuthEvent event(EventContextData context, EventResponse response, List<RiskReason> reasons) {
        return new AuthEvent("p_1", "sub", "e1", EventType.SIGN_IN, T0, response, null, List.of(), context, null,
                reasons);
    }
}
