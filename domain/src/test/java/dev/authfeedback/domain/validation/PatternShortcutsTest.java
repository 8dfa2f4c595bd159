package dev.authfeedback.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** The table shortcuts of {@link StringShape#matchesPattern} answer exactly as the model's regex does. */
class PatternShortcutsTest {

    private static List<StringShape> shapesWithPatterns() throws IllegalAccessException {
        List<StringShape> shapes = new ArrayList<>();
        for (Field field : Shapes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof StringShape shape
                    && shape.pattern() != null) {
                shapes.add(shape);
            }
        }
        return shapes;
    }

    @Test
    void everyShapeAnswersAsItsRegexAtTheEdgeOfAscii() throws IllegalAccessException {
        for (StringShape shape : shapesWithPatterns()) {
            for (String value : List.of("a\u007f", "a\u0080", "\u0080", "\u00e9", "ab")) {
                assertThat(shape.matchesPattern(value)).as("%s on '%s'", shape.name(), value)
                        .isEqualTo(shape.pattern().matcher(value).matches());
            }
        }
    }

    @Test
    void everyShapeAnswersAsItsRegexForAnyString() throws IllegalAccessException {
        List<StringShape> shapes = shapesWithPatterns();
        assertThat(shapes).hasSizeGreaterThan(5);
        qt().withExamples(5000).forAll(Generate.pick(shapes), strings().ascii().ofLengthBetween(0, 12)
                        .mix(strings().allPossible().ofLengthBetween(0, 6)))
                .checkAssert((shape, value) -> assertThat(shape.matchesPattern(value))
                        .as("%s on '%s'", shape.name(), value)
                        .isEqualTo(shape.pattern().matcher(value).matches()));
    }

    @Test
    void poolIdsAreSplitAtAnySeparatorAsTheRegexDoes() {
        StringShape poolId = Shapes.USER_POOL_ID;
        // with the first characters past ASCII, where the tables end and the regex takes over
        List<String> samples = List.of("us-east-1_abc", "a_b", "_ab", "ab_", "a__b", "a_b_c", "a-_b", "a_b-c", "__",
                "a_", "_", "", "us_east_1_X9", "a_b_", "a_-b", "a\u007f_b", "a\u0080_b", "a_b\u0080", "\u0080");
        for (String sample : samples) {
            assertThat(poolId.matchesPattern(sample)).as(sample).isEqualTo(poolId.pattern().matcher(sample).matches());
        }
        qt().withExamples(20000).forAll(org.quicktheories.generators.SourceDSL.lists()
                        .of(Generate.pick(List.of("a", "Z", "9", "_", "-", "!", " ", "é"))).ofSizeBetween(0, 8))
                .checkAssert(parts -> {
                    String value = String.join("", parts);
                    assertThat(poolId.matchesPattern(value)).as(value)
                            .isEqualTo(poolId.pattern().matcher(value).matches());
                });
    }
}
