package dev.authfeedback.domain.html;

/** Text put into HTML: the one escaping that notification bodies and the feedback page share. */
public final class HtmlText {

    private HtmlText() {
    }

    /**
     * {@code value} with {@code & < > " '} as character references: safe in element content and in
     * attribute values, quoted or not. A value without them is answered as it is (no copy).
     */
    public static String escape(String value) {
        int first = firstSpecial(value);
        if (first < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstSpecial(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
                return i;
            }
        }
        return -1;
    }
}
