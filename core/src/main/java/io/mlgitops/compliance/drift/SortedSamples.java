package io.mlgitops.compliance.drift;

/** Walks over sorted samples. */
final class SortedSamples {
    private SortedSamples() {
    }

    /** The smaller of the values at the two positions; a sample that is used up does not count. */
    static double nextValue(final double[] first, final int i, final double[] second, final int j) {
        if (j == second.length) {
            return first[i];
        }
        if (i == first.length) {
            return second[j];
        }
        return Math.min(first[i], second[j]);
    }

    /** The number of distinct values of one sorted sample. */
    static int distinct(final double[] sorted) {
        return distinctUnion(sorted, new double[0]);
    }

    /** The number of distinct values in two sorted samples together. */
    static int distinctUnion(final double[] first, final double[] second) {
        int distinct = 0;
        int i = 0;
        int j = 0;
        while (i < first.length || j < second.length) {
            double value = nextValue(first, i, second, j);
            while (i < first.length && first[i] == value) {
                i++;
            }
            while (j < second.length && second[j] == value) {
                j++;
            }
            distinct++;
        }
        return distinct;
    }
}
