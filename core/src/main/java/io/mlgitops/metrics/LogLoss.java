package io.mlgitops.metrics;

import io.mlgitops.api.errors.InputException;

/**
 * {@code log_loss}: the mean of {@code -log(clip(p[true class], eps, 1 - eps))} with float64 eps, as scikit-learn
 * 1.9 computes it (no renormalisation of rows), binary and multiclass alike. The per-row losses are computed once;
 * each evaluation is one pairwise sum.
 */
final class LogLoss extends NamedMetric {
    /** {@code np.finfo(np.float64).eps}. */
    static final double EPS = Math.ulp(1.0);

    LogLoss() {
        super("log_loss", Direction.LOWER_IS_BETTER, true);
    }

    @Override
    public PreparedMetric prepare(final EvaluationData data) throws InputException {
        Inputs.requireClassification(this, data);
        double[][] probabilities = Inputs.probabilities(this, data, true);
        if (data.labels().size() < 2) {
            throw new InputException("Metric 'log_loss' needs at least two classes, but the only label is "
                    + data.labels() + "; give the model's full list of classes or drop this metric.");
        }
        int[] yTrue = data.yTrue();
        double[] losses = new double[yTrue.length];
        for (int row = 0; row < losses.length; row++) {
            double p = Math.min(Math.max(probabilities[yTrue[row]][row], EPS), 1 - EPS);
            losses[row] = -Math.log(p);
        }
        return new MeanOfRows(losses);
    }
}
