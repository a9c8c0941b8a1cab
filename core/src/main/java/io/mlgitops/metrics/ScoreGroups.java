package io.mlgitops.metrics;

import java.util.Arrays;

/**
 * Rows ordered by ascending score, with rows of equal score in one group (ties count as one threshold, as in
 * scikit-learn's ROC and precision-recall curves). Built once in O(n log n) with primitive arrays only; ranking
 * metrics and the DeLong test then walk the groups in O(n) per evaluation.
 */
public final class ScoreGroups {
    private final int[] rowsInOrder;
    private final int[] groupStart;

    private ScoreGroups(final int[] rowsInOrder, final int[] groupStart) {
        this.rowsInOrder = rowsInOrder;
        this.groupStart = groupStart;
    }

    /**
     * Groups rows by score. Scores must be finite (callers check and report the row); {@code -0.0} and {@code 0.0}
     * are the same score.
     */
    public static ScoreGroups of(final double[] scores) {
        double[] distinct = distinctSorted(scores);
        int[] groupOfRow = new int[scores.length];
        int[] groupStart = new int[distinct.length + 1];
        for (int row = 0; row < scores.length; row++) {
            int group = Arrays.binarySearch(distinct, scores[row] + 0.0);
            groupOfRow[row] = group;
            groupStart[group + 1]++;
        }
        for (int group = 0; group < distinct.length; group++) {
            groupStart[group + 1] += groupStart[group];
        }
        int[] next = Arrays.copyOf(groupStart, distinct.length);
        int[] rowsInOrder = new int[scores.length];
        for (int row = 0; row < scores.length; row++) {
            rowsInOrder[next[groupOfRow[row]]++] = row;
        }
        return new ScoreGroups(rowsInOrder, groupStart);
    }

    private static double[] distinctSorted(final double[] scores) {
        double[] sorted = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            sorted[i] = scores[i] + 0.0;
        }
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
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
}
