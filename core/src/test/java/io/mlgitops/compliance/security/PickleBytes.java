package io.mlgitops.compliance.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes pickle streams opcode by opcode, for tests of streams Python's pickler never writes. */
final class PickleBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Raw bytes: opcodes and their arguments. */
    PickleBytes raw(final int... bytes) {
        for (int value : bytes) {
            out.write(value);
        }
        return this;
    }

    /** Text as Latin-1 bytes, e.g. the protocol-0 argument lines {@code "cos\nsystem\n"}. */
    PickleBytes raw(final String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** {@code SHORT_BINUNICODE}. */
    PickleBytes text(final String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return raw(0x8c, bytes.length).raw(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** {@code STACK_GLOBAL} of two {@code SHORT_BINUNICODE} texts. */
    PickleBytes stackGlobal(final String module, final String name) {
        return text(module).text(name).raw(0x93);
    }

    /** {@code PROTO n}. */
    PickleBytes proto(final int version) {
        return raw(0x80, version);
    }

    byte[] build() {
        return out.toByteArray();
    }
}
