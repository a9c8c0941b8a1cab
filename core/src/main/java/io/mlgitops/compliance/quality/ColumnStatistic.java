package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;
import io.mlgitops.stats.CompensatedSum;

import java.util.Arrays;

/**
 * A column aggregate as pandas computes it for Great Expectations, over the non-missing values; NaN when there is
 * none (GE then fails the expectation), except that an empty sum is 0 and an empty unique proportion 0.
 */
enum ColumnStatistic {
    MEAN("mean"),
    MEDIAN("median"),
    MIN("minimum"),
    MAX("maximum"),
    /** Sample standard deviation (ddof 1), as pandas' {@code std()}. */
    STDEV("standard deviation"),
    SUM("sum"),
    /** Distinct non-missing values divided by the non-missing values. */
    UNIQUE_PROPORTION("proportion of unique values"),
    /** Distinct non-missing values. */
    UNIQUE_COUNT("number of unique values");

    private final String description;

    ColumnStatistic(final String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /**
     * @throws InputException when the statistic needs numbers and the column holds text (naming file and column)
     */
    double of(final Column column) throws InputException {
        return switch (this) {
            case UNIQUE_PROPORTION -> {
                long present = column.size() - column.missingCount();
                yield present == 0 ? 0.0 : (double) distinct(column) / present;
            }
            case UNIQUE_COUNT -> distinct(column);
            default -> ofNumbers(present(column.toDoubles()));
        };
    }

    private double ofNumbers(final double[] values) {
        int n = values.length;
        return switch (this) {
            case SUM -> sum(values);
            case MEAN -> n == 0 ? Double.NaN : sum(values) / n;
            case MIN -> Arrays.stream(values).min().orElse(Double.NaN);
            case MAX -> Arrays.stream(values).max().orElse(Double.NaN);
            case MEDIAN -> median(values);
            case STDEV -> standardDeviation(values);
            default -> throw new IllegalStateException(this + " is not a statistic of numbers");
        };
    }

    private static double[] present(final double[] values) {
        return Arrays.stream(values).filter(value -> !Double.isNaN(value)).toArray();
    }

    private static double sum(final double[] values) {
        CompensatedSum total = new CompensatedSum();
        for (double value : values) {
            total.add(value);
        }
        return total.sum();
    }

    private static double median(final double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double standardDeviation(final double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = sum(values) / values.length;
        CompensatedSum squares = new CompensatedSum();
        for (double value : values) {
            squares.add((value - mean) * (value - mean));
        }
        return Math.sqrt(squares.sum() / (values.length - 1));
    }

    private static long distinct(final Column column) {
        if (column instanceof TextColumn text) {
            boolean[] used = new boolean[text.dictionary().length];
            long distinct = 0;
            for (int row = 0; row < text.size(); row++) {
                int code = text.code(row);
                if (code >= 0 && !used[code]) {
                    used[code] = true;
                    distinct++;
                }
            }
            return distinct;
        }
        double[] sorted = Arrays.stream(((NumericColumn) column).toDoubles()).filter(value -> !Double.isNaN(value))
                .map(CellValues::key).sorted().toArray();
        long distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }
}
