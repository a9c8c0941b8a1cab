package io.mlgitops.metrics;

import io.mlgitops.api.errors.InputException;

/**
 * The cells of the binary confusion matrix ({@code true_positives}, ...) relative to the positive class, as weighted
 * counts. Descriptive: {@link Direction#NONE}.
 */
final class BinaryCount extends CountMetric {
    /** Which cell. */
    enum Cell {
        TRUE_POSITIVES("true_positives"),
        FALSE_POSITIVES("false_positives"),
        TRUE_NEGATIVES("true_negatives"),
        FALSE_NEGATIVES("false_negatives");

        private final String metricName;

        Cell(final String metricName) {
            this.metricName = metricName;
        }
    }

    private final Cell cell;

    BinaryCount(final Cell cell) {
        super(cell.metricName, Direction.NONE);
        this.cell = cell;
    }

    @Override
    void check(final EvaluationData data) throws InputException {
        Inputs.requireBinary(this, data);
    }

    @Override
    double fromCounts(final ConfusionCounts counts, final EvaluationData data) {
        int positive = data.positiveClass();
        long truePositives = counts.truePositives(positive);
        long falsePositives = counts.predicted(positive) - truePositives;
        long falseNegatives = counts.actual(positive) - truePositives;
        switch (cell) {
            case TRUE_POSITIVES:
                return truePositives;
            case FALSE_POSITIVES:
                return falsePositives;
            case FALSE_NEGATIVES:
                return falseNegatives;
            default:
                return counts.total() - truePositives - falsePositives - falseNegatives;
        }
    }
}
