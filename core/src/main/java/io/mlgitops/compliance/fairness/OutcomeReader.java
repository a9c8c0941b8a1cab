package io.mlgitops.compliance.fairness;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;

import java.util.LinkedHashSet;
import java.util.Set;

/** Reads the model's predictions and the actual labels of the evaluation rows as positive or not. */
final class OutcomeReader {
    private static final int VALUES_SHOWN = 5;

    private OutcomeReader() {
    }

    /**
     * @param data        the evaluation data set
     * @param predictions the model's predicted label per row of {@code data}
     * @param labels      the target column of {@code data}, complete; {@code null} when the labels are not used
     * @param label       the positive label
     * @throws InputException when the predictions do not match the rows or have gaps, or when the positive label
     *                        occurs in neither the predictions nor the labels (a wrong {@code positiveLabel})
     */
    static Outcomes read(final Dataset data, final Column predictions, final Column labels,
            final PositiveLabel label) throws InputException {
        if (predictions.size() != data.rowCount()) {
            throw new InputException(String.format("The model gave %d predictions for the %d rows of %s; there must "
                    + "be one prediction per row, in row order.", predictions.size(), data.rowCount(), data.source()));
        }
        int missing = firstMissingRow(predictions);
        if (missing >= 0) {
            throw new InputException(String.format("The model gave no prediction for row %d of %s; every row needs a "
                    + "predicted label.", missing + 1, data.source()));
        }
        boolean[] predicted = label.flags(predictions);
        boolean[] actual = labels == null ? null : label.flags(labels);
        if (!any(predicted) && (actual == null || !any(actual))) {
            throw new InputException(String.format("The positive label '%s' occurs in none of the %d predictions "
                    + "(values: %s)%s. Set positiveLabel in the rule to the favourable outcome.", label.text(),
                    predicted.length, someValues(predictions), labels == null ? ""
                            : " nor in the target column '" + labels.name() + "' of " + data.source()));
        }
        return new Outcomes(predicted, actual);
    }

    /** The first row (from 0) whose value is missing, or -1. */
    static int firstMissingRow(final Column column) {
        if (column.missingCount() == 0) {
            return -1;
        }
        int row = 0;
        while (!column.isMissing(row)) {
            row++;
        }
        return row;
    }

    private static boolean any(final boolean[] flags) {
        for (boolean flag : flags) {
            if (flag) {
                return true;
            }
        }
        return false;
    }

    private static String someValues(final Column column) {
        Set<String> values = new LinkedHashSet<>();
        for (int row = 0; row < column.size() && values.size() < VALUES_SHOWN; row++) {
            values.add(column.text(row));
        }
        return String.join(", ", values);
    }
}
