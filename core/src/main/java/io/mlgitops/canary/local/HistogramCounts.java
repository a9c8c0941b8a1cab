package io.mlgitops.canary.local;

/**
 * A histogram's state at one time, or its increase over a window: per bucket (not cumulative) counts, the last one
 * above every bound, and the sum of the observations.
 *
 * @param bounds the finite upper bounds, ascending; shared, never modified
 * @param counts per bucket, {@code bounds.length + 1} of them
 * @param sum    of the observations
 */
record HistogramCounts(double[] bounds, long[] counts, double sum) {
    HistogramCounts {
        if (counts.length != bounds.length + 1) {
            throw new IllegalArgumentException(counts.length + " counts for " + bounds.length + " bounds");
        }
    }

    static HistogramCounts empty(final double[] bounds) {
        return new HistogramCounts(bounds, new long[bounds.length + 1], 0);
    }

    long count() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** The cumulative count of observations at most {@code bounds[bucket]} (or all, for the last bucket). */
    long cumulative(final int bucket) {
        long total = 0;
        for (int i = 0; i <= bucket; i++) {
            total += counts[i];
        }
        return total;
    }

    /** What was observed after {@code earlier}, a state of the same histogram. */
    HistogramCounts minus(final HistogramCounts earlier) {
        long[] difference = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            difference[i] = counts[i] - earlier.counts[i];
        }
        return new HistogramCounts(bounds, difference, sum - earlier.sum);
    }

    /** The bucket-wise sum with another histogram of the same bounds. */
    HistogramCounts plus(final HistogramCounts other) {
        long[] total = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            total[i] = counts[i] + other.counts[i];
        }
        return new HistogramCounts(bounds, total, sum + other.sum);
    }

    /**
     * The {@code q}-quantile as PromQL's {@code histogram_quantile} estimates it: linear interpolation inside the
     * bucket that holds rank {@code q * count}, from 0 for the first bucket; the highest finite bound when the rank
     * falls in the unbounded bucket; NaN without observations.
     */
    double quantile(final double q) {
        long total = count();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        long below = 0;
        for (int bucket = 0; bucket < bounds.length; bucket++) {
            long upTo = below + counts[bucket];
            if (upTo >= rank) {
                if (bucket == 0 && bounds[0] <= 0) {
                    return bounds[0];
                }
                double start = bucket == 0 ? 0 : bounds[bucket - 1];
                return start + (bounds[bucket] - start) * ((rank - below) / counts[bucket]);
            }
            below = upTo;
        }
        return bounds[bounds.length - 1];
    }
}
