package io.mlgitops.data;

import io.mlgitops.api.errors.InputException;

/**
 * One typed column of a {@link Dataset}. A column is numeric when every non-missing value of the file parsed as a
 * number, and text otherwise.
 */
public sealed interface Column permits NumericColumn, TextColumn {
    String name();

    int size();

    boolean isMissing(int row);

    /** The value as the file spelled it (numbers in canonical form), or {@code null} when missing. */
    String text(int row);

    /**
     * The values as doubles, missing values as {@code NaN}. The returned array is shared and must not be modified.
     *
     * @throws InputException when a value is not a number; the message names the file, column, row and value
     */
    double[] toDoubles() throws InputException;

    /** Number of missing values. */
    int missingCount();

    /** The rows {@code [from, to)} as a new column of the same name and type. */
    Column slice(int from, int to);
}
