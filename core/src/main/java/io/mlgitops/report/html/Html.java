package io.mlgitops.report.html;

/**
 * Escapes text for HTML and SVG: the same escaping serves element text and quoted attribute values, so a value from
 * a report can never close an element, open a tag or leave an attribute. Characters that XML and HTML forbid (control
 * characters, lone surrogates) become U+FFFD, so the page also parses as XML.
 */
public final class Html {
    private static final char REPLACEMENT = '\uFFFD';

    private Html() {
    }

    /** The text with {@code & < > " '} replaced by character references; {@code null} gives the empty string. */
    public static String escape(final String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            switch (character) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> index = appendChecked(text, index, escaped);
            }
        }
        return escaped.toString();
    }

    /** Appends the character at {@code index} (or the surrogate pair starting there); returns the last index used. */
    private static int appendChecked(final String text, final int index, final StringBuilder escaped) {
        char character = text.charAt(index);
        if (Character.isHighSurrogate(character) && index + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(index + 1))) {
            escaped.append(character).append(text.charAt(index + 1));
            return index + 1;
        }
        boolean allowedControl = character == '\n' || character == '\t' || character == '\r';
        boolean forbidden = Character.isSurrogate(character) || character == '\uFFFE' || character == '\uFFFF'
                || (Character.isISOControl(character) && !allowedControl);
        escaped.append(forbidden ? REPLACEMENT : character);
        return index;
    }
}
