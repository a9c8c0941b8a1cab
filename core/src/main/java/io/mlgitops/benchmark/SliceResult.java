package io.mlgitops.benchmark;

import java.util.List;

/**
 * The metrics of both models on the rows where a column has one value.
 *
 * @param column  the slicing column
 * @param value   the value, {@code null} for rows where the column is missing
 * @param rows    rows in the slice
 * @param metrics per metric, both values and their difference ({@code null} where undefined on the slice)
 */
public record SliceResult(String column, String value, int rows, List<SliceMetric> metrics) {
    public SliceResult {
        metrics = List.copyOf(metrics);
    }

    /**
     * One metric on one slice.
     *
     * @param name      canonical metric name
     * @param champion  the champion's value, {@code null} without a champion or when undefined
     * @param candidate the candidate's value, {@code null} when undefined
     * @param delta     candidate minus champion
     */
    public record SliceMetric(String name, Double champion, Double candidate, Double delta) {
    }
}
