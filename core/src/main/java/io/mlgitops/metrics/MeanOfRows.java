package io.mlgitops.metrics;

/**
 * A metric that is the (weighted) mean of per-row values, summed in numpy's order: {@code np.average(values,
 * weights=weights)}. NaN without rows or weight.
 */
final class MeanOfRows implements PreparedMetric {
    private final double[] values;

    MeanOfRows(final double[] values) {
        this.values = values;
    }

    @Override
    public double value() {
        return values.length == 0 ? Double.NaN : NumpySum.sum(values) / values.length;
    }

    @Override
    public double value(final int[] weights) {
        double sum = NumpySum.sumProducts(values, weights);
        long total = NumpySum.total(weights);
        return total == 0 ? Double.NaN : sum / total;
    }
}
