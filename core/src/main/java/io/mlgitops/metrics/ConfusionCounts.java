package io.mlgitops.metrics;

/**
 * Weighted per-class counts of a classification: true positives, predicted and actual totals per class, as
 * scikit-learn's {@code multilabel_confusion_matrix} has them. One pass over the rows fills the confusion matrix
 * (one increment per row), from which the per-class sums follow.
 */
final class ConfusionCounts {
    /** Up to this many classes the counts go through a {@code classes x classes} matrix. */
    private static final int MATRIX_LIMIT = 64;

    private final long[] truePositives;
    private final long[] predicted;
    private final long[] actual;
    private long total;

    private ConfusionCounts(final int classes) {
        this.truePositives = new long[classes];
        this.predicted = new long[classes];
        this.actual = new long[classes];
    }

    /**
     * @param weights integer weights per row, or {@code null} for one each
     */
    static ConfusionCounts of(final EvaluationData data, final int[] weights) {
        if (weights != null) {
            Weights.requireLength(weights, data.size());
        }
        int classes = data.labels().size();
        return classes <= MATRIX_LIMIT ? fromMatrix(data, weights, classes) : direct(data, weights, classes);
    }

    /** One increment per row into the small confusion matrix, then the per-class sums. */
    private static ConfusionCounts fromMatrix(final EvaluationData data, final int[] weights, final int classes) {
        int[] yTrue = data.yTrue();
        int[] yPred = data.yPred();
        long[] matrix = new long[classes * classes];
        for (int row = 0; row < yTrue.length; row++) {
            matrix[yTrue[row] * classes + yPred[row]] += weights == null ? 1 : weights[row];
        }
        ConfusionCounts counts = new ConfusionCounts(classes);
        for (int truth = 0; truth < classes; truth++) {
            for (int prediction = 0; prediction < classes; prediction++) {
                counts.add(truth, prediction, matrix[truth * classes + prediction]);
            }
        }
        return counts;
    }

    /** Per-row updates of the class sums, for label spaces too large for a matrix. */
    private static ConfusionCounts direct(final EvaluationData data, final int[] weights, final int classes) {
        int[] yTrue = data.yTrue();
        int[] yPred = data.yPred();
        ConfusionCounts counts = new ConfusionCounts(classes);
        for (int row = 0; row < yTrue.length; row++) {
            counts.add(yTrue[row], yPred[row], weights == null ? 1 : weights[row]);
        }
        return counts;
    }

    private void add(final int truth, final int prediction, final long count) {
        actual[truth] += count;
        predicted[prediction] += count;
        if (truth == prediction) {
            truePositives[truth] += count;
        }
        total += count;
    }

    int classes() {
        return actual.length;
    }

    long truePositives(final int classIndex) {
        return truePositives[classIndex];
    }

    long predicted(final int classIndex) {
        return predicted[classIndex];
    }

    long actual(final int classIndex) {
        return actual[classIndex];
    }

    /** Whether scikit-learn's {@code unique_labels(y_true, y_pred)} would hold the class. */
    boolean present(final int classIndex) {
        return actual[classIndex] > 0 || predicted[classIndex] > 0;
    }

    long correct() {
        long correct = 0;
        for (long count : truePositives) {
            correct += count;
        }
        return correct;
    }

    long total() {
        return total;
    }
}
