package io.mlgitops.metrics;

import io.mlgitops.api.errors.InputException;

/** {@code max_error}: the largest absolute error over the rows that carry weight. */
final class MaxError extends NamedMetric {
    MaxError() {
        super("max_error", Direction.LOWER_IS_BETTER, false);
    }

    @Override
    public PreparedMetric prepare(final EvaluationData data) throws InputException {
        Inputs.requireRegression(this, data);
        double[] yTrue = data.yTrueValues();
        double[] yPred = data.yPredValues();
        return new PreparedMetric() {
            @Override
            public double value() {
                return largest(null);
            }

            @Override
            public double value(final int[] weights) {
                Weights.requireLength(weights, yTrue.length);
                return largest(weights);
            }

            private double largest(final int[] weights) {
                double largest = Double.NaN;
                for (int row = 0; row < yTrue.length; row++) {
                    if (weights == null || weights[row] > 0) {
                        double error = Math.abs(yTrue[row] - yPred[row]);
                        largest = Double.isNaN(largest) ? error : Math.max(largest, error);
                    }
                }
                return largest;
            }
        };
    }
}
