package io.mlgitops.report.markdown;

import io.mlgitops.report.html.Format;
import io.mlgitops.report.html.Verdicts;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Markdown for pull-request comments: every value from a report is escaped, so that it can neither format the
 * comment (emphasis, links, images, math, tables, mentions), nor hold HTML, nor break out of a table cell. Values
 * never start a line (line breaks become spaces and every line starts with the summary's own text), so the characters
 * that only matter there (list markers, heading underlines) stay as they are.
 */
final class MarkdownText {
    private static final String SPECIAL = "\\`*_[]<>#!|~&$@";
    private static final Pattern CODE_SAFE = Pattern.compile("[0-9A-Za-z._/:@+-]{1,200}");
    private static final int MAX_CELL = 300;

    private MarkdownText() {
    }

    /** The text with line breaks as spaces and every Markdown or HTML character escaped with a backslash. */
    static String escape(final String text) {
        if (text == null) {
            return Format.NONE;
        }
        String oneLine = Format.shorten(text.replaceAll("[\\r\\n\\t]+", " "), MAX_CELL);
        StringBuilder escaped = new StringBuilder(oneLine.length() + 8);
        for (int index = 0; index < oneLine.length(); index++) {
            char character = oneLine.charAt(index);
            if (SPECIAL.indexOf(character) >= 0) {
                escaped.append('\\');
            }
            escaped.append(Character.isISOControl(character) ? ' ' : character);
        }
        return escaped.toString();
    }

    /** A code span for identifiers (digests, commits, paths) that need no escaping; escaped text otherwise. */
    static String code(final String text) {
        return text != null && CODE_SAFE.matcher(text).matches() ? "`" + text + "`" : escape(text);
    }

    /** A status word with an emoji: ✅ PASSED, ❌ FAILED, ⚠️ ERROR. */
    static String status(final String word) {
        String symbol = switch (Verdicts.tone(word)) {
            case GOOD -> "✅";
            case BAD -> "❌";
            case WARNING -> "⚠️";
            case NEUTRAL -> Verdicts.symbol(word);
        };
        return symbol + " " + escape(Format.word(word));
    }

    /** A table; the cells are Markdown already (escaped). */
    static void table(final StringBuilder out, final List<String> headers, final List<List<String>> rows) {
        out.append("| ").append(String.join(" | ", headers)).append(" |\n|");
        headers.forEach(header -> out.append("---|"));
        out.append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        out.append('\n');
    }
}
