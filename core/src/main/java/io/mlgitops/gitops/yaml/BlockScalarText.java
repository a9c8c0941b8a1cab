package io.mlgitops.gitops.yaml;

import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Rewrites a literal ({@code |}) or folded ({@code >}) block scalar with a new value. The header keeps its indicator
 * and comment, the chomping indicator is chosen so that the new value reads back exactly ({@code -} without a final
 * line break, none with one, {@code +} with more), and the content lines keep their indentation. A folded scalar
 * whose new value has line breaks becomes literal, so that they are kept.
 *
 * <p>The rewritten span is the header and the content lines ({@link #spanEnd}). A missing final line break at the
 * end of the file stays missing unless the value ends with a line break.
 */
final class BlockScalarText {
    private BlockScalarText() {
    }

    /**
     * The end of the block scalar's span as edits see it: past its last content line, or, for a {@code +} scalar
     * whose trailing blank lines are content, past them too. Blank lines after a {@code |} or {@code -} scalar are
     * layout and stay.
     */
    static int spanEnd(final SourceText source, final YamlNode.Scalar scalar) {
        if (keeps(source, scalar)) {
            return scalar.end();
        }
        return source.nextLineStart(Math.max(lastContentEnd(source, scalar), scalar.valueStart()));
    }

    /**
     * The new text, or {@code null} when the value cannot be written as this block scalar: a first line starting
     * with a space, a carriage return, a non-printable character, a header with an indentation indicator, or a value
     * that ends with blank lines where blank lines already follow the scalar (they would become part of it).
     */
    static String write(final SourceText source, final YamlNode.Scalar scalar, final String value) {
        if (value.startsWith(" ") || value.indexOf('\r') >= 0 || !printable(value)) {
            return null;
        }
        String text = source.text();
        int headerEnd = source.nextLineStart(scalar.valueStart());
        int position = scalar.valueStart() + 1;
        while (position < headerEnd && (text.charAt(position) == '-' || text.charAt(position) == '+')) {
            position++;
        }
        if (position < headerEnd && Character.isDigit(text.charAt(position))) {
            return null;
        }
        String body = value;
        int finalBreaks = 0;
        while (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
            finalBreaks++;
        }
        int end = spanEnd(source, scalar);
        if (finalBreaks > 1 && end < scalar.end()) {
            return null;
        }
        String lineBreak = source.lineBreak();
        String restOfHeader = text.substring(position, headerEnd);
        if (!restOfHeader.endsWith("\n") && !restOfHeader.endsWith("\r")) {
            restOfHeader += lineBreak;
        }
        char indicator = scalar.style() == '>' && body.indexOf('\n') >= 0 ? '|' : scalar.style();
        String chomping = finalBreaks == 0 ? "-" : finalBreaks == 1 ? "" : "+";
        StringBuilder written = new StringBuilder().append(indicator).append(chomping).append(restOfHeader);
        String indent = " ".repeat(contentIndent(source, scalar, headerEnd));
        if (!body.isEmpty() || finalBreaks > 0) {
            String[] lines = body.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                written.append(lines[i].isEmpty() ? "" : indent).append(lines[i]);
                boolean lastAtUnterminatedEnd = i == lines.length - 1 && finalBreaks == 0 && end == text.length()
                        && !SourceText.isBreak(text.charAt(end - 1));
                if (!lastAtUnterminatedEnd) {
                    written.append(lineBreak);
                }
            }
        }
        written.append(lineBreak.repeat(Math.max(0, finalBreaks - 1)));
        return written.toString();
    }

    private static boolean keeps(final SourceText source, final YamlNode.Scalar scalar) {
        int headerEnd = source.nextLineStart(scalar.valueStart());
        return source.text().substring(scalar.valueStart(), headerEnd).split("#", 2)[0].indexOf('+') >= 0;
    }

    /** The end of the last non-blank content line, or the value start when there is none. */
    private static int lastContentEnd(final SourceText source, final YamlNode.Scalar scalar) {
        String text = source.text();
        int headerEnd = source.nextLineStart(scalar.valueStart());
        int end = scalar.end();
        while (end > headerEnd && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end > headerEnd ? end : scalar.valueStart();
    }

    /** The content's indentation: that of its first non-blank line, else two more than the header's line. */
    private static int contentIndent(final SourceText source, final YamlNode.Scalar scalar, final int headerEnd) {
        String text = source.text();
        int lineStart = headerEnd;
        while (lineStart < scalar.end()) {
            int spaces = 0;
            while (lineStart + spaces < text.length() && text.charAt(lineStart + spaces) == ' ') {
                spaces++;
            }
            int lineEnd = source.nextLineStart(lineStart);
            if (lineStart + spaces < lineEnd && !SourceText.isBreak(text.charAt(lineStart + spaces))) {
                return spaces;
            }
            lineStart = lineEnd;
        }
        int headerLine = source.lineStart(scalar.valueStart());
        int indent = 0;
        while (text.charAt(headerLine + indent) == ' ') {
            indent++;
        }
        return indent + 2;
    }

    private static boolean printable(final String value) {
        return StreamReader.isPrintable(value)
                && value.chars().noneMatch(c -> c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF);
    }
}
