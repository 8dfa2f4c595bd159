package dev.authfeedback.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.authfeedback.domain.error.InvalidParameterException;
import dev.authfeedback.domain.port.in.AdminListUserAuthEventsCommand;
import dev.authfeedback.domain.port.in.AdminUpdateAuthEventFeedbackCommand;
import dev.authfeedback.domain.port.in.UpdateAuthEventFeedbackCommand;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Any value inside a member's constraints is accepted; any value outside yields the matching AWS
 * message, for the members of the feedback operations.
 */
class ValidationPropertiesTest {

    private static final String POOL = "us-east-1_abc123";
    private static final String EVENT = "0b6c0d8e-1111-4e5f-9a0b-123456789abc";

    private static final List<Character> WORD = chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    private static final List<Character> ALNUM = chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    private static final List<Character> TOKEN = chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=.");

    private static List<Character> chars(String alphabet) {
        return alphabet.chars().mapToObj(c -> (char) c).toList();
    }

    private static Gen<String> stringOf(List<Character> alphabet, int min, int max) {
        return lists().of(Generate.pick(alphabet)).ofSizeBetween(min, max)
                .map(cs -> cs.stream().map((Character c) -> String.valueOf(c)).collect(Collectors.joining()));
    }

    private static InvalidParameterException rejection(Runnable construct) {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, construct::run);
        assertThat(error).as("should be rejected").isNotNull();
        return error;
    }

    @Test
    void poolIdsOfTheModelShapeAreAccepted() {
        Gen<String> poolIds = stringOf(chars("abcdefghijklmnopqrstuvwxyz0123456789-_"), 1, 20)
                .zip(stringOf(ALNUM, 1, 30), (prefix, suffix) -> prefix + "_" + suffix);
        qt().forAll(poolIds).checkAssert(poolId -> assertThatCode(
                () -> new AdminUpdateAuthEventFeedbackCommand(poolId, "jane", EVENT, "Valid"))
                .doesNotThrowAnyException());
    }

    @Test
    void poolIdsWithAForbiddenCharacterBreakThePattern() {
        Gen<String> forbidden = Generate.pick(chars(" !#$%&'()*+,./:;<=>?@[]^`{|}~\t")).map((Character c) -> String.valueOf(c));
        qt().forAll(stringOf(WORD, 1, 20), forbidden, stringOf(ALNUM, 1, 20))
                .checkAssert((prefix, bad, suffix) -> {
                    String poolId = prefix + bad + "_" + suffix;
                    InvalidParameterException error = rejection(
                            () -> new AdminUpdateAuthEventFeedbackCommand(poolId, "jane", EVENT, "Valid"));
                    assertThat(error.getMessage()).isEqualTo("1 validation error detected: Value '" + poolId
                            + "' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular "
                            + "expression pattern: [\\w-]+_[0-9a-zA-Z]+");
                    assertThat(error.violations()).extracting(Violation::path).containsExactly("userPoolId");
                });
    }

    @Test
    void eventIdsUpToFiftyCharactersAreAcceptedAndLongerOnesAreNot() {
        List<Character> eventChars = chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+-");
        qt().forAll(stringOf(eventChars, 1, 50)).checkAssert(eventId -> assertThatCode(
                () -> new AdminUpdateAuthEventFeedbackCommand(POOL, "jane", eventId, "Invalid"))
                .doesNotThrowAnyException());
        qt().forAll(stringOf(eventChars, 51, 120)).checkAssert(eventId -> assertThat(rejection(
                () -> new AdminUpdateAuthEventFeedbackCommand(POOL, "jane", eventId, "Invalid")).getMessage())
                .isEqualTo("1 validation error detected: Value '" + eventId + "' at 'eventId' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 50"));
    }

    @Test
    void usernamesOfVisibleCharactersAreAcceptedInAnyScript() {
        // letters, marks, symbols, numbers, punctuation from several scripts, counted in code points
        List<String> visible = List.of("a", "Z", "9", "é", "ß", "Ж", "中", "😀", "€", "-", ".", "@", "+", "_", "ü", "ـ");
        Gen<String> usernames = lists().of(Generate.pick(visible)).ofSizeBetween(1, 128)
                .map(parts -> String.join("", parts));
        qt().forAll(usernames).checkAssert(username -> assertThatCode(
                () -> new AdminUpdateAuthEventFeedbackCommand(POOL, username, EVENT, "Valid"))
                .doesNotThrowAnyException());
    }

    @Test
    void usernamesWithWhitespaceAreRejectedWithoutEchoingThem() {
        Gen<String> spaces = Generate.pick(List.of(" ", "\t", "\n", "\u00a0"));
        qt().forAll(stringOf(WORD, 1, 40), spaces, stringOf(WORD, 1, 40)).checkAssert((left, space, right) -> {
            String username = left + space + right;
            InvalidParameterException error = rejection(
                    () -> new AdminUpdateAuthEventFeedbackCommand(POOL, username, EVENT, "Valid"));
            assertThat(error.getMessage()).isEqualTo("1 validation error detected: Value at 'username' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: "
                    + "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
        });
    }

    @Test
    void tokensOfTheModelAlphabetPassValidationAndOthersNeverEcho() {
        qt().forAll(stringOf(TOKEN, 1, 300)).checkAssert(token -> assertThatCode(
                () -> new UpdateAuthEventFeedbackCommand(POOL, "jane", EVENT, token, "Valid"))
                .doesNotThrowAnyException());
        Gen<String> bad = Generate.pick(chars("!\"#$%&'()*+,/:;<>?@[\\]^`{|}~ ")).map((Character c) -> String.valueOf(c));
        qt().forAll(stringOf(TOKEN, 0, 50), bad).checkAssert((prefix, badChar) -> {
            String token = prefix + badChar + "secretPart";
            InvalidParameterException error = rejection(
                    () -> new UpdateAuthEventFeedbackCommand(POOL, "jane", EVENT, token, "Valid"));
            assertThat(error.getMessage()).doesNotContain("secretPart").contains("Value at 'feedbackToken'");
        });
    }

    @Test
    void anyFeedbackValueButValidAndInvalidIsOutsideTheEnum() {
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 12))
                .assuming(value -> !value.equals("Valid") && !value.equals("Invalid"))
                .checkAssert(value -> assertThat(rejection(
                        () -> new AdminUpdateAuthEventFeedbackCommand(POOL, "jane", EVENT, value)).getMessage())
                        .isEqualTo("1 validation error detected: Value '" + value + "' at 'feedbackValue' failed to "
                                + "satisfy constraint: Member must satisfy enum value set: [Valid, Invalid]"));
    }

    @Test
    void maxResultsInsideTheRangeIsAcceptedAndOutsideIsNot() {
        qt().forAll(integers().between(0, 60)).checkAssert(max -> assertThatCode(
                () -> new AdminListUserAuthEventsCommand(POOL, "jane", max, null)).doesNotThrowAnyException());
        qt().forAll(integers().between(61, Integer.MAX_VALUE)).checkAssert(max -> assertThat(rejection(
                () -> new AdminListUserAuthEventsCommand(POOL, "jane", max, null)).getMessage())
                .isEqualTo("1 validation error detected: Value '" + max + "' at 'maxResults' failed to satisfy "
                        + "constraint: Member must have value less than or equal to 60"));
        qt().forAll(integers().between(Integer.MIN_VALUE, -1)).checkAssert(max -> assertThat(rejection(
                () -> new AdminListUserAuthEventsCommand(POOL, "jane", max, null)).getMessage())
                .isEqualTo("1 validation error detected: Value '" + max + "' at 'maxResults' failed to satisfy "
                        + "constraint: Member must have value greater than or equal to 0"));
    }

    @Test
    void theViolationCountMatchesTheMessage() {
        Gen<Boolean> flags = Generate.booleans();
        qt().forAll(flags, flags, flags, flags).checkAssert((badPool, noUser, badEvent, badValue) -> {
            int expected = (badPool ? 1 : 0) + (noUser ? 1 : 0) + (badEvent ? 1 : 0) + (badValue ? 1 : 0);
            Runnable construct = () -> new AdminUpdateAuthEventFeedbackCommand(badPool ? "no pool" : POOL,
                    noUser ? null : "jane", badEvent ? "a b" : EVENT, badValue ? "Sure" : "Valid");
            if (expected == 0) {
                assertThatCode(construct::run).doesNotThrowAnyException();
                return;
            }
            InvalidParameterException error = rejection(construct);
            assertThat(error.violations()).hasSize(expected);
            assertThat(error.getMessage()).startsWith(expected + (expected == 1
                    ? " validation error detected: " : " validation errors detected: "));
            assertThat(error.getMessage().split("; ")).hasSize(expected);
        });
    }
}
