package io.mlgitops.metrics;

/** {@code example_count}: the number of rows (the sum of the weights). Descriptive, any task. */
final class ExampleCount extends NamedMetric {
    ExampleCount() {
        super("example_count", Direction.NONE, false);
    }

    @Override
    public PreparedMetric prepare(final EvaluationData data) {
        int rows = data.size();
        return new PreparedMetric() {
            @Override
            public double value() {
                return rows;
            }

            @Override
            public double value(final int[] weights) {
                Weights.requireLength(weights, rows);
                return NumpySum.total(weights);
            }
        };
    }
}
