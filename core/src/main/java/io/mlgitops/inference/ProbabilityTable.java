package io.mlgitops.inference;

import java.util.List;
import java.util.Objects;

/**
 * Predicted class probabilities: either one column per class label, or (binary predictions files with a single
 * {@code probability} column) only the probability of the positive class.
 */
public final class ProbabilityTable {
    private final List<String> classLabels;
    private final double[][] columns;
    private final double[] positive;

    private ProbabilityTable(final List<String> classLabels, final double[][] columns, final double[] positive) {
        this.classLabels = classLabels;
        this.columns = columns;
        this.positive = positive;
    }

    /**
     * @param classLabels the label of each column, in the canonical text form of {@code ClassLabels}
     * @param columns     {@code [class][row]}; kept, not copied
     */
    public static ProbabilityTable perClass(final List<String> classLabels, final double[][] columns) {
        if (classLabels.size() != columns.length) {
            throw new IllegalArgumentException(classLabels.size() + " labels for " + columns.length + " columns");
        }
        return new ProbabilityTable(List.copyOf(classLabels), columns, null);
    }

    /** Only the positive-class probability of a binary task is known. */
    public static ProbabilityTable positiveClass(final double[] positive) {
        return new ProbabilityTable(List.of(), null, Objects.requireNonNull(positive, "positive"));
    }

    public boolean isPerClass() {
        return columns != null;
    }

    public List<String> classLabels() {
        return classLabels;
    }

    /** Probabilities of class {@code k} for every row. Shared; must not be modified. */
    public double[] column(final int classIndex) {
        return columns[classIndex];
    }

    /** The positive-class column of a {@link #positiveClass(double[])} table. */
    public double[] positive() {
        return positive;
    }

    public int rows() {
        return isPerClass() ? (columns.length == 0 ? 0 : columns[0].length) : positive.length;
    }
}
