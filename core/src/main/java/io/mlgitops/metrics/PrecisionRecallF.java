package io.mlgitops.metrics;

import io.mlgitops.api.errors.InputException;

import java.util.Arrays;

/**
 * Precision, recall and F1 exactly as scikit-learn's {@code precision_recall_fscore_support}: per-label values from
 * the confusion counts (F1 as {@code 2tp / (2tp + fp + fn)} from counts, not from P and R), {@code zero_division}
 * where a denominator is zero, then the chosen average over the labels present in {@code y_true} or {@code y_pred}.
 * Under weights a label is present when it has weight, as on the replicated rows (scikit-learn's {@code sample_weight}
 * would still count a label that occurs only in zero-weight rows in the macro average).
 */
final class PrecisionRecallF extends CountMetric {
    /** Which of the three scores. */
    enum Score {
        PRECISION,
        RECALL,
        F1
    }

    /** scikit-learn's {@code average}, plus MLflow's choice of binary for two classes and weighted otherwise. */
    enum Average {
        BINARY,
        MICRO,
        MACRO,
        WEIGHTED,
        BINARY_OR_WEIGHTED
    }

    private final Score score;
    private final Average average;
    private final ZeroDivision zeroDivision;

    PrecisionRecallF(final String name, final Score score, final Average average, final ZeroDivision zeroDivision) {
        super(name, Direction.HIGHER_IS_BETTER);
        this.score = score;
        this.average = average;
        this.zeroDivision = zeroDivision;
    }

    @Override
    void check(final EvaluationData data) throws InputException {
        if (average == Average.BINARY) {
            Inputs.requireBinary(this, data);
        }
        else {
            super.check(data);
        }
    }

    @Override
    double fromCounts(final ConfusionCounts counts, final EvaluationData data) {
        Average effective = average;
        if (average == Average.BINARY_OR_WEIGHTED) {
            effective = data.task() == Task.BINARY ? Average.BINARY : Average.WEIGHTED;
        }
        switch (effective) {
            case BINARY:
                int positive = data.positiveClass();
                return score(counts.truePositives(positive), counts.predicted(positive), counts.actual(positive));
            case MICRO:
                return score(counts.correct(), counts.total(), counts.total());
            default:
                return averageOverLabels(counts, effective == Average.WEIGHTED);
        }
    }

    private double averageOverLabels(final ConfusionCounts counts, final boolean weighted) {
        double[] values = new double[counts.classes()];
        double[] support = new double[counts.classes()];
        int present = 0;
        for (int label = 0; label < counts.classes(); label++) {
            if (counts.present(label)) {
                values[present] = score(counts.truePositives(label), counts.predicted(label), counts.actual(label));
                support[present] = counts.actual(label);
                present++;
            }
        }
        double[] presentValues = Arrays.copyOf(values, present);
        return weighted
                ? LabelAverage.weighted(presentValues, Arrays.copyOf(support, present))
                : LabelAverage.macro(presentValues);
    }

    private double score(final long truePositives, final long predicted, final long actual) {
        switch (score) {
            case PRECISION:
                return zeroDivision.divide(truePositives, predicted);
            case RECALL:
                return zeroDivision.divide(truePositives, actual);
            default:
                return zeroDivision.divide(2.0 * truePositives, 1.0 * actual + predicted);
        }
    }
}
