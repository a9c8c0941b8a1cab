package io.mlgitops.compliance.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The memo of a pickle being scanned: the values {@code PUT}/{@code MEMOIZE} stored, by index. Picklers number
 * memo entries 0, 1, 2, ... so those are kept in a list; other indexes in a map.
 */
final class PickleMemo {
    private static final int MAX_ENTRIES = 20_000_000;

    private final List<PickleValue> dense = new ArrayList<>();
    private final Map<Long, PickleValue> sparse = new HashMap<>();

    /** The number of entries, which is the index {@code MEMOIZE} stores at. */
    long size() {
        return (long) dense.size() + sparse.size();
    }

    void put(final long index, final PickleValue value, final long position) throws MalformedPickleException {
        if (index < dense.size()) {
            dense.set((int) index, value);
            return;
        }
        if (size() >= MAX_ENTRIES && !sparse.containsKey(index)) {
            throw new MalformedPickleException("more than " + MAX_ENTRIES + " memo entries", position);
        }
        if (index != dense.size()) {
            sparse.put(index, value);
            return;
        }
        dense.add(value);
        PickleValue next = sparse.remove((long) dense.size());
        while (next != null) {
            dense.add(next);
            next = sparse.remove((long) dense.size());
        }
    }

    /** The value stored at {@code index}, or {@code null} when there is none. */
    PickleValue get(final long index) {
        return index < dense.size() ? dense.get((int) index) : sparse.get(index);
    }
}
