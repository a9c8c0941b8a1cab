package io.mlgitops.data;

import io.mlgitops.api.errors.InputException;

import java.util.Arrays;

/**
 * Collects one column's cells during a CSV pass. The column stays numeric ({@code double[]}, {@code NaN} for
 * missing) while every non-missing cell parses as a number; at the first cell that does not, it becomes text
 * (dictionary codes). Cells before that point were numbers whose spelling matters for text, so they are taken again
 * from a second look at the file ({@link #needsSecondLook()}).
 */
final class ColumnBuilder {
    private final String name;
    private final MissingValues missing;
    private double[] numbers;
    private int numbersSeen;
    private int[] codes;
    private ByteDictionary dictionary;
    private ByteDictionary earlyDictionary;
    private int textFrom = -1;
    private int size;

    ColumnBuilder(final String name, final MissingValues missing, final int capacity) {
        this.name = name;
        this.missing = missing;
        this.numbers = new double[capacity];
    }

    String name() {
        return name;
    }

    /** Adds the cell of the next row. */
    void add(final byte[] bytes, final int start, final int length, final long line) {
        int row = size++;
        if (codes == null) {
            if (row == numbers.length) {
                numbers = Arrays.copyOf(numbers, grown(row));
            }
            if (missing.matches(bytes, start, length)) {
                numbers[row] = Double.NaN;
                return;
            }
            double value = DecimalParser.parse(bytes, start, start + length);
            if (!Double.isNaN(value)) {
                numbers[row] = value;
                numbersSeen++;
                return;
            }
            becomeText(row);
        }
        if (row == codes.length) {
            codes = Arrays.copyOf(codes, grown(row));
        }
        codes[row] = missing.matches(bytes, start, length) ? -1 : dictionary.intern(bytes, start, length, row, line);
    }

    /** Makes room for {@code capacity} rows in one step, when the row count can be estimated. */
    void reserve(final int capacity) {
        if (codes == null && capacity > numbers.length) {
            numbers = Arrays.copyOf(numbers, capacity);
        }
        else if (codes != null && capacity > codes.length) {
            codes = Arrays.copyOf(codes, capacity);
        }
    }

    /** Whether the column turned to text after numbers, so rows before {@link #textFrom()} must be read again. */
    boolean needsSecondLook() {
        return codes != null && numbersSeen > 0;
    }

    int textFrom() {
        return textFrom;
    }

    /** During the second look: the cell of a row before {@link #textFrom()}. */
    void addEarly(final byte[] bytes, final int start, final int length, final int row, final long line) {
        if (earlyDictionary == null) {
            earlyDictionary = new ByteDictionary();
        }
        codes[row] = missing.matches(bytes, start, length) ? -1
                : earlyDictionary.intern(bytes, start, length, row, line);
    }

    /**
     * The finished column.
     *
     * @throws InputException when a text value is not valid UTF-8
     */
    Column build(final String source) throws InputException {
        if (codes == null) {
            return new NumericColumn(name, numbers.length == size ? numbers : Arrays.copyOf(numbers, size));
        }
        mergeEarlyValues();
        int[] rowCodes = codes.length == size ? codes : Arrays.copyOf(codes, size);
        return new TextColumn(name, source, rowCodes, texts(source));
    }

    private void becomeText(final int row) {
        textFrom = row;
        codes = new int[numbers.length];
        Arrays.fill(codes, 0, row, -1);
        numbers = null;
        dictionary = new ByteDictionary();
    }

    /** Early values come first in order of appearance, so their dictionary leads and the later codes are mapped. */
    private void mergeEarlyValues() {
        if (earlyDictionary == null) {
            return;
        }
        int[] mapping = earlyDictionary.internAll(dictionary);
        for (int row = textFrom; row < size; row++) {
            if (codes[row] >= 0) {
                codes[row] = mapping[codes[row]];
            }
        }
        dictionary = earlyDictionary;
        earlyDictionary = null;
    }

    private String[] texts(final String source) throws InputException {
        String[] texts = new String[dictionary.size()];
        for (int code = 0; code < texts.length; code++) {
            texts[code] = dictionary.text(code);
            if (texts[code] == null) {
                throw new InputException(String.format("%s: column '%s', row %d (line %d) is not valid UTF-8 text. "
                        + "Save the file with UTF-8 encoding.", source, name, dictionary.firstRow(code) + 1,
                        dictionary.firstLine(code)));
            }
        }
        return texts;
    }

    private static int grown(final int capacity) {
        long grown = Math.max(16L, capacity + (capacity >> 1));
        return (int) Math.min(grown, CsvReader.MAX_ROWS);
    }
}
