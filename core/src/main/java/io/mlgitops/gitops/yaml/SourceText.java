package io.mlgitops.gitops.yaml;

import io.mlgitops.api.errors.InputException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * A manifest's text, decoded strictly from UTF-8 so that encoding it again gives back the same bytes (a byte order
 * mark stays a {@code U+FEFF} character at offset 0), with the line helpers that edits need.
 */
final class SourceText {
    private final String file;
    private final String text;
    private final String lineBreak;
    private int[] charOfCodePoint;

    private SourceText(final String file, final String text) {
        this.file = file;
        this.text = text;
        this.lineBreak = detectLineBreak(text);
    }

    static SourceText decode(final String file, final byte[] content) throws InputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(content);
        try {
            CharBuffer chars = decoder.decode(bytes);
            return new SourceText(file, chars.toString());
        }
        catch (MalformedInputException failure) {
            throw new InputException(String.format("%s is not UTF-8 (invalid byte sequence near byte %d). Save the "
                    + "manifest as UTF-8.", file, Math.max(0, bytes.position())), failure);
        }
        catch (CharacterCodingException failure) {
            throw new InputException(file + " is not UTF-8. Save the manifest as UTF-8.", failure);
        }
    }

    static SourceText of(final String file, final String text) {
        return new SourceText(file, text);
    }

    String file() {
        return file;
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    char charAt(final int offset) {
        return text.charAt(offset);
    }

    byte[] encode() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The file's line break ({@code \r\n} when its first line ends so, else {@code \n}), for added lines. */
    String lineBreak() {
        return lineBreak;
    }

    /** The char offset of a parser mark's index, which counts code points. */
    int charOffset(final int codePointIndex) {
        if (charOfCodePoint == null) {
            charOfCodePoint = codePointTable(text);
        }
        return charOfCodePoint.length == 0 ? codePointIndex : charOfCodePoint[codePointIndex];
    }

    /** The offset where the line holding {@code offset} starts. */
    int lineStart(final int offset) {
        int start = offset;
        while (start > 0 && !isBreak(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** The offset just past the line break that ends the line holding {@code offset}, or the text's length. */
    int nextLineStart(final int offset) {
        int position = offset;
        while (position < text.length() && !isBreak(text.charAt(position))) {
            position++;
        }
        if (position < text.length() && text.charAt(position) == '\r') {
            position++;
        }
        if (position < text.length() && text.charAt(position) == '\n') {
            position++;
        }
        return position;
    }

    int column(final int offset) {
        return offset - lineStart(offset);
    }

    /** The 1-based line of an offset, for messages. */
    int lineNumber(final int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Whether only spaces stand between the start of the line and {@code offset}. */
    boolean indentedOnlyBefore(final int offset) {
        for (int i = lineStart(offset); i < offset; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    static boolean isBreak(final char c) {
        return c == '\n' || c == '\r';
    }

    private static String detectLineBreak(final String text) {
        int newline = text.indexOf('\n');
        if (newline > 0 && text.charAt(newline - 1) == '\r') {
            return "\r\n";
        }
        return "\n";
    }

    /** Empty when every code point is one char (no surrogate pairs), else the char offset of each code point. */
    private static int[] codePointTable(final String text) {
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) {
            return new int[0];
        }
        int[] table = new int[codePoints + 1];
        int offset = 0;
        for (int i = 0; i < codePoints; i++) {
            table[i] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        table[codePoints] = offset;
        return table;
    }
}
