package dev.authfeedback.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.authfeedback.domain.model.EventContextData;
import dev.authfeedback.domain.model.EventResponse;
import dev.authfeedback.domain.model.FeedbackValue;
import dev.authfeedback.domain.model.RiskLevel;
import dev.authfeedback.domain.model.RiskReason;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The evaluator's documented behaviour, including the README's worked example, figure for figure. */
class RiskEvaluatorTest {

    static final EventContextData HOME = new EventContextData("203.0.113.5", "Firefox 120, Linux", "+01:00", "Oslo",
            "Norway");
    static final EventContextData HOME_NEW_ADDRESS = new EventContextData("203.0.113.77", "Firefox 120, Linux",
            "+01:00", "Oslo", "Norway");
    static final EventContextData TRIP = new EventContextData("192.0.2.44", "Firefox 120, Linux", "+02:00",
            "Stockholm", "Sweden");
    static final EventContextData STRANGER = new EventContextData("198.51.100.9", "Chrome 119, Windows", "-03:00",
            "Recife", "Brazil");

    @Test
    void aNewUsersFirstSignInHasNoRisk() {
        LearningModel model = new LearningModel();
        RiskEvaluator.Assessment first = model.assess(STRANGER);
        assertThat(first.score()).isEqualTo(0.0);
        assertThat(first.level()).isNull();
        assertThat(first.reasons()).isEmpty();
    }

    @Test
    void aFamiliarContextHasNoRiskAndNoReasons() {
        LearningModel model = janeAtHome();
        RiskEvaluator.Assessment again = model.assess(HOME);
        assertThat(again.level()).isNull();
        assertThat(again.score()).isLessThan(0);
        assertThat(again.reasons()).isEmpty();
        RiskEvaluator.Assessment newAddress = model.assess(HOME_NEW_ADDRESS);
        assertThat(newAddress.level()).isNull();
        assertThat(newAddress.reasons()).containsExactly(RiskReason.NEW_IP_ADDRESS);
    }

