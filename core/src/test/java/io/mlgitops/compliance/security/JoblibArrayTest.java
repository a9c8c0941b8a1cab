package io.mlgitops.compliance.security;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Joblib's array data inside the pickle stream, laid out as joblib 1.6 writes it: the wrapper, built with its state,
 * then the padding and the raw elements, or a nested pickle for object arrays; then the pickle goes on.
 */
class JoblibArrayTest {
    private static final int NO_ALIGNMENT = -1;

    /** A wrapper for {@code count} elements of {@code typeCode}; alignment -1 leaves the alignment key out. */
    private static PickleBytes wrapper(final String typeCode, final int flags, final int count, final int alignment) {
        PickleBytes bytes = new PickleBytes().proto(4).raw('(')
                .stackGlobal("joblib.numpy_pickle", "NumpyArrayWrapper").raw(')', 0x81, '}', '(')
                .text("shape").raw('K', count, 0x85)
                .text("order").text("C")
                .text("dtype").stackGlobal("numpy", "dtype").text(typeCode).raw(0x89, 0x88, 0x87, 'R', 0x94)
                .raw('(', 'K', 3).text("<").raw('N', 'N', 'N', 'J', 0xff, 0xff, 0xff, 0xff, 'J', 0xff, 0xff, 0xff, 0xff)
                .raw('K', flags, 't', 'b');
        if (alignment != NO_ALIGNMENT) {
            bytes.text("numpy_array_alignment_bytes").raw('K', alignment);
        }
        return bytes.raw('u', 'b');
    }

    /** What follows the array data: the dtype again from the memo, a list, the end of the pickle. */
    private static PickleBytes rest(final PickleBytes bytes) {
        return bytes.raw('h', 0, 'l', '.');
    }

    private static PickleScan scan(final PickleBytes bytes) throws IOException {
        return PickleScan.of(new ByteArrayInputStream(bytes.build()), Integer.MAX_VALUE);
    }

    @Test
    void shouldSkipPaddedRawElementsAndGoOn() throws IOException {
        PickleBytes bytes = wrapper("f8", 0, 3, 16).raw(5, 0xff, 0xff, 0xff, 0xff, 0xff);
        bytes.raw(new int[24]);

        PickleScan scan = scan(rest(bytes));

        assertThat(scan.problem()).isEmpty();
        assertThat(scan.imports()).containsExactly(PickleGlobal.of("joblib.numpy_pickle", "NumpyArrayWrapper"),
                PickleGlobal.of("numpy", "dtype"));
    }

    @Test
    void shouldTakeTheItemSizeFromTheDtypeStateOrItsCode() throws IOException {
        PickleBytes unpadded = wrapper("i2", 0, 4, NO_ALIGNMENT).raw(new int[8]);

        assertThat(scan(rest(unpadded)).problem()).isEmpty();
        assertThat(scan(wrapper("i2", 0, 4, NO_ALIGNMENT).raw(new int[7])).problem()).contains("truncated");
    }

    @Test
    void shouldScanTheNestedPickleOfAnObjectArray() throws IOException {
        PickleBytes bytes = wrapper("O8", 63, 2, 16).proto(5).stackGlobal("builtins", "set").raw(')', 'R', '.');

        PickleScan scan = scan(rest(bytes));

        assertThat(scan.problem()).isEmpty();
        assertThat(scan.imports()).contains(PickleGlobal.of("builtins", "set"));
    }

    @Test
    void shouldCountImportsHiddenInUnpaddedArrayBytes() throws IOException {
        String opcodes = "cposix\nsystem\n0";
        PickleBytes bytes = wrapper("u1", 0, opcodes.length(), NO_ALIGNMENT).raw(opcodes);

        PickleScan scan = scan(rest(bytes));

        assertThat(scan.problem()).isEmpty();
        assertThat(scan.imports()).contains(PickleGlobal.of("posix", "system"));
    }

    @Test
    void shouldNotReadRealArrayBytesAsOpcodes() throws IOException {
        byte[] ones = "\0\0\0\0\0\0\u00f0?".repeat(3).getBytes(StandardCharsets.ISO_8859_1);
        PickleBytes bytes = wrapper("f8", 0, 3, NO_ALIGNMENT);
        for (byte value : ones) {
            bytes.raw(value & 0xff);
        }

        PickleScan scan = scan(rest(bytes));

        assertThat(scan.problem()).isEmpty();
        assertThat(scan.imports()).hasSize(2);
    }

    @Test
    void shouldFailWhenTheArraySizeCannotBeWorkedOut() throws IOException {
        assertThat(scan(wrapper("V", 0, 1, 16)).problem()).contains("a joblib NumpyArrayWrapper whose array data "
                + "cannot be skipped: cannot read the item size of its dtype 'V'");
        PickleBytes noState = new PickleBytes().proto(4).stackGlobal("joblib.numpy_pickle", "NumpyArrayWrapper")
                .raw(')', 0x81, '}', 'b', '.');
        assertThat(scan(noState).problem()).contains("cannot read its dtype");
    }
}
