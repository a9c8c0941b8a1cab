package io.mlgitops.canary.local;

import java.util.Arrays;

/**
 * A Prometheus-style histogram being filled: fixed upper bounds, a count per bucket (the last one unbounded) and the
 * sum of the observations. Not thread-safe; {@link ServerMetrics} guards it.
 */
final class Histogram {
    private final double[] bounds;
    private final long[] counts;
    private double sum;

    /** @param bounds the finite upper bounds, ascending */
    Histogram(final double[] bounds) {
        for (int i = 1; i < bounds.length; i++) {
            if (!(bounds[i] > bounds[i - 1])) {
                throw new IllegalArgumentException("bucket bounds must ascend: " + Arrays.toString(bounds));
            }
        }
        this.bounds = bounds.clone();
        this.counts = new long[bounds.length + 1];
    }

    void observe(final double value) {
        int bucket = Arrays.binarySearch(bounds, value);
        counts[bucket >= 0 ? bucket : -bucket - 1]++;
        sum += value;
    }

    HistogramCounts counts() {
        return new HistogramCounts(bounds, counts.clone(), sum);
    }
}
