package io.mlgitops.compliance.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of a pickle stream, read once from the start, with the position of each read for messages. A view
 * limited to a number of bytes lets a region be read as opcodes and then skipped to its end.
 */
final class PickleInput {
    /** The longest text line an opcode argument may have (module and class names, decimal numbers). */
    static final int MAX_LINE = 64 * 1024;

    private final InputStream in;
    private long position;
    private long limit;

    PickleInput(final InputStream in) {
        this(in, 0, Long.MAX_VALUE);
    }

    private PickleInput(final InputStream in, final long position, final long limit) {
        this.in = in;
        this.position = position;
        this.limit = limit;
    }

    long position() {
        return position;
    }

    /**
     * A view of the next {@code length} bytes, which reports the end of the stream after them. Reading from this
     * input is not allowed until the view has been {@linkplain #skipRegion skipped to its end}.
     */
    PickleInput region(final long length) {
        return new PickleInput(in, position, position + length);
    }

    /** Skips what is left of {@code region} and continues after it. */
    void skipRegion(final PickleInput region) throws IOException, MalformedPickleException {
        region.skip(region.limit - region.position);
        position = region.position;
    }

    /** The next byte, or -1 at the end of the stream. */
    int next() throws IOException {
        if (position >= limit) {
            return -1;
        }
        int value = in.read();
        if (value >= 0) {
            position++;
        }
        return value;
    }

    int u8() throws IOException, MalformedPickleException {
        int value = next();
        if (value < 0) {
            throw truncated();
        }
        return value;
    }

    /** An unsigned little-endian number of {@code width} bytes (at most 8; fails above {@link Long#MAX_VALUE}). */
    long unsigned(final int width) throws IOException, MalformedPickleException {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value |= (long) u8() << (8 * i);
        }
        if (value < 0) {
            throw new MalformedPickleException("a length or index larger than 2^63", position);
        }
        return value;
    }

    /** A signed little-endian 32-bit number. */
    int s32() throws IOException, MalformedPickleException {
        return (int) u32();
    }

    /** A 4-byte unsigned number, as used for lengths and memo indexes. */
    long u32() throws IOException, MalformedPickleException {
        return unsigned(4);
    }

    byte[] bytes(final int length) throws IOException, MalformedPickleException {
        if (length > limit - position) {
            throw truncated();
        }
        byte[] bytes = in.readNBytes(length);
        position += bytes.length;
        if (bytes.length < length) {
            throw truncated();
        }
        return bytes;
    }

    void skip(final long length) throws IOException, MalformedPickleException {
        if (length > limit - position) {
            throw truncated();
        }
        long left = length;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    position += length - left;
                    throw truncated();
                }
                skipped = 1;
            }
            left -= skipped;
        }
        position += length;
    }

    /**
     * The bytes up to the next newline, which is consumed but not returned; {@code null} for a line longer than
     * {@link #MAX_LINE} bytes, which is consumed too (protocol 0 writes array data as one long text line).
     */
    byte[] line() throws IOException, MalformedPickleException {
        byte[] buffer = new byte[64];
        int length = 0;
        while (true) {
            int value = next();
            if (value < 0) {
                throw new MalformedPickleException("a text argument that does not end with a newline", position);
            }
            if (value == '\n') {
                return length > MAX_LINE ? null : Arrays.copyOf(buffer, length);
            }
            if (length < buffer.length) {
                buffer[length] = (byte) value;
            }
            else if (length < MAX_LINE) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
                buffer[length] = (byte) value;
            }
            length = Math.min(length + 1, MAX_LINE + 1);
        }
    }

    /** A line read as UTF-8, as Python reads module and class names; {@code null} when it is too long. */
    String utf8Line() throws IOException, MalformedPickleException {
        byte[] line = line();
        return line == null ? null : new String(line, StandardCharsets.UTF_8);
    }

    MalformedPickleException truncated() {
        return new MalformedPickleException("the stream ends before the pickle is complete (truncated file)", position);
    }
}
