package io.mlgitops.compliance.fairness;

/**
 * Per row of the evaluation data set: whether the model predicted the positive label and, when the labels are
 * known, whether the row is an actual positive.
 *
 * @param predicted per row, whether the prediction is the positive label
 * @param actual    per row, whether the label is the positive label; {@code null} when the labels are not used
 */
record Outcomes(boolean[] predicted, boolean[] actual) {
    boolean labelled() {
        return actual != null;
    }
}
