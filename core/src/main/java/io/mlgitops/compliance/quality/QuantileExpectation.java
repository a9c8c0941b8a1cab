package io.mlgitops.compliance.quality;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * expect_column_quantile_values_to_be_between: each quantile of the non-missing values (pandas' {@code nearest}
 * interpolation, GE's default: the value at position round-half-even(q (n - 1))) lies in its range, a range end
 * being open when null and a value within 1e-4 relative (plus 1e-8) of an end counting as inside.
 */
final class QuantileExpectation implements Expectation {
    private static final double RELATIVE_TOLERANCE = 1e-4;
    private static final double ABSOLUTE_TOLERANCE = 1e-8;

    private final String column;
    private final double[] quantiles;
    private final double[][] ranges;

    private QuantileExpectation(final String column, final double[] quantiles, final double[][] ranges) {
        this.column = column;
        this.quantiles = quantiles;
        this.ranges = ranges;
    }

    static QuantileExpectation of(final RuleFields rule) throws InputException {
        List<JsonNode> quantileNodes = ExpectationFields.list(rule, ExpectationFields.QUANTILES);
        List<JsonNode> rangeNodes = ExpectationFields.list(rule, ExpectationFields.VALUE_RANGES);
        if (quantileNodes.size() != rangeNodes.size()) {
            throw rule.invalid(ExpectationFields.VALUE_RANGES, "needs one range per quantile (" + quantileNodes.size()
                    + "), got " + rangeNodes.size());
        }
        double[] quantiles = new double[quantileNodes.size()];
        double[][] ranges = new double[quantileNodes.size()][];
        for (int i = 0; i < quantiles.length; i++) {
            JsonNode quantile = quantileNodes.get(i);
            if (!quantile.isNumber() || quantile.asDouble() < 0 || quantile.asDouble() > 1) {
                throw rule.invalid(ExpectationFields.QUANTILES, "must list numbers between 0 and 1, got " + quantile);
            }
            quantiles[i] = quantile.asDouble();
            ranges[i] = range(rule, rangeNodes.get(i));
        }
        return new QuantileExpectation(rule.string(ExpectationFields.COLUMN), quantiles, ranges);
    }

    /** [min, max] with null as -infinity / +infinity. */
    private static double[] range(final RuleFields rule, final JsonNode node) throws InputException {
        boolean valid = node.isArray() && node.size() == 2;
        for (int i = 0; valid && i < 2; i++) {
            valid = node.get(i).isNull() || node.get(i).isNumber();
        }
        if (!valid) {
            throw rule.invalid(ExpectationFields.VALUE_RANGES, "must list [min, max] pairs of numbers or null, got "
                    + node);
        }
        double min = node.get(0).isNull() ? Double.NEGATIVE_INFINITY : node.get(0).asDouble();
        double max = node.get(1).isNull() ? Double.POSITIVE_INFINITY : node.get(1).asDouble();
        if (min > max) {
            throw rule.invalid(ExpectationFields.VALUE_RANGES, "has a range whose min exceeds its max: " + node);
        }
        return new double[] {min, max};
    }

    @Override
    public ExpectationResult validate(final Dataset data) throws InputException {
        Column values = data.column(column);
        double[] sorted = Arrays.stream(values.toDoubles()).filter(value -> !Double.isNaN(value)).sorted().toArray();
        List<Double> observed = new ArrayList<>();
        List<Boolean> details = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (int i = 0; i < quantiles.length; i++) {
            double value = sorted.length == 0 ? Double.NaN
                    : sorted[(int) Math.rint((sorted.length - 1) * quantiles[i])];
            boolean inside = close(value, ranges[i][0]) || close(value, ranges[i][1])
                    || ranges[i][0] <= value && value <= ranges[i][1];
            details.add(inside);
            if (!Double.isNaN(value)) {
                observed.add(value);
            }
            if (!inside) {
                outside.add(String.format(Locale.ROOT, "q%s = %s not in [%s, %s]", Bounds.format(quantiles[i]),
                        Bounds.format(value), Bounds.format(ranges[i][0]), Bounds.format(ranges[i][1])));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        if (sorted.length > 0) {
            result.put("observedValue", Map.of("quantiles", Arrays.stream(quantiles).boxed().toList(), "values",
                    observed));
        }
        result.put("successDetails", details);
        result.put("elementCount", (long) values.size());
        result.put("missingCount", (long) values.missingCount());
        String message = String.format("Column '%s' of %s: %s.", column, data.source(), outside.isEmpty()
                ? "every quantile lies in its range" : String.join("; ", outside));
        return new ExpectationResult(outside.isEmpty(), column, message, result);
    }

    /** numpy's isclose(a, b, rtol=1e-4, atol=1e-8): infinities are close only to themselves. */
    private static boolean close(final double a, final double b) {
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return a == b;
        }
        return Math.abs(a - b) <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(b);
    }
}
