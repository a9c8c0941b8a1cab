package io.mlgitops.compliance.fairness;

import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;

import java.util.regex.Pattern;

/**
 * The favourable outcome (approved, hired, 1). Values are compared as text, except that two decimal numbers are
 * compared as numbers, so {@code 1}, {@code 1.0} and {@code "1"} agree. Every other value counts as negative.
 */
final class PositiveLabel {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final String text;
    private final double number;

    PositiveLabel(final String label) {
        this.text = label.trim();
        this.number = numberOrNaN(text);
    }

    private static double numberOrNaN(final String value) {
        return DECIMAL.matcher(value).matches() ? Double.parseDouble(value) : Double.NaN;
    }

    /** The label as the policy wrote it. */
    String text() {
        return text;
    }

    boolean matches(final String value) {
        String trimmed = value.trim();
        double parsed = numberOrNaN(trimmed);
        return Double.isNaN(parsed) || Double.isNaN(number) ? trimmed.equals(text) : parsed == number;
    }

    /** Per row, whether the value is this label; a missing value is not. */
    boolean[] flags(final Column column) {
        boolean[] flags = new boolean[column.size()];
        if (column instanceof TextColumn textColumn) {
            String[] dictionary = textColumn.dictionary();
            boolean[] positiveCode = new boolean[dictionary.length];
            for (int code = 0; code < dictionary.length; code++) {
                positiveCode[code] = matches(dictionary[code]);
            }
            for (int row = 0; row < flags.length; row++) {
                int code = textColumn.code(row);
                flags[row] = code >= 0 && positiveCode[code];
            }
        }
        else {
            NumericColumn numbers = (NumericColumn) column;
            for (int row = 0; row < flags.length; row++) {
                flags[row] = numbers.get(row) == number;
            }
        }
        return flags;
    }
}
