package dev.authfeedback.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The confidence interval the benchmark gives with each targeted ratio. */
class RatioIntervalTest {

    @Test
    void twoPairsGiveStudentsIntervalOnTheLogarithms() {
        // logs -0.1 and 0.1: mean 0, standard error 0.1, t at one degree of freedom 12.706
        RatioInterval interval = RatioInterval.of(List.of(Math.exp(-0.1), Math.exp(0.1)));
        assertThat(interval.low()).isCloseTo(Math.exp(-1.2706), within(1e-9));
        assertThat(interval.high()).isCloseTo(Math.exp(1.2706), within(1e-9));
    }

    @Test
    void morePairsOfTheSameSpreadNarrowIt() {
        List<Double> two = List.of(0.8, 0.9);
        List<Double> eight = Collections.nCopies(4, two).stream().flatMap(List::stream).toList();
        RatioInterval fromTwo = RatioInterval.of(two);
        RatioInterval fromEight = RatioInterval.of(eight);
        assertThat(fromEight.low()).isGreaterThan(fromTwo.low()).isLessThan(0.8485);
        assertThat(fromEight.high()).isLessThan(fromTwo.high()).isGreaterThan(0.8486);
    }

    @Test
    void pairsThatAgreeGiveTheirRatioAndOnePairGivesNone() {
        RatioInterval agreeing = RatioInterval.of(List.of(0.85, 0.85, 0.85));
        assertThat(agreeing.low()).isCloseTo(0.85, within(1e-12));
        assertThat(agreeing.high()).isCloseTo(0.85, within(1e-12));
        assertThat(RatioInterval.of(List.of(0.85))).isNull();
    }
}
