package io.mlgitops.benchmark;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.Column;
import io.mlgitops.metrics.PreparedMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates prepared metrics on the slices of a categorical column, by weighting the rows of each slice with 1 and
 * every other row with 0, so nothing is recomputed from scratch.
 */
final class SliceEvaluator {
    static final int MAX_SLICES = 50;

    private final String dataset;

    SliceEvaluator(final String dataset) {
        this.dataset = dataset;
    }

    /**
     * @param column    the slicing column
     * @param champion  the champion's prepared metrics by name, or {@code null} without a champion
     * @param candidate the candidate's prepared metrics by name, in report order
     */
    List<SliceResult> evaluate(final Column column, final Map<String, PreparedMetric> champion,
            final Map<String, PreparedMetric> candidate) throws InputException {
        LabelCodes values = LabelCodes.of(column);
        if (values.distinct().size() > MAX_SLICES) {
            throw new InputException(String.format("Column '%s' of %s has %d distinct values; --slice needs a "
                    + "categorical column with at most %d values (bin numeric columns first).",
                    column.name(), dataset, values.distinct().size(), MAX_SLICES));
        }
        int[] codes = values.codes();
        List<SliceResult> slices = new ArrayList<>();
        for (int code = -1; code < values.distinct().size(); code++) {
            int[] weights = new int[codes.length];
            int rows = 0;
            for (int row = 0; row < codes.length; row++) {
                if (codes[row] == code) {
                    weights[row] = 1;
                    rows++;
                }
            }
            if (rows > 0) {
                String value = code < 0 ? null : values.distinct().get(code);
                slices.add(new SliceResult(column.name(), value, rows, metrics(weights, champion, candidate)));
            }
        }
        return slices;
    }

    private static List<SliceResult.SliceMetric> metrics(final int[] weights,
            final Map<String, PreparedMetric> champion, final Map<String, PreparedMetric> candidate) {
        List<SliceResult.SliceMetric> metrics = new ArrayList<>();
        for (Map.Entry<String, PreparedMetric> entry : candidate.entrySet()) {
            Double candidateValue = finite(entry.getValue().value(weights));
            Double championValue = champion == null ? null : finite(champion.get(entry.getKey()).value(weights));
            Double delta = candidateValue == null || championValue == null ? null : candidateValue - championValue;
            metrics.add(new SliceResult.SliceMetric(entry.getKey(), championValue, candidateValue, delta));
        }
        return metrics;
    }

    static Double finite(final double value) {
        return Double.isFinite(value) ? value : null;
    }
}
