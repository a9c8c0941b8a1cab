package io.mlgitops.metrics;

import io.mlgitops.api.errors.InputException;

/**
 * {@code r2_score} with scikit-learn's {@code force_finite=True}: a zero residual sum gives 1.0 (even for a constant
 * target), a non-zero residual sum over a zero total sum gives 0.0, fewer than two rows give NaN. A weighted
 * evaluation counts rows as the weights replicate them, so fewer than two weighted rows give NaN too.
 */
final class R2Score extends NamedMetric {
    R2Score() {
        super("r2_score", Direction.HIGHER_IS_BETTER, false);
    }

    @Override
    public PreparedMetric prepare(final EvaluationData data) throws InputException {
        Inputs.requireRegression(this, data);
        double[] yTrue = data.yTrueValues();
        double[] yPred = data.yPredValues();
        double[] squaredErrors = new double[yTrue.length];
        for (int row = 0; row < yTrue.length; row++) {
            double error = yTrue[row] - yPred[row];
            squaredErrors[row] = error * error;
        }
        return new PreparedMetric() {
            @Override
            public double value() {
                if (yTrue.length < 2) {
                    return Double.NaN;
                }
                double mean = NumpySum.sum(yTrue) / yTrue.length;
                return score(NumpySum.sum(squaredErrors), NumpySum.sum(squaredDeviations(yTrue, mean)));
            }

            @Override
            public double value(final int[] weights) {
                long total = NumpySum.total(weights);
                if (total < 2) {
                    return Double.NaN;
                }
                double mean = NumpySum.sumProducts(yTrue, weights) / total;
                return score(NumpySum.sumProducts(squaredErrors, weights),
                        NumpySum.sumProducts(squaredDeviations(yTrue, mean), weights));
            }
        };
    }

    private static double[] squaredDeviations(final double[] values, final double mean) {
        double[] deviations = new double[values.length];
        for (int row = 0; row < values.length; row++) {
            double deviation = values[row] - mean;
            deviations[row] = deviation * deviation;
        }
        return deviations;
    }

    private static double score(final double residual, final double total) {
        if (residual == 0) {
            return 1.0;
        }
        return total == 0 ? 0.0 : 1 - residual / total;
    }
}