    /** The README's worked example. */
    @Test
    void workedExample() {
        LearningModel model = janeAtHome();
        RiskEvaluator.Assessment stranger = model.assess(STRANGER);
        // every feature new after 20 sign-ins: ln(1 + 20) in each, weights summing to 1
        assertThat(stranger.score()).isCloseTo(Math.log(21), offset(1e-9));
        assertThat(stranger.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(stranger.reasons()).containsExactlyInAnyOrder(RiskReason.NEW_IP_ADDRESS, RiskReason.NEW_NETWORK,
                RiskReason.NEW_COUNTRY, RiskReason.NEW_CITY, RiskReason.NEW_DEVICE, RiskReason.NEW_TIMEZONE);

        RiskEvaluator.Assessment trip = model.assess(TRIP);
        assertThat(trip.level()).isEqualTo(RiskLevel.MEDIUM);
        // the known device: 20 of Jane's 20 sign-ins, 21 of the pool's 25 (smoothed)
        double devicePoolShare = 21.0 / 25;
        double deviceEvidence = Math.log(devicePoolShare / ((20 + devicePoolShare) / 21));
        assertThat(trip.score()).isCloseTo(0.8 * Math.log(21) + 0.2 * deviceEvidence, offset(1e-9));
        assertThat(trip.reasons()).doesNotContain(RiskReason.NEW_DEVICE);

        int strangersAttempt = model.record(STRANGER, EventResponse.FAIL);
        model.feedback(strangersAttempt, FeedbackValue.INVALID);
        RiskEvaluator.Assessment reported = model.assess(STRANGER);
        assertThat(reported.reasons()).containsExactly(RiskReason.CONTEXT_REPORTED_INVALID);
        assertThat(reported.score()).isCloseTo(stranger.score() + 3 + 1, offset(1e-9));

        int tripSignIn = model.record(TRIP, EventResponse.PASS);
        model.feedback(tripSignIn, FeedbackValue.VALID);
        RiskEvaluator.Assessment confirmed = model.assess(TRIP);
        assertThat(confirmed.level()).isNull();
        assertThat(confirmed.reasons()).contains(RiskReason.CONTEXT_CONFIRMED_VALID);
    }

    @Test
    void aConfirmationIsAReasonOnlyWhereItKeptRiskAway() {
        LearningModel model = janeAtHome();
        model.feedback(model.record(HOME, EventResponse.PASS), FeedbackValue.VALID);
        assertThat(model.assess(HOME).reasons()).isEmpty();
        assertThat(model.assess(HOME).level()).isNull();
    }

    @Test
    void theThresholdsAreTheDocumentedOnes() {
        assertThat(RiskEvaluator.level(0.7499)).isNull();
        assertThat(RiskEvaluator.level(0.75)).isEqualTo(RiskLevel.LOW);
        assertThat(RiskEvaluator.level(1.4999)).isEqualTo(RiskLevel.LOW);
        assertThat(RiskEvaluator.level(1.5)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskEvaluator.level(2.4999)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskEvaluator.level(2.5)).isEqualTo(RiskLevel.HIGH);
        assertThat(Arrays.stream(RiskFeature.values()).mapToDouble(RiskFeature::weight).sum())
                .isCloseTo(1.0, offset(1e-12));
    }

    @Test
    void onlyASignInThatPassedJoinsTheHistory() {
        LearningModel model = janeAtHome();
        for (int i = 0; i < 5; i++) {
            model.record(STRANGER, EventResponse.FAIL);
            // an attacker who keeps failing the MFA challenge: the event stays InProgress
            model.record(STRANGER, EventResponse.IN_PROGRESS);
            model.record(STRANGER, null);
        }
        assertThat(model.assess(STRANGER).level()).isEqualTo(RiskLevel.HIGH);
        model.record(STRANGER, EventResponse.PASS);
        assertThat(model.assess(STRANGER).reasons()).doesNotContain(RiskReason.NEW_COUNTRY);
    }

    @Test
    void othersReportsWarnOfNewValuesButLeaveAUsersFamiliarOnesAlone() {
        LearningModel model = janeAtHome();
        double before = model.assess(HOME).score();
        for (int i = 0; i < 3; i++) {
            model.poolReport(HOME);
            model.poolReport(STRANGER);
        }
        assertThat(model.assess(HOME).score()).isEqualTo(before);
        assertThat(model.assess(HOME).reasons()).isEmpty();
        RiskEvaluator.Assessment stranger = model.assess(STRANGER);
        assertThat(stranger.score()).isCloseTo(Math.log(21) + 3, offset(1e-9));
        assertThat(stranger.reasons()).containsExactly(RiskReason.CONTEXT_REPORTED_INVALID);
        // a fourth report adds nothing: at most three count
        model.poolReport(STRANGER);
        assertThat(model.assess(STRANGER).score()).isCloseTo(Math.log(21) + 3, offset(1e-9));
    }

    /** Bounded aggregates: ten thousand sign-ins from ten thousand addresses leave a profile of fixed size. */
    @Test
    void theProfileStaysTheSameSizeWhateverTheHistory() {
        LearningModel model = new LearningModel();
        for (int i = 0; i < 16; i++) {
            model.record(address(i), EventResponse.PASS);
        }
        int sizeAfterSixteen = model.profile().toBytes().length;
        for (int i = 16; i < 10_000; i++) {
            model.record(address(i), EventResponse.PASS);
        }
        assertThat(model.profile().toBytes()).hasSize(sizeAfterSixteen);
        assertThat(model.profile().historySize(RiskFeature.IP_ADDRESS))
                .isLessThan(RiskProfile.HISTORY_LIMIT);
        // the newest addresses are remembered, the oldest forgotten
        assertThat(model.assess(address(9_999)).reasons()).doesNotContain(RiskReason.NEW_IP_ADDRESS);
        assertThat(model.assess(address(0)).reasons()).contains(RiskReason.NEW_IP_ADDRESS);
    }

    @Test
    void profilesRoundTripThroughBytesAndRejectAnythingElse() {
        RiskProfile profile = janeAtHome().profile();
        assertThat(RiskProfile.fromBytes(profile.toBytes())).isEqualTo(profile);
        assertThat(RiskProfile.fromBytes(RiskProfile.EMPTY.toBytes())).isEqualTo(RiskProfile.EMPTY);
        byte[] bytes = profile.toBytes();
        assertThatThrownBy(() -> RiskProfile.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RiskProfile.fromBytes(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] otherFormat = bytes.clone();
        otherFormat[0] = 9;
        assertThatThrownBy(() -> RiskProfile.fromBytes(otherFormat)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAreComparedNormalised() {
        assertThat(ContextFeatures.of(new EventContextData("2001:DB8::1", " Firefox ", "UTC", " Oslo", "NORWAY")))
                .isEqualTo(ContextFeatures.of(new EventContextData("2001:db8:0::1", "firefox", "utc", "oslo",
                        "Norway")));
        ContextFeatures one = ContextFeatures.of(new EventContextData("203.0.113.5", null, null, null, null));
        ContextFeatures sameNetwork = ContextFeatures.of(new EventContextData("203.0.113.77", null, null, null, null));
        assertThat(one.key(RiskFeature.NETWORK)).isEqualTo(sameNetwork.key(RiskFeature.NETWORK));
        assertThat(one.key(RiskFeature.IP_ADDRESS)).isNotEqualTo(sameNetwork.key(RiskFeature.IP_ADDRESS));
        // a city is known within its country
        assertThat(ContextFeatures.of(new EventContextData(null, null, null, "Springfield", "US"))
                .key(RiskFeature.CITY)).isNotEqualTo(ContextFeatures.of(
                        new EventContextData(null, null, null, "Springfield", "Australia")).key(RiskFeature.CITY));
        // what is not an address is still a value, with no network
        ContextFeatures notAnAddress = ContextFeatures.of(new EventContextData("unknown", null, null, null, ""));
        assertThat(notAnAddress.key(RiskFeature.IP_ADDRESS)).isNotZero();
        assertThat(notAnAddress.key(RiskFeature.NETWORK)).isZero();
        assertThat(notAnAddress.key(RiskFeature.COUNTRY)).isZero();
        assertThat(ContextFeatures.of(null).isEmpty()).isTrue();
    }

    @Test
    void aMissingFeatureAddsNothing() {
        LearningModel model = janeAtHome();
        RiskEvaluator.Assessment addressOnly = model.assess(new EventContextData("198.51.100.9", null, null, null,
                null));
        assertThat(addressOnly.reasons()).isEqualTo(Set.of(RiskReason.NEW_IP_ADDRESS, RiskReason.NEW_NETWORK));
        assertThat(addressOnly.score()).isCloseTo(0.35 * Math.log(21), offset(1e-9));
    }

    /** Jane signs in twenty times from home; four other users of the pool sign in from Oslo too. */
    static LearningModel janeAtHome() {
        LearningModel model = new LearningModel();
        for (int i = 0; i < 20; i++) {
            model.record(HOME, EventResponse.PASS);
        }
        for (int i = 0; i < 4; i++) {
            model.poolEvent(new EventContextData("203.0.113." + (100 + i), "Safari 17, iOS", "+01:00", "Oslo",
                    "Norway"));
        }
        return model;
    }

    private static EventContextData address(int i) {
        return new EventContextData("10." + (i >> 8) + "." + (i & 0xFF) + ".1", null, null, null, null);
    }
}
