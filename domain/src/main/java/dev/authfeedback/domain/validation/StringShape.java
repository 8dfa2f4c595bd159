package dev.authfeedback.domain.validation;

import dev.authfeedback.domain.model.WireEnum;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The constraints of one string shape of the service model: length in Unicode code points (as
 * Smithy's length trait counts), a pattern matched against the whole value, an enum, sensitivity.
 * Null means "no such constraint".
 */
public record StringShape(String name, Integer minLength, Integer maxLength, Pattern pattern,
                          List<String> enumValues, boolean sensitive) {

    /**
     * Whether {@code value} matches the whole pattern. Patterns of one character class repeated
     * ({@code [...]+}, most of the model's) are decided per ASCII character from a table the regex
     * itself filled in once; other values and patterns go to the regex. Same answers, a fraction
     * of the cost on the hot path (a 200-character feedback token, say).
     */
    public boolean matchesPattern(String value) {
        boolean[] ascii = AsciiClassTable.of(pattern);
        if (ascii != null && !value.isEmpty()) {
            boolean allAscii = true;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= 128) {
                    allAscii = false;
                    break;
                }
                if (!ascii[c]) {
                    return false;
                }
            }
            if (allAscii) {
                return true;
            }
        }
        AsciiClassTable.TwoClasses twoClasses = AsciiClassTable.TwoClasses.of(pattern);
        if (twoClasses != null) {
            Boolean answer = twoClasses.matches(value);
            if (answer != null) {
                return answer;
            }
        }
        return pattern.matcher(value).matches();
    }

    public static StringShape named(String name) {
        return new StringShape(name, null, null, null, null, false);
    }

    public StringShape length(Integer min, Integer max) {
        return new StringShape(name, min, max, pattern, enumValues, sensitive);
    }

    public StringShape pattern(String regex) {
        return new StringShape(name, minLength, maxLength, Pattern.compile(regex), enumValues, sensitive);
    }

    public <E extends Enum<E> & WireEnum> StringShape enumOf(Class<E> type) {
        List<String> values = Arrays.stream(type.getEnumConstants()).map(WireEnum::wireValue).toList();
        return new StringShape(name, minLength, maxLength, pattern, values, sensitive);
    }

    public StringShape asSensitive() {
        return new StringShape(name, minLength, maxLength, pattern, enumValues, true);
    }
}
