package dev.authfeedback.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.EventResponse;
import dev.authfeedback.domain.model.FeedbackValue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract's promises about feedback, over random histories: random contexts from a small
 * alphabet (so values repeat, as real ones do), random outcomes, random verdicts on random earlier
 * events, and contexts from other users of the pool.
 */
class FeedbackTrainsTheEvaluatorTest {

    private static final double ROUNDING = 1e-9;
    private static final String[] IPS = {"203.0.113.5", "203.0.113.77", "198.51.100.9", "2001:db8:1::5",
        "2001:db8:1:ffff::9", "192.0.2.44"};
    private static final String[] COUNTRIES = {"Norway", "Sweden", "Brazil"};
    private static final String[] CITIES = {"Oslo", "Bergen", "Recife"};
    private static final String[] DEVICES = {"Firefox 120, Linux", "Safari 17, iOS", "Chrome 119, Windows"};
    private static final String[] TIMEZONES = {"+01:00", "-03:00"};

    @Test
    void anInvalidVerdictNeverLowersALaterScore() {
        qt().forAll(longs().all(), integers().between(1, 80)).checkAssert((seed, length) -> {
            Random random = new Random(seed);
            LearningModel history = history(random, length);
            int judged = random.nextInt(history.size());
            LearningModel judgedInvalid = history.copy();
            judgedInvalid.feedback(judged, FeedbackValue.INVALID);
            for (int probe = 0; probe < 20; probe++) {
                EventContextData context = context(random);
                assertThat(judgedInvalid.assess(context).score())
                        .as("seed %d", seed).isGreaterThanOrEqualTo(history.assess(context).score() - ROUNDING);
            }
        });
    }

    @Test
    void aValidVerdictNeverRaisesALaterScore() {
        qt().forAll(longs().all(), integers().between(1, 80)).checkAssert((seed, length) -> {
            Random random = new Random(seed);
            LearningModel history = history(random, length);
            int judged = random.nextInt(history.size());
            LearningModel judgedValid = history.copy();
            judgedValid.feedback(judged, FeedbackValue.VALID);
            for (int probe = 0; probe < 20; probe++) {
                EventContextData context = context(random);
                assertThat(judgedValid.assess(context).score())
                        .as("seed %d", seed).isLessThanOrEqualTo(history.assess(context).score() + ROUNDING);
            }
        });
    }

    /**
     * The documented bound: a context is back to no risk once each of its values has more Valid
     * verdicts than Invalid ones, so it takes one confirmation more than the Invalid verdicts its
     * values carry: one, for a context nobody reported.
     */
    @Test
    void confirmationsBringAContextBackToNoRiskWithinTheDocumentedNumber() {
        qt().forAll(longs().all(), integers().between(1, 80)).checkAssert((seed, length) -> {
            Random random = new Random(seed);
            LearningModel history = history(random, length);
            EventContextData context = context(random);
            ContextFeatures features = ContextFeatures.of(context);
            int reports = 0;
            for (RiskFeature feature : RiskFeature.values()) {
                long key = features.key(feature);
                if (key != 0) {
                    reports = Math.max(reports, history.profile().reports(feature, key)
                            - history.profile().confirmations(feature, key));
                }
            }
            int confirmations = 0;
            while (history.assess(context).level() != null) {
                history.feedback(history.record(context, EventResponse.FAIL), FeedbackValue.VALID);
                confirmations++;
                assertThat(confirmations).as("seed %d", seed).isLessThanOrEqualTo(reports + 1);
            }
            assertThat(history.assess(context).score()).isLessThan(RiskEvaluator.LOW_THRESHOLD);
        });
    }

    @Test
    void aReplacedVerdictIsTakenBackEntirely() {
        qt().forAll(longs().all(), integers().between(1, 60)).checkAssert((seed, length) -> {
            Random random = new Random(seed);
            LearningModel history = history(random, length);
            int judged = history.record(context(random), EventResponse.PASS);
            LearningModel valid = history.copy();
            valid.feedback(judged, FeedbackValue.VALID);
            LearningModel invalidThenValid = history.copy();
            invalidThenValid.feedback(judged, FeedbackValue.INVALID);
            invalidThenValid.feedback(judged, FeedbackValue.VALID);
            assertThat(invalidThenValid.profile()).as("seed %d", seed).isEqualTo(valid.profile());
            EventContextData probe = context(random);
            assertThat(invalidThenValid.assess(probe).score()).isCloseTo(valid.assess(probe).score(),
                    org.assertj.core.data.Offset.offset(ROUNDING));
        });
    }

    private static LearningModel history(Random random, int length) {
        LearningModel model = new LearningModel();
        model.record(context(random), EventResponse.PASS);
        for (int step = 1; step < length; step++) {
            int move = random.nextInt(10);
            if (move < 6) {
                model.record(context(random), random.nextInt(5) == 0 ? EventResponse.FAIL : EventResponse.PASS);
            } else if (move < 9) {
                model.feedback(random.nextInt(model.size()),
                        random.nextBoolean() ? FeedbackValue.VALID : FeedbackValue.INVALID);
            } else {
                model.poolEvent(context(random));
            }
        }
        return model;
    }

    private static EventContextData context(Random random) {
        return new EventContextData(pick(random, IPS), pick(random, DEVICES), pick(random, TIMEZONES),
                pick(random, CITIES), pick(random, COUNTRIES));
    }

    /** One of the values, or now and then none. */
    private static String pick(Random random, String[] values) {
        return random.nextInt(8) == 0 ? null : values[random.nextInt(values.length)];
    }
}
