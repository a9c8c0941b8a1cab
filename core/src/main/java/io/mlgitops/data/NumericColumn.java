package io.mlgitops.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A column whose non-missing values are all numbers. Missing values are stored as {@code NaN}.
 */
public final class NumericColumn implements Column {
    private final String name;
    private final double[] values;
    private final boolean integral;
    private final int missing;

    /**
     * @param name   the column name
     * @param values the values, {@code NaN} where missing; the array is kept, not copied
     */
    public NumericColumn(final String name, final double[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = Objects.requireNonNull(values, "values");
        int missingValues = 0;
        boolean allIntegral = true;
        for (double value : values) {
            if (Double.isNaN(value)) {
                missingValues++;
            }
            else if (value != Math.rint(value) || Double.isInfinite(value)) {
                allIntegral = false;
            }
        }
        this.missing = missingValues;
        this.integral = allIntegral;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(final int row) {
        return Double.isNaN(values[row]);
    }

    @Override
    public String text(final int row) {
        double value = values[row];
        if (Double.isNaN(value)) {
            return null;
        }
        return integral ? Long.toString((long) value) : Double.toString(value);
    }

    @Override
    public double[] toDoubles() {
        return values;
    }

    /** The value of a row, {@code NaN} when missing. */
    public double get(final int row) {
        return values[row];
    }

    /** Whether every non-missing value is a whole number (so the column can feed an int64 input or be a label). */
    public boolean isIntegral() {
        return integral;
    }

    @Override
    public int missingCount() {
        return missing;
    }

    @Override
    public NumericColumn slice(final int from, final int to) {
        return new NumericColumn(name, Arrays.copyOfRange(values, from, to));
    }

    @Override
    public String toString() {
        return "NumericColumn[" + name + ", " + values.length + " rows]";
    }
}
