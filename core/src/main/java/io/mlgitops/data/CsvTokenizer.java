package io.mlgitops.data;

import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Splits a stream of CSV bytes into records and fields (RFC 4180: quoted fields with doubled quotes, delimiters and
 * line breaks inside quotes; CRLF, LF or CR line ends; a UTF-8 byte order mark), hashing every byte it reads. Fields
 * are handed out as slices of an internal buffer, valid only during the callback. Blank lines are skipped.
 */
final class CsvTokenizer {
    /** Receives the fields of one record. */
    interface FieldHandler {
        /** Field {@code index} (0-based) of the current record is {@code bytes[start, start + length)}. */
        void field(int index, byte[] bytes, int start, int length) throws InputException;
    }

    private static final byte QUOTE = '"';
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final int DEFAULT_BUFFER_SIZE = 1 << 20;

    private final String source;
    private final InputStream input;
    private final byte delimiter;
    private final boolean[] special = new boolean[256];
    private final MessageDigest digest;
    private byte[] buffer;
    private int position;
    private int limit;
    /** Start of the bytes that a refill must keep (the current field). */
    private int mark;
    /** Where unescaped bytes of a quoted field go; never ahead of {@link #position}. */
    private int write;
    private long consumedBeforeBuffer;
    private boolean endOfInput;
    private boolean started;
    private long line = 1;
    private long recordLine;

    CsvTokenizer(final String source, final InputStream input, final char delimiter) {
        this(source, input, delimiter, DEFAULT_BUFFER_SIZE);
    }

    CsvTokenizer(final String source, final InputStream input, final char delimiter, final int bufferSize) {
        this.source = source;
        this.input = input;
        this.delimiter = (byte) delimiter;
        this.buffer = new byte[bufferSize];
        special[delimiter] = true;
        special[CR] = true;
        special[LF] = true;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    /**
     * Reads the next record, passing its fields to the handler.
     *
     * @return the number of fields, or {@code -1} at the end of the input
     */
    int next(final FieldHandler handler) throws IOException, InputException {
        if (!startRecord()) {
            return -1;
        }
        recordLine = line;
        int index = 0;
        while (true) {
            mark = position;
            boolean quoted = (position < limit || fill()) && buffer[position] == QUOTE;
            boolean more = quoted ? quotedField(handler, index) : plainField(handler, index);
            index++;
            if (!more) {
                return index;
            }
        }
    }

    /** The line on which the last record started (1-based). */
    long recordLine() {
        return recordLine;
    }

    /** How many bytes have been consumed so far, for estimating how many rows remain. */
    long bytesConsumed() {
        return consumedBeforeBuffer + position;
    }

    /** Lower-case hex SHA-256 of every byte read; call after {@link #next} returned {@code -1}. */
    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Skips the byte order mark and blank lines; returns whether a record follows. */
    private boolean startRecord() throws IOException {
        if (!started) {
            started = true;
            while (limit < 3 && fill()) {
                // a byte order mark needs three bytes
            }
            if (limit >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
                position = 3;
            }
        }
        while (true) {
            mark = position;
            if (position == limit && !fill()) {
                return false;
            }
            byte first = buffer[position];
            if (first != CR && first != LF) {
                return true;
            }
            consumeLineEnd();
        }
    }

    /** Reads an unquoted field; returns whether another field of the same record follows. */
    private boolean plainField(final FieldHandler handler, final int index) throws IOException, InputException {
        while (true) {
            byte[] bytes = buffer;
            boolean[] stops = special;
            int end = limit;
            int scan = position;
            while (scan < end) {
                byte value = bytes[scan];
                if (stops[value & 0xFF]) {
                    handler.field(index, bytes, mark, scan - mark);
                    if (value == delimiter) {
                        position = scan + 1;
                        return true;
                    }
                    position = scan;
                    consumeLineEnd();
                    return false;
                }
                scan++;
            }
            position = scan;
            if (!fill()) {
                handler.field(index, buffer, mark, position - mark);
                return false;
            }
        }
    }

    /** Reads a quoted field, unescaping doubled quotes in place; returns whether another field follows. */
    private boolean quotedField(final FieldHandler handler, final int index) throws IOException, InputException {
        long startLine = line;
        position++;
        mark = position;
        write = position;
        while (true) {
            if (position == limit && !fill()) {
                throw new InputException(String.format("%s: line %d: a quoted field starts here but its closing "
                        + "quote is missing. Close the quote; a quote inside a quoted field must be doubled (\"\").",
                        source, startLine));
            }
            byte value = buffer[position];
            if (value == QUOTE) {
                if (peek(1) == QUOTE) {
                    buffer[write++] = QUOTE;
                    position += 2;
                    continue;
                }
                position++;
                handler.field(index, buffer, mark, write - mark);
                return afterClosingQuote();
            }
            if (value == LF || value == CR && peek(1) != LF) {
                line++;
            }
            buffer[write++] = value;
            position++;
        }
    }

    private boolean afterClosingQuote() throws IOException, InputException {
        mark = position;
        if (position == limit && !fill()) {
            return false;
        }
        byte value = buffer[position];
        if (value == delimiter) {
            position++;
            return true;
        }
        if (value == CR || value == LF) {
            consumeLineEnd();
            return false;
        }
        throw new InputException(String.format("%s: line %d: unexpected '%s' after the closing quote of a field. "
                + "A quote inside a quoted field must be doubled (\"\"), and a field must end at its closing quote.",
                source, line, (char) (value & 0xFF)));
    }

    /** The byte {@code offset} after the current position, or {@code -1} past the end of the input. */
    private int peek(final int offset) throws IOException {
        while (position + offset >= limit) {
            if (!fill()) {
                return -1;
            }
        }
        return buffer[position + offset];
    }

    /** Consumes CR, LF or CRLF at the current position. */
    private void consumeLineEnd() throws IOException {
        byte value = buffer[position++];
        line++;
        if (value == CR) {
            mark = position;
            if ((position < limit || fill()) && buffer[position] == LF) {
                position++;
            }
        }
    }

    /**
     * Reads more bytes, keeping those from {@link #mark} on (moved to the start of the buffer, which grows when the
     * current field fills it). Returns whether any byte was added.
     */
    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        if (mark > 0) {
            int kept = limit - mark;
            System.arraycopy(buffer, mark, buffer, 0, kept);
            consumedBeforeBuffer += mark;
            position -= mark;
            write -= mark;
            limit = kept;
            mark = 0;
        }
        else if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = input.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            endOfInput = true;
            return false;
        }
        digest.update(buffer, limit, read);
        limit += read;
        return true;
    }
}
