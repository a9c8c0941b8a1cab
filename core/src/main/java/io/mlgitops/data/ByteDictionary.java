package io.mlgitops.data;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Assigns dense codes to distinct byte strings in order of first appearance, without creating an object per value:
 * the bytes live in one pool and an open-addressing table maps them to codes. Remembers where each value first
 * appeared, so that an invalid one can be reported by row and line.
 */
final class ByteDictionary {
    private byte[] pool = new byte[256];
    private int poolSize;
    private int[] offsets = new int[16];
    private int[] lengths = new int[16];
    private int[] hashes = new int[16];
    private int[] firstRows = new int[16];
    private long[] firstLines = new long[16];
    private int size;
    private int[] table = emptyTable(32);

    /** The code of {@code bytes[start, start + length)}, adding it when new. */
    int intern(final byte[] bytes, final int start, final int length, final int row, final long line) {
        int hash = hash(bytes, start, length);
        int mask = table.length - 1;
        int slot = hash & mask;
        while (true) {
            int code = table[slot];
            if (code < 0) {
                return add(bytes, start, length, hash, slot, row, line);
            }
            if (hashes[code] == hash && lengths[code] == length
                    && Arrays.equals(pool, offsets[code], offsets[code] + length, bytes, start, start + length)) {
                return code;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    int firstRow(final int code) {
        return firstRows[code];
    }

    long firstLine(final int code) {
        return firstLines[code];
    }

    /** The value of a code as UTF-8 text, or {@code null} when its bytes are not valid UTF-8. */
    String text(final int code) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(pool, offsets[code], lengths[code]))
                    .toString();
        }
        catch (CharacterCodingException invalid) {
            return null;
        }
    }

    /** Calls {@link #intern} for every value of {@code other}, in code order; returns the new code of each. */
    int[] internAll(final ByteDictionary other) {
        int[] mapping = new int[other.size];
        for (int code = 0; code < other.size; code++) {
            mapping[code] = intern(other.pool, other.offsets[code], other.lengths[code], other.firstRows[code],
                    other.firstLines[code]);
        }
        return mapping;
    }

    private int add(final byte[] bytes, final int start, final int length, final int hash, final int slot,
            final int row, final long line) {
        if (size == offsets.length) {
            int capacity = size * 2;
            offsets = Arrays.copyOf(offsets, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
            firstRows = Arrays.copyOf(firstRows, capacity);
            firstLines = Arrays.copyOf(firstLines, capacity);
        }
        if (poolSize + length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + length));
        }
        System.arraycopy(bytes, start, pool, poolSize, length);
        int code = size++;
        offsets[code] = poolSize;
        lengths[code] = length;
        hashes[code] = hash;
        firstRows[code] = row;
        firstLines[code] = line;
        poolSize += length;
        table[slot] = code;
        if (size * 2 > table.length) {
            rehash();
        }
        return code;
    }

    private void rehash() {
        table = emptyTable(table.length * 2);
        int mask = table.length - 1;
        for (int code = 0; code < size; code++) {
            int slot = hashes[code] & mask;
            while (table[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = code;
        }
    }

    private static int[] emptyTable(final int capacity) {
        int[] empty = new int[capacity];
        Arrays.fill(empty, -1);
        return empty;
    }

    private static int hash(final byte[] bytes, final int start, final int length) {
        int hash = 0;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        hash = (hash ^ (hash >>> 16)) * 0x85EBCA6B;
        hash = (hash ^ (hash >>> 13)) * 0xC2B2AE35;
        return hash ^ (hash >>> 16);
    }
}
