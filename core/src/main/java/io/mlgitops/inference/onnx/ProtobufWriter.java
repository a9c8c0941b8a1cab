package io.mlgitops.inference.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes protocol-buffer wire format: varint and length-delimited fields, enough to extend an ONNX graph.
 */
final class ProtobufWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtobufWriter varint(final int field, final long value) {
        writeVarint((long) field << 3 | ProtobufReader.VARINT);
        writeVarint(value);
        return this;
    }

    ProtobufWriter string(final int field, final String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtobufWriter message(final int field, final ProtobufWriter message) {
        return bytes(field, message.toByteArray());
    }

    ProtobufWriter bytes(final int field, final byte[] value) {
        writeVarint((long) field << 3 | ProtobufReader.LENGTH_DELIMITED);
        writeVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    /** Copies bytes that are already wire format (whole fields). */
    ProtobufWriter raw(final byte[] bytes, final int offset, final int length) {
        out.write(bytes, offset, length);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void writeVarint(final long value) {
        long remaining = value;
        while ((remaining & ~0x7FL) != 0) {
            out.write((int) (remaining & 0x7F) | 0x80);
            remaining >>>= 7;
        }
        out.write((int) remaining);
    }
}
