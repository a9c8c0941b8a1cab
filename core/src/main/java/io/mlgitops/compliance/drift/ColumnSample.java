package io.mlgitops.compliance.drift;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One column of the reference and the current data set with missing (and infinite) values dropped, typed as
 * Evidently types it: text is categorical; numbers are numerical, except a column of whole numbers without missing
 * values in the current data set (pandas reads it as int64) with at most 5 distinct reference values. A column that
 * is text in either data set is compared as text. Numbers are sorted once and every method works on the sorted
 * copies.
 */
final class ColumnSample {
    /** An int64 column with at most this many distinct reference values is categorical. */
    private static final int CATEGORICAL_MAX_DISTINCT = 5;

    private final String name;
    private final NumericPair numbers;
    private final long referenceMissing;
    private final long currentMissing;
    private final int referenceDistinct;
    private final int distinct;
    private CategoryCounts categories;

    private ColumnSample(final String name, final NumericPair numbers, final CategoryCounts categories,
            final long referenceMissing, final long currentMissing) {
        this.name = name;
        this.numbers = numbers;
        this.categories = categories;
        this.referenceMissing = referenceMissing;
        this.currentMissing = currentMissing;
        if (numbers == null) {
            this.referenceDistinct = (int) Arrays.stream(categories.reference()).filter(count -> count > 0).count();
            this.distinct = categories.size();
        }
        else {
            this.referenceDistinct = SortedSamples.distinct(numbers.reference());
            this.distinct = SortedSamples.distinctUnion(numbers.reference(), numbers.current());
        }
    }

    /**
     * @throws InputException naming the file and column when a column has no value left after dropping missing ones
     */
    static ColumnSample of(final Column referenceColumn, final String referenceSource, final Column currentColumn,
            final String currentSource) throws InputException {
        if (referenceColumn instanceof NumericColumn reference && currentColumn instanceof NumericColumn current) {
            double[] referenceValues = finiteSorted(reference, referenceSource);
            double[] currentValues = finiteSorted(current, currentSource);
            NumericPair numbers = new NumericPair(referenceValues, currentValues, isInt64(reference),
                    isInt64(current));
            return new ColumnSample(current.name(), numbers, null, reference.size() - referenceValues.length,
                    current.size() - currentValues.length);
        }
        CategoryCounts categories = union(textCounts(referenceColumn, referenceSource),
                textCounts(currentColumn, currentSource));
        return new ColumnSample(currentColumn.name(), null, categories, referenceColumn.missingCount(),
                currentColumn.missingCount());
    }

    private static boolean isInt64(final NumericColumn column) {
        return column.isIntegral() && column.missingCount() == 0;
    }

    private static double[] finiteSorted(final NumericColumn column, final String source) throws InputException {
        double[] values = column.toDoubles();
        int finite = 0;
        for (double value : values) {
            if (Double.isFinite(value)) {
                finite++;
            }
        }
        if (finite == 0) {
            throw empty(column, source);
        }
        double[] kept = new double[finite];
        int next = 0;
        for (double value : values) {
            if (Double.isFinite(value)) {
                kept[next++] = value;
            }
        }
        Arrays.sort(kept);
        return kept;
    }

    private static Map<String, Long> textCounts(final Column column, final String source) throws InputException {
        Map<String, Long> counts = new HashMap<>();
        if (column instanceof TextColumn text) {
            long[] perCode = new long[text.dictionary().length];
            for (int row = 0; row < text.size(); row++) {
                int code = text.code(row);
                if (code >= 0) {
                    perCode[code]++;
                }
            }
            for (int code = 0; code < perCode.length; code++) {
                if (perCode[code] > 0) {
                    counts.merge(text.dictionary()[code], perCode[code], Long::sum);
                }
            }
        }
        else {
            for (int row = 0; row < column.size(); row++) {
                String value = column.text(row);
                if (value != null) {
                    counts.merge(value, 1L, Long::sum);
                }
            }
        }
        if (counts.isEmpty()) {
            throw empty(column, source);
        }
        return counts;
    }

    private static CategoryCounts union(final Map<String, Long> reference, final Map<String, Long> current) {
        TreeMap<String, long[]> both = new TreeMap<>();
        reference.forEach((value, count) -> both.computeIfAbsent(value, key -> new long[2])[0] = count);
        current.forEach((value, count) -> both.computeIfAbsent(value, key -> new long[2])[1] = count);
        long[] referenceCounts = new long[both.size()];
        long[] currentCounts = new long[both.size()];
        int category = 0;
        for (long[] counts : both.values()) {
            referenceCounts[category] = counts[0];
            currentCounts[category] = counts[1];
            category++;
        }
        return new CategoryCounts(referenceCounts, currentCounts);
    }

    private static InputException empty(final Column column, final String source) {
        return new InputException(String.format("%s: column '%s' has no values (every cell is missing), so its drift "
                + "cannot be measured. Fill the column or leave it out of the rule's 'columns'.", source,
                column.name()));
    }

    String name() {
        return name;
    }

    /** The sorted finite values, when the column holds numbers in both data sets (ks and wasserstein need them). */
    NumericPair numbers() {
        return numbers;
    }

    boolean isNumeric() {
        return numbers != null;
    }

    /** Evidently's column type: categorical (text, or int64 with few distinct values) or numerical. */
    boolean isCategorical() {
        return numbers == null || numbers.currentInt64() && referenceDistinct <= CATEGORICAL_MAX_DISTINCT;
    }

    /** How often each value occurs in either sample, computed on first use. */
    CategoryCounts categories() {
        if (categories == null) {
            categories = CategoryCounts.ofSorted(numbers.reference(), numbers.current());
        }
        return categories;
    }

    long referenceSize() {
        return numbers == null ? categories.referenceTotal() : numbers.reference().length;
    }

    long currentSize() {
        return numbers == null ? categories.currentTotal() : numbers.current().length;
    }

    long referenceMissing() {
        return referenceMissing;
    }

    long currentMissing() {
        return currentMissing;
    }

    /** Distinct values in the reference sample. */
    int referenceDistinct() {
        return referenceDistinct;
    }

    /** Distinct values in both samples together. */
    int distinct() {
        return distinct;
    }
}
