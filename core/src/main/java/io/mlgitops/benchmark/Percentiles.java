package io.mlgitops.benchmark;

import java.util.Arrays;

/** Percentiles with linear interpolation between order statistics (numpy's default method). */
final class Percentiles {
    private Percentiles() {
    }

    /**
     * @param sorted     values in ascending order, not empty
     * @param percentile in [0, 100]
     */
    static double of(final double[] sorted, final double percentile) {
        double position = (sorted.length - 1) * percentile / 100.0;
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        double fraction = position - lower;
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
    }

    static double[] sortedCopy(final double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
