package dev.authfeedback.domain.validation;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * For a pattern of the form {@code [class]+}: which ASCII characters the class admits, as the regex
 * itself decides them. Null for patterns of any other form.
 */
final class AsciiClassTable {

    private static final boolean[] NOT_A_CLASS = new boolean[0];
    private static final ConcurrentHashMap<String, boolean[]> TABLES = new ConcurrentHashMap<>();

    private AsciiClassTable() {
    }

    static boolean[] of(Pattern pattern) {
        boolean[] table = TABLES.computeIfAbsent(pattern.pattern(), AsciiClassTable::build);
        return table == NOT_A_CLASS ? null : table;
    }

    private static boolean[] build(String regex) {
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
}
