package io.mlgitops.compliance.security;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The opcode walker on streams written opcode by opcode: every way to import, memo tricks, broken streams. */
class PickleScanTest {
    private static PickleScan scan(final byte[] bytes) throws IOException {
        return PickleScan.of(new ByteArrayInputStream(bytes), Integer.MAX_VALUE);
    }

    private static List<String> keys(final PickleScan scan) {
        return scan.imports().stream().map(PickleGlobal::key).toList();
    }

    @Test
    void shouldReadProtocolZeroGlobalAndInst() throws IOException {
        PickleScan reduce = scan(new PickleBytes().raw("cposix\nsystem\n(S'echo \\'hi\\''\ntR.").build());
        PickleScan inst = scan(new PickleBytes().raw("(S'ls'\nisubprocess\nPopen\np0\n.").build());

        assertThat(keys(reduce)).containsExactly("posix.system");
        assertThat(reduce.problem()).isEmpty();
        assertThat(reduce.pickles()).isEqualTo(1);
        assertThat(keys(inst)).containsExactly("subprocess.Popen");
        assertThat(inst.problem()).isEmpty();
    }

    @Test
    void shouldFollowStackGlobalOperandsThroughTheMemo() throws IOException {
        byte[] memoized = new PickleBytes().proto(4).text("builtins").raw(0x94).text("eval").raw('q', 7)
                .raw('0', '0').raw('h', 0).raw('h', 7).raw(0x93).raw('.').build();
        byte[] longMemo = new PickleBytes().proto(2).raw('X', 2, 0, 0, 0).raw("os").raw('r', 1, 1, 0, 0)
                .raw("(S\"system\"\np12\n1").raw('j', 1, 1, 0, 0).raw("g12\n").raw(0x93, '.').build();

        assertThat(keys(scan(memoized))).containsExactly("builtins.eval");
        assertThat(keys(scan(longMemo))).containsExactly("os.system");
        assertThat(scan(longMemo).problem()).isEmpty();
    }

    @Test
    void shouldCallANonStringOperandUnknown() throws IOException {
        PickleScan number = scan(new PickleBytes().proto(4).text("os").raw('K', 3).raw(0x93, '.').build());
        PickleScan call = scan(new PickleBytes().proto(4).stackGlobal("builtins", "str").raw(')', 'R')
                .text("system").raw(0x93, '.').build());

        assertThat(number.imports()).containsExactly(PickleGlobal.unknown("os", null));
        assertThat(number.imports().get(0).known()).isFalse();
        assertThat(call.imports()).containsExactly(PickleGlobal.of("builtins", "str"),
                PickleGlobal.unknown(null, "system"));
    }

    @Test
    void shouldCallExtensionCodesUnknown() throws IOException {
        PickleScan scan = scan(new PickleBytes().proto(2).raw(0x82, 5, ')', 'R', '.').build());

        assertThat(keys(scan)).containsExactly("unknown.extension_5");
    }

    @Test
    void shouldScanEveryConcatenatedPickle() throws IOException {
        byte[] twoPickles = new PickleBytes().proto(4).raw(']', '.').raw("c__builtin__\neval\n(S'1'\ntR.").build();

        PickleScan scan = scan(twoPickles);

        assertThat(scan.pickles()).isEqualTo(2);
        assertThat(keys(scan)).containsExactly("__builtin__.eval");
        assertThat(scan.problem()).isEmpty();
    }

    @Test
    void shouldReportBrokenStreamsWithTheImportsFoundBeforeTheBreak() throws IOException {
        PickleScan truncated = scan(new PickleBytes().proto(4).stackGlobal("os", "system").text("ech").build());
        PickleScan unknownOpcode = scan(new PickleBytes().proto(4).stackGlobal("os", "system").raw(0xff).build());
        PickleScan missingMemo = scan(new PickleBytes().proto(4).raw('h', 3, '.').build());
        PickleScan underflow = scan(new PickleBytes().proto(4).raw('N', 'R', '.').build());
        PickleScan empty = scan(new byte[0]);
        PickleScan trailing = scan(new PickleBytes().proto(4).raw('N', '.', 0x00).build());

        assertThat(keys(truncated)).containsExactly("os.system");
        assertThat(truncated.problem()).startsWith("the pickle is malformed: the stream ends before the pickle is "
                + "complete (truncated file) at byte 20");
        assertThat(keys(unknownOpcode)).containsExactly("os.system");
        assertThat(unknownOpcode.problem()).isEqualTo("the pickle is malformed: unknown opcode 0xff at byte 15");
        assertThat(missingMemo.problem()).contains("GET of memo entry 3, which was never stored");
        assertThat(underflow.problem()).contains("stack underflow");
        assertThat(empty.problem()).isEqualTo("the stream is empty, it holds no pickle");
        assertThat(trailing.problem()).isEqualTo("pickle 2 of the stream is malformed: unknown opcode 0x00 at byte 4");
    }

