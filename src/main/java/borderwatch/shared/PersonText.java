package borderwatch.shared;

/**
 * The one rule for text that a person types and others later read (a plan's reason, who acted and
 * why, a token's label): at most a stated length, and none of the characters that change how the
 * text is shown instead of being shown: control characters (C0, DEL, C1, so no NUL, ESC or line
 * breaks), Unicode line and paragraph separators, and format characters — bidirectional overrides
 * and isolates, zero-width spaces and joiners, the byte-order mark — which can make a log line or a
 * table read other than it is stored, or one name pass for another.
 */
public final class PersonText {

    /** How long a reason (why a plan was set, a response plan activated or stood down) may be. */
    public static final int MAX_REASON = 500;

    private PersonText() {
    }

    /** Why {@code text} is refused, or null when it may be stored. */
    public static String problem(String text, int maxLength) {
        if (text.length() > maxLength) {
            return "must be at most " + maxLength + " characters";
        }
        // By code point, not by char: format characters above U+FFFF (tag characters U+E0000–U+E007F,
        // U+1D173…) are as invisible as those below.
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isISOControl(c)) {
                return "must not contain control characters (such as NUL, ESC or line breaks)";
            }
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return "must not contain invisible formatting characters (zero-width spaces, text-direction marks, "
                        + "tag characters, line separators)";
            }
            if (type == Character.SURROGATE) {
                return "must be well-formed Unicode text";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /** The text with surrounding blanks removed; refused on {@code field} when empty or against the rule. */
    public static String required(String field, String text, int maxLength) {
        String v = optional(field, text, maxLength);
        if (v.isEmpty()) {
            throw new Rejection(field, "is required");
        }
        return v;
    }

    /** As {@link #required}, but absent or blank text is the empty string. */
    public static String optional(String field, String text, int maxLength) {
        String v = text == null ? "" : text.strip();
        String why = problem(v, maxLength);
        if (why != null) {
            throw new Rejection(field, why);
        }
        return v;
    }
}
