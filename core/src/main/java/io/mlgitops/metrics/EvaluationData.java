package io.mlgitops.metrics;

import java.util.Objects;

/**
 * Ground truth and one model's predictions on the same rows, encoded for fast metric kernels.
 *
 * <p>Classification: labels are indices into {@link #labels()}; {@link #probabilities()} is {@code [class][row]} or
 * {@code null} when the model gave none. Regression: {@link #yTrueValues()} and {@link #yPredValues()}.</p>
 */
public final class EvaluationData {
    private final Task task;
    private final ClassLabels labels;
    private final int positiveClass;
    private final int[] yTrue;
    private final int[] yPred;
    private final double[][] probabilities;
    private final double[] yTrueValues;
    private final double[] yPredValues;
    /** One-vs-rest rankings by class, sorted once and shared by ROC AUC and average precision. */
    private final BinaryRanking[] rankings;

    private EvaluationData(final Task task, final ClassLabels labels, final int positiveClass, final int[] yTrue,
            final int[] yPred, final double[][] probabilities, final double[] yTrueValues, final double[] yPredValues) {
        this.task = task;
        this.labels = labels;
        this.positiveClass = positiveClass;
        this.yTrue = yTrue;
        this.yPred = yPred;
        this.probabilities = probabilities;
        this.yTrueValues = yTrueValues;
        this.yPredValues = yPredValues;
        this.rankings = probabilities == null ? new BinaryRanking[0] : new BinaryRanking[probabilities.length];
    }

    /**
     * @param labels        the sorted label space (union of true and predicted labels, plus the model's classes)
     * @param positiveClass index of the positive label for binary metrics (scikit-learn's {@code pos_label})
     * @param yTrue         true label index per row
     * @param yPred         predicted label index per row
     * @param probabilities {@code [class][row]} probabilities aligned with {@code labels}, or {@code null}
     */
    public static EvaluationData classification(final ClassLabels labels, final int positiveClass, final int[] yTrue,
            final int[] yPred, final double[][] probabilities) {
        Objects.requireNonNull(labels, "labels");
        if (yTrue.length != yPred.length) {
            throw new IllegalArgumentException("yTrue has " + yTrue.length + " rows, yPred " + yPred.length);
        }
        if (probabilities != null && probabilities.length != labels.size()) {
            throw new IllegalArgumentException("probabilities has " + probabilities.length + " classes, labels "
                    + labels.size());
        }
        Task task = labels.size() <= 2 ? Task.BINARY : Task.MULTICLASS;
        return new EvaluationData(task, labels, positiveClass, yTrue, yPred, probabilities, null, null);
    }

    public static EvaluationData regression(final double[] yTrue, final double[] yPred) {
        if (yTrue.length != yPred.length) {
            throw new IllegalArgumentException("yTrue has " + yTrue.length + " rows, yPred " + yPred.length);
        }
        return new EvaluationData(Task.REGRESSION, null, -1, null, null, null, yTrue, yPred);
    }

    public Task task() {
        return task;
    }

    public int size() {
        return task == Task.REGRESSION ? yTrueValues.length : yTrue.length;
    }

    public ClassLabels labels() {
        return labels;
    }

    public int positiveClass() {
        return positiveClass;
    }

    /** Shared arrays: kernels read them and must not modify them. */
    public int[] yTrue() {
        return yTrue;
    }

    public int[] yPred() {
        return yPred;
    }

    public double[][] probabilities() {
        return probabilities;
    }

    public boolean hasProbabilities() {
        return probabilities != null;
    }

    /** The rows ranked by the probability of a class, against the rest; computed on first use. */
    synchronized BinaryRanking ranking(final int classIndex) {
        if (rankings[classIndex] == null) {
            rankings[classIndex] = BinaryRanking.of(probabilities[classIndex], yTrue, classIndex);
        }
        return rankings[classIndex];
    }

    public double[] yTrueValues() {
        return yTrueValues;
    }

    public double[] yPredValues() {
        return yPredValues;
    }
}
