package io.mlgitops.metrics;

import java.util.Arrays;

/**
 * Rows ordered by ascending score, with rows of equal score in one group (ties count as one threshold, as in
 * scikit-learn's ROC and precision-recall curves). Built once with a stable radix sort of the scores' bit patterns
 * (O(n), primitive arrays only); ranking metrics and the DeLong test then walk the groups in O(n) per evaluation.
 */
public final class ScoreGroups {
    private static final int DIGIT_BITS = 16;
    private static final int BUCKETS = 1 << DIGIT_BITS;

    private final int[] rowsInOrder;
    private final int[] groupStart;

    private ScoreGroups(final int[] rowsInOrder, final int[] groupStart) {
        this.rowsInOrder = rowsInOrder;
        this.groupStart = groupStart;
    }

    /**
     * Groups rows by score. Scores must be finite (callers check and report the row); {@code -0.0} and {@code 0.0}
     * are the same score. Rows of one group keep their original order.
     */
    public static ScoreGroups of(final double[] scores) {
        long[] keys = new long[scores.length];
        int[] rows = new int[scores.length];
        for (int row = 0; row < scores.length; row++) {
            keys[row] = sortableKey(scores[row]);
            rows[row] = row;
        }
        long[] keyBuffer = new long[scores.length];
        int[] rowBuffer = new int[scores.length];
        int[] counts = new int[BUCKETS];
        for (int shift = 0; shift < Long.SIZE; shift += DIGIT_BITS) {
            if (scatter(keys, rows, keyBuffer, rowBuffer, counts, shift)) {
                long[] swapKeys = keys;
                keys = keyBuffer;
                keyBuffer = swapKeys;
                int[] swapRows = rows;
                rows = rowBuffer;
                rowBuffer = swapRows;
            }
        }
        return new ScoreGroups(rows, groupStarts(keys));
    }

    /** An unsigned key whose order is the numeric order of finite doubles, with -0.0 mapped onto 0.0. */
    private static long sortableKey(final double score) {
        long bits = Double.doubleToRawLongBits(score + 0.0);
        return bits < 0 ? ~bits : bits | Long.MIN_VALUE;
    }

    /** One stable counting-sort pass on a 16-bit digit; false (and nothing moved) when all keys share the digit. */
    private static boolean scatter(final long[] keys, final int[] rows, final long[] keyTarget,
            final int[] rowTarget, final int[] counts, final int shift) {
        Arrays.fill(counts, 0);
        for (long key : keys) {
            counts[(int) (key >>> shift) & (BUCKETS - 1)]++;
        }
        if (keys.length == 0 || counts[(int) (keys[0] >>> shift) & (BUCKETS - 1)] == keys.length) {
            return false;
        }
        int next = 0;
        for (int digit = 0; digit < BUCKETS; digit++) {
            int count = counts[digit];
            counts[digit] = next;
            next += count;
        }
        for (int i = 0; i < keys.length; i++) {
            int target = counts[(int) (keys[i] >>> shift) & (BUCKETS - 1)]++;
            keyTarget[target] = keys[i];
            rowTarget[target] = rows[i];
        }
        return true;
    }

    private static int[] groupStarts(final long[] sortedKeys) {
        int[] starts = new int[sortedKeys.length + 1];
        int groups = 0;
        for (int i = 0; i < sortedKeys.length; i++) {
            if (i == 0 || sortedKeys[i] != sortedKeys[i - 1]) {
                starts[groups++] = i;
            }
        }
        starts[groups] = sortedKeys.length;
        return Arrays.copyOf(starts, groups + 1);
    }

    public int rows() {
        return rowsInOrder.length;
    }

    /** The number of distinct scores. */
    public int groups() {
        return groupStart.length - 1;
    }

    /** Position (in ascending score order) of the first row of a group. */
    public int start(final int group) {
        return groupStart[group];
    }

    /** Position just after the last row of a group. */
    public int end(final int group) {
        return groupStart[group + 1];
    }

    /** The row at a position of the ascending score order. */
    public int rowAt(final int position) {
        return rowsInOrder[position];
    }

    /** The rows in ascending score order, shared with the ranking kernels of this package; not to be modified. */
    int[] rowsInOrder() {
        return rowsInOrder;
    }

    /** Group boundaries: group g spans positions {@code [groupStarts()[g], groupStarts()[g + 1])}; shared. */
    int[] groupStarts() {
        return groupStart;
    }
}
