package io.mlgitops.compliance.security;

import io.mlgitops.compliance.security.PickleValue.Dict;
import io.mlgitops.compliance.security.PickleValue.Global;
import io.mlgitops.compliance.security.PickleValue.Instance;
import io.mlgitops.compliance.security.PickleValue.Int;
import io.mlgitops.compliance.security.PickleValue.Items;
import io.mlgitops.compliance.security.PickleValue.Text;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks the opcodes of one pickle (protocols 0 to 5, every opcode of Python's pickletools) up to its {@code STOP}
 * and records each import, without building or calling anything. A symbolic stack and memo (see
 * {@link PickleValue}) tell what the two operands of {@code STACK_GLOBAL} are, however they were pushed or taken
 * from the memo, and let joblib's array data be skipped (see {@link JoblibArray}).
 *
 * <p>A strict machine fails where Python's unpickler would (stack underflow, missing memo entry or mark). A lenient
 * one, used to read bytes that should not be opcodes at all, accepts those and only fails on bytes that cannot be
 * opcodes.
 */
final class PickleMachine {
    /** More values (or marks) on the stack than any pickler writes: the stream is hostile or not a pickle. */
    private static final int MAX_STACK = 10_000_000;
    private static final int MAX_IMPORTS = 100_000;
    private static final int MAX_NESTING = 16;
    private static final int HIGHEST_PROTOCOL = 5;
    private static final int LONG_BYTES = 8;

    private final PickleInput input;
    private final Set<PickleGlobal> imports;
    private final boolean lenient;
    private final int nesting;
    private final List<PickleValue> stack = new ArrayList<>();
    private final PickleMemo memo = new PickleMemo();
    private int[] marks = new int[16];
    private int markCount;
    /** Where the opcode being carried out starts, for messages. */
    private long opcodeStart;

    /**
     * @param imports where each import is added, in the order met
     * @param nesting how many pickles this one is nested in (joblib object arrays)
     */
    PickleMachine(final PickleInput input, final Set<PickleGlobal> imports, final boolean lenient,
            final int nesting) throws MalformedPickleException {
        if (nesting > MAX_NESTING) {
            throw new MalformedPickleException("pickles nested more than " + MAX_NESTING + " deep",
                    input.position());
        }
        this.input = input;
        this.imports = imports;
        this.lenient = lenient;
        this.nesting = nesting;
    }

    /**
     * Reads opcodes up to {@code STOP}, starting with {@code first}, which the caller has read. A lenient machine
     * also stops, without failing, where its input ends between two opcodes.
     */
    void run(final int first) throws IOException, MalformedPickleException {
        int opcode = first;
        while (!step(opcode)) {
            opcode = input.next();
            if (opcode < 0) {
                if (lenient) {
                    return;
                }
                throw input.truncated();
            }
        }
    }

    /** Carries out one opcode; true at {@code STOP}. */
    private boolean step(final int opcode) throws IOException, MalformedPickleException {
        opcodeStart = input.position() - 1;
        if (opcode == '.') { // STOP
            pop();
            return true;
        }
        if (!pushLiteral(opcode) && !pushText(opcode) && !buildContainer(opcode) && !useMemo(opcode)
                && !importOrCall(opcode) && !control(opcode)) {
            throw malformed(String.format("unknown opcode 0x%02x", opcode));
        }
        return false;
    }

    private boolean pushLiteral(final int opcode) throws IOException, MalformedPickleException {
        switch (opcode) {
            case 'N', 0x88, 0x89, 0x97 -> push(PickleValue.OTHER); // NONE, NEWTRUE, NEWFALSE, NEXT_BUFFER
            case 'I' -> push(decimal(input.line(), "INT")); // INT
            case 'L' -> push(decimal(stripSuffix(input.line()), "LONG")); // LONG
            case 'J' -> push(new Int(input.s32())); // BININT
            case 'K' -> push(new Int(input.u8())); // BININT1
            case 'M' -> push(new Int(input.unsigned(2))); // BININT2
            case 0x8a -> push(littleEndian(input.u8())); // LONG1
            case 0x8b -> push(littleEndian(length(input.s32(), "LONG4"))); // LONG4
            case 'F', 'P' -> { // FLOAT, PERSID
                input.line();
                push(PickleValue.OTHER);
            }
            case 'G' -> skipThenPush(LONG_BYTES); // BINFLOAT
            case 'B' -> skipThenPush(input.u32()); // BINBYTES
            case 'C' -> skipThenPush(input.u8()); // SHORT_BINBYTES
            case 0x8e, 0x96 -> skipThenPush(input.unsigned(LONG_BYTES)); // BINBYTES8, BYTEARRAY8
            case 'Q' -> { // BINPERSID
                pop();
                push(PickleValue.OTHER);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean pushText(final int opcode) throws IOException, MalformedPickleException {
        switch (opcode) {
            case 'S' -> push(quoted(input.line())); // STRING
            case 'V' -> push(unicode(input.line())); // UNICODE
            case 'T' -> push(text(length(input.s32(), "BINSTRING"), StandardCharsets.ISO_8859_1)); // BINSTRING
            case 'U' -> push(text(input.u8(), StandardCharsets.ISO_8859_1)); // SHORT_BINSTRING
            case 'X' -> push(text(input.u32(), StandardCharsets.UTF_8)); // BINUNICODE
            case 0x8c -> push(text(input.u8(), StandardCharsets.UTF_8)); // SHORT_BINUNICODE
            case 0x8d -> push(text(input.unsigned(LONG_BYTES), StandardCharsets.UTF_8)); // BINUNICODE8
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean buildContainer(final int opcode) throws IOException, MalformedPickleException {
        switch (opcode) {
            case '(' -> mark(); // MARK
            case ')', ']', 0x8f -> push(new Items(List.of())); // EMPTY_TUPLE, EMPTY_LIST, EMPTY_SET
            case '}' -> push(new Dict()); // EMPTY_DICT
            case 't', 'l', 0x91 -> push(new Items(popMark())); // TUPLE, LIST, FROZENSET
            case 0x85 -> push(new Items(pop(1))); // TUPLE1
            case 0x86 -> push(new Items(pop(2))); // TUPLE2
            case 0x87 -> push(new Items(pop(3))); // TUPLE3
            case 'd' -> { // DICT
                Dict dict = new Dict();
                putAll(dict, popMark());
                push(dict);
            }
            case 'a' -> { // APPEND
                PickleValue item = pop();
                addAll(peek(), List.of(item));
            }
            case 'e', 0x90 -> { // APPENDS, ADDITEMS
                List<PickleValue> items = popMark();
                addAll(peek(), items);
            }
            case 's' -> { // SETITEM
                List<PickleValue> entry = pop(2);
                putAll(peek(), entry);
            }
            case 'u' -> { // SETITEMS
                List<PickleValue> entries = popMark();
                putAll(peek(), entries);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean useMemo(final int opcode) throws IOException, MalformedPickleException {
        switch (opcode) {
            case 'p' -> memoize(index(input.line(), "PUT")); // PUT
            case 'q' -> memoize(input.u8()); // BINPUT
            case 'r' -> memoize(input.u32()); // LONG_BINPUT
            case 0x94 -> memoize(memo.size()); // MEMOIZE
            case 'g' -> recall(index(input.line(), "GET")); // GET
            case 'h' -> recall(input.u8()); // BINGET
            case 'j' -> recall(input.u32()); // LONG_BINGET
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean importOrCall(final int opcode) throws IOException, MalformedPickleException {
        switch (opcode) {
            case 'c' -> push(new Global(imported(named(input.utf8Line(), input.utf8Line())))); // GLOBAL
            case 'i' -> { // INST
                PickleGlobal type = imported(named(input.utf8Line(), input.utf8Line()));
                push(new Instance(type, kept(popMark())));
            }
            case 0x93 -> stackGlobal(); // STACK_GLOBAL
            case 0x82 -> extension(input.u8()); // EXT1
            case 0x83 -> extension(input.unsigned(2)); // EXT2
            case 0x84 -> extension(input.s32()); // EXT4
            case 'R', 0x81 -> { // REDUCE, NEWOBJ
                List<PickleValue> call = pop(2);
                push(instance(call.get(0), call.get(1)));
            }
            case 0x92 -> { // NEWOBJ_EX
                List<PickleValue> call = pop(3);
                push(instance(call.get(0), call.get(1)));
            }
            case 'o' -> { // OBJ
                List<PickleValue> call = popMark();
                if (call.isEmpty()) {
                    requireLenient("OBJ without a class");
                    call = List.of(PickleValue.OTHER);
                }
                push(instance(call.get(0), new Items(call.subList(1, call.size()))));
            }
            case 'b' -> build(pop()); // BUILD
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean control(final int opcode) throws IOException, MalformedPickleException {
        switch (opcode) {
            case '0' -> popOrMark(); // POP
            case '1' -> popMark(); // POP_MARK
            case '2' -> push(peek()); // DUP
            case 0x98 -> peek(); // READONLY_BUFFER
            case 0x80 -> { // PROTO
                int protocol = input.u8();
                if (protocol > HIGHEST_PROTOCOL) {
                    throw malformed("unsupported pickle protocol " + protocol);
                }
            }
            case 0x95 -> input.unsigned(LONG_BYTES); // FRAME
            default -> {
                return false;
            }
        }
        return true;
    }

    private void stackGlobal() throws MalformedPickleException {
        List<PickleValue> operands = pop(2);
        String module = operands.get(0) instanceof Text text ? text.value() : null;
        String name = operands.get(1) instanceof Text text ? text.value() : null;
        push(new Global(imported(named(module, name))));
    }

    /** The import of {@code module.name}; unknown when either could not be read ({@code null}). */
    private static PickleGlobal named(final String module, final String name) {
        return module == null || name == null ? PickleGlobal.unknown(module, name) : PickleGlobal.of(module, name);
    }

    /** {@code EXTn}: an import registered with copyreg.add_extension by the loading program, unknown here. */
    private void extension(final long code) throws MalformedPickleException {
        push(new Global(imported(PickleGlobal.unknown(null, "extension_" + code))));
    }

    private PickleGlobal imported(final PickleGlobal global) throws MalformedPickleException {
        if (imports.size() >= MAX_IMPORTS && !imports.contains(global)) {
            throw malformed("more than " + MAX_IMPORTS + " different imports");
        }
        imports.add(global);
        return global;
    }

    /** What calling {@code callable(*arguments)} returns; {@code copyreg._reconstructor(cls, ...)} makes a cls. */
    private static Instance instance(final PickleValue callable, final PickleValue arguments) {
        List<PickleValue> kept = arguments instanceof Items items ? items.kept() : List.of();
        PickleGlobal type = callable instanceof Global global ? global.global() : null;
        boolean reconstructor = type != null && type.name().equals("_reconstructor")
                && (type.module().equals("copyreg") || type.module().equals("copy_reg"));
        if (reconstructor && !kept.isEmpty() && kept.get(0) instanceof Global cls) {
            return new Instance(cls.global(), kept);
        }
        return new Instance(type, kept);
    }

    private void build(final PickleValue state) throws IOException, MalformedPickleException {
        PickleValue target = peek();
        if (!(target instanceof Instance instance)) {
            return;
        }
        instance.build(state);
        if (JoblibArray.isWrapper(instance)) {
            skipJoblibArray(JoblibArray.of(state, opcodeStart));
        }
    }

    private void skipJoblibArray(final JoblibArray array) throws IOException, MalformedPickleException {
        if (array.objects()) {
            int first = input.next();
            if (first < 0) {
                throw input.truncated();
            }
            new PickleMachine(input, imports, lenient, nesting + 1).run(first);
        }
        else if (array.aligned()) {
            input.skip(input.u8());
            input.skip(array.bytes());
        }
        else {
            PickleInput region = input.region(array.bytes());
            readHiddenOpcodes(region);
            input.skipRegion(region);
        }
    }

    /**
     * Python's plain {@code pickle.load} does not know joblib's layout: it reads unpadded array bytes as opcodes.
     * When they are opcodes (a crafted file), their imports count too.
     */
    private void readHiddenOpcodes(final PickleInput region) throws IOException, MalformedPickleException {
        Set<PickleGlobal> hidden = new LinkedHashSet<>();
        try {
            int first = region.next();
            if (first >= 0) {
                new PickleMachine(region, hidden, true, nesting + 1).run(first);
            }
        }
        catch (MalformedPickleException arrayData) {
            return;
        }
        for (PickleGlobal global : hidden) {
            imported(global);
        }
    }

    private void memoize(final long index) throws MalformedPickleException {
        if (stack.size() > base()) {
            memo.put(index, stack.get(stack.size() - 1), opcodeStart);
        }
        else {
            requireLenient("PUT or MEMOIZE with an empty stack");
        }
    }

    private void recall(final long index) throws MalformedPickleException {
        PickleValue value = memo.get(index);
        if (value == null) {
            requireLenient("GET of memo entry " + index + ", which was never stored");
            value = PickleValue.OTHER;
        }
        push(value);
    }

    private static void addAll(final PickleValue target, final List<PickleValue> items) {
        if (target instanceof Items list) {
            items.forEach(list::add);
        }
    }

    private static void putAll(final PickleValue target, final List<PickleValue> entries) {
        if (target instanceof Dict dict) {
            for (int i = 0; i + 1 < entries.size(); i += 2) {
                dict.put(entries.get(i), entries.get(i + 1));
            }
        }
    }

    private static List<PickleValue> kept(final List<PickleValue> items) {
        return new Items(items).kept();
    }

    private void push(final PickleValue value) throws MalformedPickleException {
        if (stack.size() >= MAX_STACK) {
            throw malformed("more than " + MAX_STACK + " values on the unpickling stack");
        }
        stack.add(value);
    }

    private void skipThenPush(final long length) throws IOException, MalformedPickleException {
        input.skip(length);
        push(PickleValue.OTHER);
    }

    private int base() {
        return markCount == 0 ? 0 : marks[markCount - 1];
    }

    private PickleValue pop() throws MalformedPickleException {
        return pop(1).get(0);
    }

    /** The top {@code count} values, deepest first. */
    private List<PickleValue> pop(final int count) throws MalformedPickleException {
        int from = stack.size() - count;
        if (from < base()) {
            requireLenient("stack underflow");
            List<PickleValue> filler = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                filler.add(PickleValue.OTHER);
            }
            return filler;
        }
        List<PickleValue> top = new ArrayList<>(stack.subList(from, stack.size()));
        stack.subList(from, stack.size()).clear();
        return top;
    }

    private PickleValue peek() throws MalformedPickleException {
        if (stack.size() <= base()) {
            requireLenient("stack underflow");
            return PickleValue.OTHER;
        }
        return stack.get(stack.size() - 1);
    }

    private void mark() throws MalformedPickleException {
        if (markCount >= MAX_STACK) {
            throw malformed("more than " + MAX_STACK + " MARKs on the unpickling stack");
        }
        if (markCount == marks.length) {
            marks = Arrays.copyOf(marks, marks.length * 2);
        }
        marks[markCount++] = stack.size();
    }

    /** The values pushed since the last {@code MARK}, which is removed. */
    private List<PickleValue> popMark() throws MalformedPickleException {
        if (markCount == 0) {
            requireLenient("no MARK to pop");
            return List.of();
        }
        int from = marks[--markCount];
        List<PickleValue> items = new ArrayList<>(stack.subList(from, stack.size()));
        stack.subList(from, stack.size()).clear();
        return items;
    }

    /** {@code POP}: like Python, drops the last {@code MARK} when nothing was pushed after it. */
    private void popOrMark() throws MalformedPickleException {
        if (stack.size() > base()) {
            stack.remove(stack.size() - 1);
        }
        else if (markCount > 0) {
            markCount--;
        }
        else {
            requireLenient("stack underflow");
        }
    }

    private void requireLenient(final String problem) throws MalformedPickleException {
        if (!lenient) {
            throw malformed(problem);
        }
    }

    /** {@code STRING}; a line too long to keep is a text the scanner does not need. */
    private PickleValue quoted(final byte[] line) throws MalformedPickleException {
        if (line == null) {
            return PickleValue.OTHER;
        }
        String value = PickleText.quoted(line);
        if (value == null) {
            throw malformed("a STRING argument that is not quoted");
        }
        return text(value);
    }

    private PickleValue text(final long length, final Charset charset) throws IOException, MalformedPickleException {
        if (length > (long) PickleValue.KEPT_TEXT * 4) {
            input.skip(length);
            return PickleValue.OTHER;
        }
        return text(new String(input.bytes((int) length), charset));
    }

    private static PickleValue unicode(final byte[] line) {
        return line == null ? PickleValue.OTHER : text(PickleText.rawUnicodeEscape(line));
    }

    private static PickleValue text(final String value) {
        return value.length() <= PickleValue.KEPT_TEXT ? new Text(value) : PickleValue.OTHER;
    }

    private long length(final int value, final String opcode) throws MalformedPickleException {
        if (value < 0) {
            throw malformed(opcode + " with a negative length");
        }
        return value;
    }

    /** {@code LONG1}/{@code LONG4}: a two's-complement little-endian integer of {@code length} bytes. */
    private PickleValue littleEndian(final long length) throws IOException, MalformedPickleException {
        if (length > LONG_BYTES) {
            input.skip(length);
            return PickleValue.OTHER;
        }
        byte[] bytes = input.bytes((int) length);
        long value = 0;
        for (int i = 0; i < bytes.length; i++) {
            value |= (bytes[i] & 0xffL) << (8 * i);
        }
        int unused = 64 - 8 * bytes.length;
        return new Int(unused == 64 ? 0 : value << unused >> unused);
    }

    /** {@code INT}/{@code LONG}: a decimal number ({@code INT} 00 and 01 are False and True). */
    private PickleValue decimal(final byte[] line, final String opcode) throws MalformedPickleException {
        if (line == null) {
            return PickleValue.OTHER;
        }
        String digits = new String(line, StandardCharsets.US_ASCII).strip();
        try {
            BigInteger value = new BigInteger(digits);
            boolean bool = opcode.equals("INT") && (digits.equals("00") || digits.equals("01"));
            return bool || value.bitLength() >= Long.SIZE ? PickleValue.OTHER : new Int(value.longValue());
        }
        catch (NumberFormatException notANumber) {
            throw malformed(opcode + " argument '" + digits + "' is not a number");
        }
    }

    private static byte[] stripSuffix(final byte[] line) {
        boolean suffix = line != null && line.length > 0 && line[line.length - 1] == 'L';
        return suffix ? Arrays.copyOf(line, line.length - 1) : line;
    }

    private long index(final byte[] line, final String opcode) throws MalformedPickleException {
        if (!(decimal(line, opcode) instanceof Int index) || index.value() < 0) {
            throw malformed(opcode + " argument '" + (line == null ? "(too long)"
                    : new String(line, StandardCharsets.US_ASCII)) + "' is not a memo index");
        }
        return index.value();
    }

    private MalformedPickleException malformed(final String problem) {
        return new MalformedPickleException(problem, opcodeStart);
    }
}
