package io.mlgitops.data;

import java.util.Objects;
import java.util.Set;

/**
 * How to read a CSV file.
 *
 * @param delimiter     the field separator: one ASCII character other than a quote, a line break or a letter or
 *                      digit (typically {@code ','}, {@code ';'} or a tab)
 * @param missingValues cell values that mean "missing", compared exactly (case-sensitive, quoted or not); a numeric
 *                      column stores them as {@code NaN}, a text column as missing
 */
public record CsvOptions(char delimiter, Set<String> missingValues) {
    /** The missing-value tokens used unless told otherwise: the empty cell, {@code NA}, {@code NaN}, {@code null}. */
    public static final Set<String> DEFAULT_MISSING_VALUES = Set.of("", "NA", "NaN", "null");

    public CsvOptions {
        if (delimiter > 0x7F || delimiter == '"' || delimiter == '\r' || delimiter == '\n'
                || Character.isLetterOrDigit(delimiter)) {
            throw new IllegalArgumentException("The CSV delimiter must be one ASCII character other than a quote, "
                    + "a line break, a letter or a digit; got '" + delimiter + "'");
        }
        missingValues = Set.copyOf(Objects.requireNonNull(missingValues, "missingValues"));
    }

    /** Comma-separated, with {@link #DEFAULT_MISSING_VALUES}. */
    public static CsvOptions defaults() {
        return new CsvOptions(',', DEFAULT_MISSING_VALUES);
    }

    public CsvOptions withDelimiter(final char newDelimiter) {
        return new CsvOptions(newDelimiter, missingValues);
    }

    public CsvOptions withMissingValues(final Set<String> newMissingValues) {
        return new CsvOptions(delimiter, newMissingValues);
    }
}
