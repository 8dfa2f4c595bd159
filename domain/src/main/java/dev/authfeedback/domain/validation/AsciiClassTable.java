package dev.authfeedback.domain.validation;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * For a pattern of the form {@code [class]+}: which ASCII characters the class admits, as the regex
 * itself decides them. Null for patterns of any other form. {@link TwoClasses} does the same for
 * {@code [A]+x[B]+} (the pool id's {@code [\w-]+_[0-9a-zA-Z]+}).
 */
final class AsciiClassTable {

    /** What {@link #build} answers for a pattern of another form (a map cannot hold null). */
    static final boolean[] NOT_A_CLASS = new boolean[0];
    private static final ConcurrentHashMap<String, boolean[]> TABLES = new ConcurrentHashMap<>();

    private AsciiClassTable() {
    }

    static boolean[] of(Pattern pattern) {
        boolean[] table = TABLES.computeIfAbsent(pattern.pattern(), AsciiClassTable::build);
        return table == NOT_A_CLASS ? null : table;
    }

    /** The table of a {@code [class]+} regex, uncached, or {@link #NOT_A_CLASS}. */
    static boolean[] build(String regex) {
        // one bracketed class, no nested brackets, then '+': "[...]+"
        if (!regex.startsWith("[") || !regex.endsWith("]+") || regex.indexOf('[', 1) >= 0
                || regex.indexOf(']') != regex.length() - 2) {
            return NOT_A_CLASS;
        }
        Pattern single = Pattern.compile(regex.substring(0, regex.length() - 1));
        boolean[] table = new boolean[128];
        for (char c = 0; c < 128; c++) {
            table[c] = single.matcher(String.valueOf(c)).matches();
        }
        return table;
    }

    /** {@code [A]+x[B]+} with a literal separator x: the tables of A and B, decided by the regex. */
    record TwoClasses(boolean[] first, char separator, boolean[] second) {

        static final TwoClasses NONE = new TwoClasses(new boolean[0], ' ', new boolean[0]);
        private static final ConcurrentHashMap<String, TwoClasses> PARSED = new ConcurrentHashMap<>();
        private static final Pattern FORM = Pattern.compile("(\\[[^\\[\\]]+\\])\\+([\\w])(\\[[^\\[\\]]+\\])\\+");

        static TwoClasses of(Pattern pattern) {
            TwoClasses parsed = PARSED.computeIfAbsent(pattern.pattern(), TwoClasses::parse);
            return parsed == NONE ? null : parsed;
        }

        /** The two tables of a {@code [A]+x[B]+} regex, uncached, or {@link #NONE}. */
        static TwoClasses parse(String regex) {
            var form = FORM.matcher(regex);
            if (!form.matches()) {
                return NONE;
            }
            return new TwoClasses(build(form.group(1) + "+"), form.group(2).charAt(0), build(form.group(3) + "+"));
        }

        /**
         * The regex's answer for an all-ASCII value, or null when the value has other characters:
         * some separator splits it into a non-empty run of A and a non-empty run of B.
         */
        Boolean matches(String value) {
            int length = value.length();
            int lastNotSecond = -1;
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c >= 128) {
                    return null;
                }
                if (!second[c]) {
                    lastNotSecond = i;
                }
            }
            for (int i = 1; i < length - 1; i++) {
                char c = value.charAt(i - 1);
                if (!first[c]) {
                    return false; // the prefix before any later separator breaks A
                }
                if (value.charAt(i) == separator && lastNotSecond <= i) {
                    return true;
                }
            }
            return false;
        }
    }
}
