package io.mlgitops.inference.onnx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over protocol-buffer wire format, enough to walk an ONNX model's messages without generated classes:
 * tags, varints, length-delimited fields (sub-messages, strings, packed varints) and skipping.
 */
final class ProtobufReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] bytes;
    private final int end;
    private int position;
    private int tag;

    ProtobufReader(final byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    private ProtobufReader(final byte[] bytes, final int start, final int end) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
    }

    boolean hasRemaining() {
        return position < end;
    }

    /** Advances to the next field; returns {@code false} at the end of the message. */
    boolean next() throws MalformedModelException {
        if (!hasRemaining()) {
            return false;
        }
        long value = readVarint();
        if (value >>> 3 == 0 || value > Integer.MAX_VALUE) {
            throw new MalformedModelException("invalid field tag " + value);
        }
        tag = (int) value;
        return true;
    }

    int field() {
        return tag >>> 3;
    }

    int wireType() {
        return tag & 7;
    }

    long readVarint() throws MalformedModelException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw new MalformedModelException("truncated varint");
            }
            byte current = bytes[position++];
            value |= (long) (current & 0x7F) << shift;
            if (current >= 0) {
                return value;
            }
        }
        throw new MalformedModelException("varint longer than 10 bytes");
    }

    /** The offset of the next unread byte in the underlying array. */
    int position() {
        return position;
    }

    /** The bytes of the current length-delimited field. */
    byte[] readBytes() throws MalformedModelException {
        int length = readLength();
        byte[] value = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return value;
    }

    /** The current length-delimited field as a message of its own. */
    ProtobufReader readMessage() throws MalformedModelException {
        int length = readLength();
        ProtobufReader message = new ProtobufReader(bytes, position, position + length);
        position += length;
        return message;
    }

    String readString() throws MalformedModelException {
        int length = readLength();
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /** Skips the current field's value. */
    void skip() throws MalformedModelException {
        switch (wireType()) {
            case VARINT -> readVarint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> advance(readLength());
            case FIXED32 -> advance(4);
            default -> throw new MalformedModelException("unsupported wire type " + wireType());
        }
    }

    private int readLength() throws MalformedModelException {
        if (wireType() != LENGTH_DELIMITED) {
            throw new MalformedModelException("field " + field() + " is not length-delimited");
        }
        long length = readVarint();
        if (length < 0 || length > end - position) {
            throw new MalformedModelException("length " + length + " runs past the end of its message");
        }
        return (int) length;
    }

    private void advance(final int count) throws MalformedModelException {
        if (count > end - position) {
            throw new MalformedModelException("field runs past the end of its message");
        }
        position += count;
    }
}
