package io.mlgitops.data;

import io.mlgitops.api.errors.InputException;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dictionary-encoded text column: each row holds an index into {@link #dictionary()}, or {@code -1} when missing.
 */
public final class TextColumn implements Column {
    private final String name;
    private final String source;
    private final int[] codes;
    private final String[] dictionary;
    private final int missing;

    /**
     * @param name       the column name
     * @param source     the file the column came from, for error messages
     * @param codes      per row, an index into {@code dictionary} or {@code -1} when missing; kept, not copied
     * @param dictionary the values the codes refer to (in order of first appearance when read from a file; a slice
     *                   keeps its parent's dictionary); kept, not copied
     */
    public TextColumn(final String name, final String source, final int[] codes, final String[] dictionary) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        int missingValues = 0;
        for (int code : codes) {
            if (code < 0) {
                missingValues++;
            }
        }
        this.missing = missingValues;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isMissing(final int row) {
        return codes[row] < 0;
    }

    @Override
    public String text(final int row) {
        int code = codes[row];
        return code < 0 ? null : dictionary[code];
    }

    /** The dictionary index of a row, {@code -1} when missing. */
    public int code(final int row) {
        return codes[row];
    }

    /** The values the codes refer to; a slice may not use all of them. Shared; must not be modified. */
    public String[] dictionary() {
        return dictionary;
    }

    @Override
    public int missingCount() {
        return missing;
    }

    @Override
    public double[] toDoubles() throws InputException {
        double[] parsed = new double[dictionary.length];
        for (int i = 0; i < dictionary.length; i++) {
            parsed[i] = parseOrNaN(dictionary[i]);
        }
        double[] values = new double[codes.length];
        for (int row = 0; row < codes.length; row++) {
            int code = codes[row];
            if (code < 0) {
                values[row] = Double.NaN;
            }
            else if (Double.isNaN(parsed[code])) {
                throw new InputException(String.format(
                        "%s: column '%s', row %d: '%s' is not a number. The column must hold numbers here; "
                                + "fix the value or leave the cell empty to mark it missing.",
                        source, name, row + 1, dictionary[code]));
            }
            else {
                values[row] = parsed[code];
            }
        }
        return values;
    }

    private static double parseOrNaN(final String value) {
        try {
            return Double.parseDouble(value.trim());
        }
        catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    @Override
    public TextColumn slice(final int from, final int to) {
        return new TextColumn(name, source, Arrays.copyOfRange(codes, from, to), dictionary);
    }

    @Override
    public String toString() {
        return "TextColumn[" + name + ", " + codes.length + " rows, " + dictionary.length + " distinct]";
    }
}
