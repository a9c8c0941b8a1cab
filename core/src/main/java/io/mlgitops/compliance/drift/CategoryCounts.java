package io.mlgitops.compliance.drift;

/**
 * How often each value occurs in the reference and the current sample, the values in ascending order (numbers by
 * value, texts by their characters), every value that occurs in either sample listed once.
 *
 * @param reference per value, its count in the reference sample
 * @param current   per value, its count in the current sample
 */
record CategoryCounts(long[] reference, long[] current) {
    long referenceTotal() {
        return total(reference);
    }

    long currentTotal() {
        return total(current);
    }

    int size() {
        return reference.length;
    }

    private static long total(final long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** Counts of the distinct values of two sorted samples, walked side by side. */
    static CategoryCounts ofSorted(final double[] reference, final double[] current) {
        int distinct = SortedSamples.distinctUnion(reference, current);
        long[] referenceCounts = new long[distinct];
        long[] currentCounts = new long[distinct];
        int i = 0;
        int j = 0;
        for (int category = 0; category < distinct; category++) {
            double value = SortedSamples.nextValue(reference, i, current, j);
            int start = i;
            while (i < reference.length && reference[i] == value) {
                i++;
            }
            referenceCounts[category] = i - start;
            start = j;
            while (j < current.length && current[j] == value) {
                j++;
            }
            currentCounts[category] = j - start;
        }
        return new CategoryCounts(referenceCounts, currentCounts);
    }
}