    @Test
    void shouldStopAfterTheGivenNumberOfPickles() throws IOException {
        byte[] stream = new PickleBytes().proto(2).raw('N', '.').raw(0x00, 0x01, 0x02).build();

        PickleScan scan = PickleScan.of(new ByteArrayInputStream(stream), 1);

        assertThat(scan.problem()).isEmpty();
        assertThat(scan.pickles()).isEqualTo(1);
    }

    @Test
    void shouldRejectUnsupportedProtocolsAndNegativeLengths() throws IOException {
        assertThat(scan(new PickleBytes().proto(6).raw('N', '.').build()).problem())
                .contains("unsupported pickle protocol 6");
        assertThat(scan(new PickleBytes().raw('T', 0xff, 0xff, 0xff, 0xff).build()).problem())
                .contains("BINSTRING with a negative length");
    }

    @Test
    void shouldSkipEveryDataOpcodeOfEveryProtocol() throws IOException {
        byte[] values = new PickleBytes().proto(5).raw(0x95, 3, 0, 0, 0, 0, 0, 0, 0).raw('(')
                .raw("I01\nI-42\nL123456789012345678901234567890L\nF1.5\n").raw('G', 0, 0, 0, 0, 0, 0, 0xf0, 0x3f)
                .raw('J', 1, 2, 3, 4).raw('K', 9).raw('M', 1, 2).raw(0x8a, 2, 0xff, 0x7f).raw(0x8b, 1, 0, 0, 0, 5)
                .raw('B', 2, 0, 0, 0, 'a', 'b').raw('C', 1, 'c').raw(0x8e, 1, 0, 0, 0, 0, 0, 0, 0, 'd')
                .raw(0x96, 1, 0, 0, 0, 0, 0, 0, 0, 'e').raw(0x98).raw(0x97).raw("Pid\n").raw('N', 'Q')
                .raw("S'x\\x41\\101\\n'\nVcaf\\u00e9\n").raw('T', 1, 0, 0, 0, 't').raw('U', 1, 'u')
                .raw('X', 1, 0, 0, 0, 'x').raw(0x8d, 1, 0, 0, 0, 0, 0, 0, 0, 'y').raw(0x88, 0x89, 'N')
                .raw('l', ']', 'N', 'a', '(', 'N', 'e', '}', 'N', 'N', 's', '(', 'N', 'N', 'u', 0x8f, '(', 'N', 0x90)
                .raw('(', 'N', 0x91, ')', 'N', 0x85, 'N', 'N', 0x86, 'N', 'N', 'N', 0x87, '(', 'N', 'd', '2', '0')
                .raw('(', '(', '1', 't', '.').build();

        PickleScan scan = scan(values);

        assertThat(scan.problem()).isEmpty();
        assertThat(scan.imports()).isEmpty();
    }

    @Test
    void shouldReadTextLinesOfAnyLength() throws IOException {
        String longText = "a".repeat(PickleInput.MAX_LINE + 1);
        byte[] protocol0 = new PickleBytes().raw("c" + longText + "\nsystem\n(S'" + longText + "'\nV" + longText
                + "\nL" + "9".repeat(70_000) + "L\ntR.").build();

        PickleScan scan = scan(protocol0);

        assertThat(scan.problem()).isEmpty();
        assertThat(scan.imports()).containsExactly(PickleGlobal.unknown(null, "system"));
    }

    @Test
    void shouldFollowTextPushedWithEveryStringOpcode() throws IOException {
        byte[] stream = new PickleBytes().raw('(').raw("S'o\\x73'\nVsyst\\u0065m\n").raw(0x93)
                .raw('T', 8, 0, 0, 0).raw("builtins").raw('U', 4).raw("exec").raw(0x93)
                .raw('X', 6, 0, 0, 0).raw("shutil").raw(0x8d, 6, 0, 0, 0, 0, 0, 0, 0).raw("rmtree").raw(0x93)
                .raw('t', '.').build();

        assertThat(keys(scan(stream)))
                .containsExactly("os.system", "builtins.exec", "shutil.rmtree");
    }
}
