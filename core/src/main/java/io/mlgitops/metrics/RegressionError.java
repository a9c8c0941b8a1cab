package io.mlgitops.metrics;

import io.mlgitops.api.errors.InputException;

/**
 * The regression errors that are (weighted) means of a per-row loss, with scikit-learn's float operations:
 * {@code mean_absolute_error}, {@code mean_squared_error}, {@code root_mean_squared_error} (the square root of the
 * mean) and {@code mean_absolute_percentage_error} ({@code |y - ŷ| / max(|y|, eps)}, a fraction, not a percent).
 */
final class RegressionError extends NamedMetric {
    /** Which per-row loss. */
    enum Loss {
        ABSOLUTE("mean_absolute_error"),
        SQUARED("mean_squared_error"),
        ROOT_SQUARED("root_mean_squared_error"),
        ABSOLUTE_PERCENTAGE("mean_absolute_percentage_error");

        private final String metricName;

        Loss(final String metricName) {
            this.metricName = metricName;
        }
    }

    private final Loss loss;

    RegressionError(final Loss loss) {
        super(loss.metricName, Direction.LOWER_IS_BETTER, false);
        this.loss = loss;
    }

    @Override
    public PreparedMetric prepare(final EvaluationData data) throws InputException {
        Inputs.requireRegression(this, data);
        double[] yTrue = data.yTrueValues();
        double[] yPred = data.yPredValues();
        double[] losses = new double[yTrue.length];
        for (int row = 0; row < losses.length; row++) {
            losses[row] = rowLoss(yTrue[row], yPred[row]);
        }
        MeanOfRows mean = new MeanOfRows(losses);
        return loss == Loss.ROOT_SQUARED ? new SquareRoot(mean) : mean;
    }

    private double rowLoss(final double truth, final double prediction) {
        switch (loss) {
            case ABSOLUTE:
                return Math.abs(prediction - truth);
            case ABSOLUTE_PERCENTAGE:
                return Math.abs(prediction - truth) / Math.max(Math.abs(truth), LogLoss.EPS);
            default:
                double error = truth - prediction;
                return error * error;
        }
    }

    private static final class SquareRoot implements PreparedMetric {
        private final PreparedMetric squared;

        SquareRoot(final PreparedMetric squared) {
            this.squared = squared;
        }

        @Override
        public double value() {
            return Math.sqrt(squared.value());
        }

        @Override
        public double value(final int[] weights) {
            return Math.sqrt(squared.value(weights));
        }
    }
}
