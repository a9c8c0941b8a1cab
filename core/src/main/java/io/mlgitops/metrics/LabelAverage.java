package io.mlgitops.metrics;

/**
 * scikit-learn's {@code _nanaverage} of per-label scores: NaN scores (from {@code zero_division=np.nan}) are dropped
 * with their weights, all-zero weights fall back to the plain mean, and sums run in numpy's order.
 */
final class LabelAverage {
    private LabelAverage() {
    }

    /** {@code np.nanmean(values)}; NaN when every value is NaN or there is none. */
    static double macro(final double[] values) {
        double[] zeroed = new double[values.length];
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                zeroed[i] = values[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : NumpySum.sum(zeroed) / count;
    }

    /** {@code np.average(values, weights=weights)} over the non-NaN values. */
    static double weighted(final double[] values, final double[] weights) {
        double[] kept = new double[values.length];
        double[] products = new double[values.length];
        double[] keptWeights = new double[values.length];
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                kept[count] = values[i];
                products[count] = values[i] * weights[i];
                keptWeights[count] = weights[i];
                count++;
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        double scale = NumpySum.sum(keptWeights, count);
        if (scale == 0.0) {
            return NumpySum.sum(kept, count) / count;
        }
        return NumpySum.sum(products, count) / scale;
    }
}
