package io.mlgitops.metrics;

import io.mlgitops.api.errors.InputException;

/**
 * {@code precision_recall_auc}, MLflow's name for scikit-learn's {@code average_precision_score} of the positive
 * class: the step sum of precision over recall increments, not a trapezoid. Binary only. A target without positive
 * rows gives 0.0, as in scikit-learn.
 */
final class AveragePrecision extends NamedMetric {
    AveragePrecision() {
        super("precision_recall_auc", Direction.HIGHER_IS_BETTER, true);
    }

    @Override
    public PreparedMetric prepare(final EvaluationData data) throws InputException {
        Inputs.requireBinary(this, data);
        Inputs.probabilities(this, data, false);
        BinaryRanking ranking = data.ranking(data.positiveClass());
        return new PreparedMetric() {
            @Override
            public double value() {
                return ranking.averagePrecision(null);
            }

            @Override
            public double value(final int[] weights) {
                Weights.requireLength(weights, ranking.rows());
                return ranking.averagePrecision(weights);
            }
        };
    }
}
