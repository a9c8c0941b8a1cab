package io.mlgitops.compliance.quality;

import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;

/** Cell values as a report shows them: whole numbers as longs, other numbers as doubles, text as strings. */
final class CellValues {
    private CellValues() {
    }

    /** The value of a row, {@code null} when missing. */
    static Object value(final Column column, final int row) {
        if (column.isMissing(row)) {
            return null;
        }
        if (column instanceof NumericColumn numbers) {
            return number(numbers.get(row));
        }
        return column.text(row);
    }

    static Object number(final double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
    }

    /** -0.0 as 0.0, so that equal numbers are equal keys. */
    static double key(final double value) {
        return value + 0.0;
    }
}
