package io.mlgitops.metrics;

/**
 * Weighted per-class counts of a classification: true positives, predicted and actual totals per class, as
 * scikit-learn's {@code multilabel_confusion_matrix} has them. One pass over the rows.
 */
final class ConfusionCounts {
    private final long[] truePositives;
    private final long[] predicted;
    private final long[] actual;
    private final long total;

    private ConfusionCounts(final long[] truePositives, final long[] predicted, final long[] actual,
            final long total) {
        this.truePositives = truePositives;
        this.predicted = predicted;
        this.actual = actual;
        this.total = total;
    }

    /**
     * @param weights integer weights per row, or {@code null} for one each
     */
    static ConfusionCounts of(final EvaluationData data, final int[] weights) {
        int[] yTrue = data.yTrue();
        int[] yPred = data.yPred();
        int classes = data.labels().size();
        long[] truePositives = new long[classes];
        long[] predicted = new long[classes];
        long[] actual = new long[classes];
        long total = 0;
        if (weights != null) {
            Weights.requireLength(weights, yTrue.length);
        }
        for (int row = 0; row < yTrue.length; row++) {
            int weight = weights == null ? 1 : weights[row];
            int truth = yTrue[row];
            int prediction = yPred[row];
            actual[truth] += weight;
            predicted[prediction] += weight;
            if (truth == prediction) {
                truePositives[truth] += weight;
            }
            total += weight;
        }
        return new ConfusionCounts(truePositives, predicted, actual, total);
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
