package io.mlgitops.metrics;

import io.mlgitops.api.errors.InputException;

/**
 * {@code roc_auc}: binary ROC AUC of the positive class's probability, or for more classes scikit-learn's
 * {@code roc_auc_score(multi_class="ovr", average="weighted")}: one-vs-rest AUC per class averaged with the class
 * support as weights (classes without support count zero). A target with a single class is rejected in
 * {@link #prepare}; a weighted evaluation in which a class loses all its weight gives NaN.
 */
final class RocAuc extends NamedMetric {
    /** {@code np.allclose} tolerances scikit-learn applies to the row sums of multiclass probabilities. */
    private static final double RELATIVE_TOLERANCE = 1e-5;
    private static final double ABSOLUTE_TOLERANCE = 1e-8;

    RocAuc() {
        super("roc_auc", Direction.HIGHER_IS_BETTER, true);
    }

    @Override
    public PreparedMetric prepare(final EvaluationData data) throws InputException {
        Inputs.requireClassification(this, data);
        double[][] probabilities = Inputs.probabilities(this, data, false);
        Inputs.requireTwoTargetClasses(this, data);
        if (data.task() == Task.BINARY) {
            BinaryRanking ranking = data.ranking(data.positiveClass());
            return new BinaryPrepared(ranking);
        }
        requireRowsSumToOne(data, probabilities);
        BinaryRanking[] perClass = new BinaryRanking[probabilities.length];
        for (int classIndex = 0; classIndex < perClass.length; classIndex++) {
            perClass[classIndex] = data.ranking(classIndex);
        }
        return new OneVsRestPrepared(perClass, data.yTrue());
    }

    private void requireRowsSumToOne(final EvaluationData data, final double[][] probabilities)
            throws InputException {
        double[] row = new double[probabilities.length];
        for (int index = 0; index < data.size(); index++) {
            for (int classIndex = 0; classIndex < row.length; classIndex++) {
                row[classIndex] = probabilities[classIndex][index];
            }
            double sum = NumpySum.sum(row);
            if (!(Math.abs(1.0 - sum) <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(sum))) {
                throw new InputException("Metric 'roc_auc': the class probabilities in data row " + (index + 1)
                        + " sum to " + sum + ", not 1; multiclass AUC needs probabilities (predict_proba), not "
                        + "scores.");
            }
        }
    }

    private static final class BinaryPrepared implements PreparedMetric {
        private final BinaryRanking ranking;

        BinaryPrepared(final BinaryRanking ranking) {
            this.ranking = ranking;
        }

        @Override
        public double value() {
            return ranking.rocAuc(null);
        }

        @Override
        public double value(final int[] weights) {
            Weights.requireLength(weights, ranking.rows());
            return ranking.rocAuc(weights);
        }
    }

    private static final class OneVsRestPrepared implements PreparedMetric {
        private final BinaryRanking[] perClass;
        private final int[] yTrue;

        OneVsRestPrepared(final BinaryRanking[] perClass, final int[] yTrue) {
            this.perClass = perClass;
            this.yTrue = yTrue;
        }

        @Override
        public double value() {
            return average(null);
        }

        @Override
        public double value(final int[] weights) {
            Weights.requireLength(weights, yTrue.length);
            return average(weights);
        }

        private double average(final int[] weights) {
            double[] support = new double[perClass.length];
            for (int row = 0; row < yTrue.length; row++) {
                support[yTrue[row]] += weights == null ? 1 : weights[row];
            }
            double[] weighted = new double[perClass.length];
            for (int classIndex = 0; classIndex < perClass.length; classIndex++) {
                if (support[classIndex] > 0) {
                    weighted[classIndex] = perClass[classIndex].rocAuc(weights) * support[classIndex];
                }
            }
            double total = NumpySum.sum(support);
            return total == 0 ? 0.0 : NumpySum.sum(weighted) / total;
        }
    }
}
