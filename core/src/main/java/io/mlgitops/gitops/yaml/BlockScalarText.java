package io.mlgitops.gitops.yaml;

/**
 * Rewrites a literal ({@code |}) or folded ({@code >}) block scalar with a new value: the header keeps its indicator
 * and comment, the chomping indicator is chosen so that the new value reads back exactly
 * ({@code -} without a final line break, none with one, {@code +} with more), and the content lines keep their
 * indentation. A folded scalar whose new value has line breaks becomes literal, so that they are kept.
 */
final class BlockScalarText {
    private BlockScalarText() {
    }

    /** The span the new text replaces: the header and the content lines, not the blank lines after them. */
    static int replacedEnd(final SourceText source, final YamlNode.Scalar scalar) {
        int end = scalar.end();
        if (keeps(source, scalar)) {
            return end;
        }
        int contentEnd = lastContentEnd(source, scalar);
        return contentEnd == scalar.valueStart() ? end : source.nextLineStart(contentEnd);
    }

    /**
     * The new text, ending with its line break, or {@code null} when the value cannot be a block scalar here (a
     * first line starting with a space, a carriage return, a non-printable character, or a header with an
     * indentation indicator).
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
        String restOfHeader = text.substring(position, headerEnd);
        String body = value;
        int finalBreaks = 0;
        while (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
            finalBreaks++;
        }
        char indicator = scalar.style() == '>' && body.indexOf('\n') >= 0 ? '|' : scalar.style();
        String chomping = finalBreaks == 0 ? "-" : finalBreaks == 1 ? "" : "+";
        String lineBreak = source.lineBreak();
        if (!restOfHeader.endsWith("\n") && !restOfHeader.endsWith("\r")) {
            restOfHeader += lineBreak;
        }
        StringBuilder written = new StringBuilder().append(indicator).append(chomping)
                .append(restOfHeader);
        String indent = " ".repeat(contentIndent(source, scalar, headerEnd));
        if (!body.isEmpty() || finalBreaks > 0) {
            for (String line : body.split("\n", -1)) {
                written.append(line.isEmpty() ? "" : indent).append(line).append(lineBreak);
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
        return org.yaml.snakeyaml.reader.StreamReader.isPrintable(value)
                && value.chars().noneMatch(c -> c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF);
    }
}
