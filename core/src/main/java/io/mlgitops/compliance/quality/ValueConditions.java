package io.mlgitops.compliance.quality;

import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The value tests of Great Expectations' column map expectations (pandas semantics): numbers between bounds, values in
 * or out of a set, duplicates (every copy of a repeated value is unexpected, {@code duplicated(keep=False)}),
 * regular expressions found anywhere in the value ({@code str.contains}), and value lengths. Regular expressions and
 * lengths see a number as pandas' {@code astype(str)} writes it ({@link PythonText}).
 */
final class ValueConditions {
    private ValueConditions() {
    }

    static ValueCondition between(final Bounds bounds) {
        return new ValueCondition("are not " + bounds.describe(), (column, source) -> {
            double[] values = column.toDoubles();
            return row -> !bounds.contains(values[row]);
        });
    }

    static ValueCondition inSet(final ValueSet set) {
        return new ValueCondition("are not in the value set " + set.entries(),
                (column, source) -> row -> !set.contains(column, row));
    }

    static ValueCondition notInSet(final ValueSet set) {
        return new ValueCondition("are in the value set " + set.entries(),
                (column, source) -> row -> set.contains(column, row));
    }

    static ValueCondition unique() {
        return new ValueCondition("are duplicated", (column, source) -> duplicates(column));
    }

    static ValueCondition matches(final Pattern regex, final boolean expectMatch) {
        String description = (expectMatch ? "do not match " : "match ") + "the regular expression /"
                + regex.pattern() + "/";
        return new ValueCondition(description,
                (column, source) -> row -> regex.matcher(PythonText.of(column, row)).find() != expectMatch);
    }

    static ValueCondition lengths(final Bounds bounds) {
        return new ValueCondition("have a length not " + bounds.describe(),
                (column, source) -> row -> !bounds.contains(length(PythonText.of(column, row))));
    }

    private static IntPredicate duplicates(final Column column) {
        if (column instanceof TextColumn text) {
            int[] counts = new int[text.dictionary().length];
            for (int row = 0; row < text.size(); row++) {
                if (text.code(row) >= 0) {
                    counts[text.code(row)]++;
                }
            }
            return row -> counts[text.code(row)] > 1;
        }
        NumericColumn numbers = (NumericColumn) column;
        double[] sorted = Arrays.stream(numbers.toDoubles()).filter(value -> !Double.isNaN(value))
                .map(CellValues::key).sorted().toArray();
        Set<Double> repeated = new HashSet<>();
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                repeated.add(sorted[i]);
            }
        }
        return row -> repeated.contains(CellValues.key(numbers.get(row)));
    }

    /** The length in characters (code points), as Python counts it. */
    private static int length(final String text) {
        return text.codePointCount(0, text.length());
    }
}
