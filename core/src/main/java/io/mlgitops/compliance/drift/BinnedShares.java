package io.mlgitops.compliance.drift;

/**
 * The share of each sample in each bin, as Evidently's {@code get_binned_data} makes them for PSI and Jensen-Shannon:
 * a numerical column with more than 20 distinct reference values is cut into the equal-width bins of
 * {@code np.histogram_bin_edges(reference + current, bins="sturges")}; any other column gets one bin per value.
 *
 * @param reference per bin, the share of the reference values in it
 * @param current   per bin, the share of the current values in it
 */
record BinnedShares(double[] reference, double[] current) {
    private static final int HISTOGRAM_MIN_DISTINCT = 21;
    private static final double SMALLEST_SHARE = 0.0001;
    private static final double SMALL_SHARE_DIVISOR = 1e6;

    static BinnedShares of(final ColumnSample sample) {
        if (!sample.isCategorical() && sample.referenceDistinct() >= HISTOGRAM_MIN_DISTINCT) {
            NumericPair numbers = sample.numbers();
            double[] edges = sturgesEdges(numbers);
            return new BinnedShares(shares(numbers.reference(), edges), shares(numbers.current(), edges));
        }
        CategoryCounts counts = sample.categories();
        return new BinnedShares(divide(counts.reference(), counts.referenceTotal()),
                divide(counts.current(), counts.currentTotal()));
    }

    /** A copy with every empty bin given a small share, as Evidently does before PSI. */
    BinnedShares withoutEmptyBins() {
        return new BinnedShares(fillZeros(reference), fillZeros(current));
    }

    /**
     * Sturges' rule over the pooled values: k = ceil(range / (range / (log2 N + 1))) bins (at least width 1 for int64
     * data), edges {@code min + i * (range / k)} and the last edge exactly the maximum, as {@code np.linspace} makes
     * them.
     */
    private static double[] sturgesEdges(final NumericPair numbers) {
        double[] reference = numbers.reference();
        double[] current = numbers.current();
        double first = Math.min(reference[0], current[0]);
        double last = Math.max(reference[reference.length - 1], current[current.length - 1]);
        double range = last - first;
        double width = range / (log2((long) reference.length + current.length) + 1.0);
        if (numbers.int64() && width < 1) {
            width = 1;
        }
        int bins = width != 0 ? (int) Math.ceil(range / width) : 1;
        double step = range / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i < bins; i++) {
            edges[i] = i * step + first;
        }
        edges[bins] = last;
        return edges;
    }

    /** log2 exact for powers of two, where the bin count could otherwise tip over a whole number. */
    private static double log2(final long count) {
        if (Long.bitCount(count) == 1) {
            return Long.numberOfTrailingZeros(count);
        }
        return Math.log(count) / Math.log(2);
    }

    /** Bin i holds edges[i] <= v < edges[i + 1]; the last bin also holds its upper edge. */
    private static double[] shares(final double[] sorted, final double[] edges) {
        int bins = edges.length - 1;
        double[] shares = new double[bins];
        int lower = lowerBound(sorted, edges[0]);
        for (int i = 0; i < bins; i++) {
            int upper = i == bins - 1 ? upperBound(sorted, edges[bins]) : lowerBound(sorted, edges[i + 1]);
            shares[i] = (double) (upper - lower) / sorted.length;
            lower = upper;
        }
        return shares;
    }

    /** The first position whose value is not below {@code value}. */
    private static int lowerBound(final double[] sorted, final double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            }
            else {
                high = middle;
            }
        }
        return low;
    }

    /** The first position whose value is above {@code value}. */
    private static int upperBound(final double[] sorted, final double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            }
            else {
                high = middle;
            }
        }
        return low;
    }

    private static double[] divide(final long[] counts, final long total) {
        double[] shares = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            shares[i] = (double) counts[i] / total;
        }
        return shares;
    }

    /** Empty bins get min(non-empty share) / 10^6 when that share is at most 0.0001, else 0.0001. */
    private static double[] fillZeros(final double[] shares) {
        double smallest = Double.POSITIVE_INFINITY;
        for (double share : shares) {
            if (share != 0) {
                smallest = Math.min(smallest, share);
            }
        }
        double filler = smallest <= SMALLEST_SHARE ? smallest / SMALL_SHARE_DIVISOR : SMALLEST_SHARE;
        double[] filled = shares.clone();
        for (int i = 0; i < filled.length; i++) {
            if (filled[i] == 0) {
                filled[i] = filler;
            }
        }
        return filled;
    }
}
