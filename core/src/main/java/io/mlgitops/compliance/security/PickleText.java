package io.mlgitops.compliance.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Decodes the text arguments of the protocol-0 opcodes {@code STRING} and {@code UNICODE}. */
final class PickleText {
    private static final String SIMPLE_ESCAPES = "\\'\"abfnrtv";
    private static final String SIMPLE_VALUES = "\\'\"\u0007\b\f\n\r\t\u000b";

    private PickleText() {
    }

    /**
     * The argument of {@code STRING}: a quoted Python bytes literal with backslash escapes ({@code \n},
     * {@code \xhh}, octal), read as Latin-1; {@code null} when it is not quoted.
     */
    static String quoted(final byte[] line) {
        int end = line.length - 1;
        if (line.length < 2 || (line[0] != '\'' && line[0] != '"') || line[end] != line[0]) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(end);
        int i = 1;
        while (i < end) {
            byte current = line[i++];
            if (current != '\\' || i == end) {
                out.write(current);
                continue;
            }
            i = escape(line, i, end, out);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Decodes the escape whose letter is at {@code i}; returns the index after it. */
    private static int escape(final byte[] line, final int i, final int end, final ByteArrayOutputStream out) {
        char letter = (char) line[i];
        int simple = SIMPLE_ESCAPES.indexOf(letter);
        if (simple >= 0) {
            out.write(SIMPLE_VALUES.charAt(simple));
            return i + 1;
        }
        if (letter == 'x' && i + 2 < end && hex(line, i + 1, 2) >= 0) {
            out.write(hex(line, i + 1, 2));
            return i + 3;
        }
        if (letter >= '0' && letter <= '7') {
            int value = 0;
            int next = i;
            while (next < end && next < i + 3 && line[next] >= '0' && line[next] <= '7') {
                value = value * 8 + line[next++] - '0';
            }
            out.write(value & 0xff);
            return next;
        }
        out.write('\\');
        out.write(line[i]);
        return i + 1;
    }

    /** The argument of {@code UNICODE}: Latin-1 with {@code \\uXXXX} and {@code \\UXXXXXXXX} escapes. */
    static String rawUnicodeEscape(final byte[] line) {
        StringBuilder text = new StringBuilder(line.length);
        int i = 0;
        while (i < line.length) {
            int width = i + 1 < line.length && line[i] == '\\' ? escapeWidth(line[i + 1]) : 0;
            if (width > 0 && i + 2 + width <= line.length && hex(line, i + 2, width) >= 0) {
                text.appendCodePoint(hex(line, i + 2, width));
                i += 2 + width;
            }
            else {
                text.append((char) (line[i++] & 0xff));
            }
        }
        return text.toString();
    }

    private static int escapeWidth(final byte letter) {
        if (letter == 'u') {
            return 4;
        }
        return letter == 'U' ? 8 : 0;
    }

    /** The value of {@code width} hex digits at {@code start}, or -1 when they are not all hex digits. */
    private static int hex(final byte[] bytes, final int start, final int width) {
        if (start + width > bytes.length) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < start + width; i++) {
            int digit = Character.digit(bytes[i], 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return Character.isValidCodePoint(value) ? value : -1;
    }
}
