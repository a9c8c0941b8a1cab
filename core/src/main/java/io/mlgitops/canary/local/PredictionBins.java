package io.mlgitops.canary.local;

import io.mlgitops.inference.ProbabilityTable;

/**
 * What the drift score and the confidence read from a prediction's class probabilities. For a binary model, the bin
 * is the tenth of [0, 1] that holds the probability of the second class (class 1 of a 0/1 model); for more classes,
 * the bin is the most probable class. The confidence is the top class probability.
 */
final class PredictionBins {
    /** Equal-width bins of a binary model's positive-class probability. */
    static final int BINARY_BINS = 10;

    private PredictionBins() {
    }

    /** How many bins the model's predictions fall into. */
    static int count(final ProbabilityTable probabilities) {
        int classes = probabilities.isPerClass() ? probabilities.classLabels().size() : 2;
        return classes <= 2 ? BINARY_BINS : classes;
    }

    static int bin(final ProbabilityTable probabilities, final int row) {
        if (!probabilities.isPerClass() || probabilities.classLabels().size() <= 2) {
            double positive = positive(probabilities, row);
            return Math.min(BINARY_BINS - 1, Math.max(0, (int) (positive * BINARY_BINS)));
        }
        int best = 0;
        for (int k = 1; k < probabilities.classLabels().size(); k++) {
            if (probabilities.column(k)[row] > probabilities.column(best)[row]) {
                best = k;
            }
        }
        return best;
    }

    /** The top class probability of a row. */
    static double confidence(final ProbabilityTable probabilities, final int row) {
        if (!probabilities.isPerClass()) {
            double positive = probabilities.positive()[row];
            return Math.max(positive, 1 - positive);
        }
        double top = 0;
        for (int k = 0; k < probabilities.classLabels().size(); k++) {
            top = Math.max(top, probabilities.column(k)[row]);
        }
        return top;
    }

    /** The bin counts of every row. */
    static long[] histogram(final ProbabilityTable probabilities) {
        long[] counts = new long[count(probabilities)];
        for (int row = 0; row < probabilities.rows(); row++) {
            counts[bin(probabilities, row)]++;
        }
        return counts;
    }

    private static double positive(final ProbabilityTable probabilities, final int row) {
        if (!probabilities.isPerClass()) {
            return probabilities.positive()[row];
        }
        return probabilities.classLabels().size() == 2 ? probabilities.column(1)[row] : probabilities.column(0)[row];
    }
}
