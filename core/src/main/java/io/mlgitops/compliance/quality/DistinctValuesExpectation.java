package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * expect_column_distinct_values_to_be_in_set: every distinct non-missing value of the column is in the value set.
 * The observed value lists the first distinct values in ascending order.
 */
final class DistinctValuesExpectation implements Expectation {
    private final String column;
    private final ValueSet set;

    private DistinctValuesExpectation(final String column, final ValueSet set) {
        this.column = column;
        this.set = set;
    }

    static DistinctValuesExpectation of(final RuleFields rule) throws InputException {
        return new DistinctValuesExpectation(rule.string(ExpectationFields.COLUMN), ValueSet.read(rule));
    }

    @Override
    public ExpectationResult validate(final Dataset data) throws InputException {
        Column values = data.column(column);
        List<Object> distinct = new ArrayList<>();
        List<Object> outside = new ArrayList<>();
        if (values instanceof NumericColumn numbers) {
            double[] sorted = Arrays.stream(numbers.toDoubles()).filter(value -> !Double.isNaN(value))
                    .map(CellValues::key).sorted().distinct().toArray();
            for (double value : sorted) {
                distinct.add(CellValues.number(value));
                if (!set.containsNumber(value)) {
                    outside.add(CellValues.number(value));
                }
            }
        }
        else {
            TextColumn text = (TextColumn) values;
            boolean[] used = new boolean[text.dictionary().length];
            for (int row = 0; row < text.size(); row++) {
                if (!text.isMissing(row)) {
                    used[text.code(row)] = true;
                }
            }
            TreeSet<String> sorted = new TreeSet<>();
            for (int code = 0; code < used.length; code++) {
                if (used[code]) {
                    sorted.add(text.dictionary()[code]);
                }
            }
            for (String value : sorted) {
                distinct.add(value);
                if (!set.containsText(value)) {
                    outside.add(value);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("observedValue", first(distinct));
        result.put("distinctCount", distinct.size());
        result.put("unexpectedCount", outside.size());
        if (!outside.isEmpty()) {
            result.put("partialUnexpectedList", first(outside));
        }
        result.put("valueSet", set.entries());
        String message = String.format("Column '%s' of %s has %d distinct values, %d of them outside the value set "
                + "%s%s.", column, data.source(), distinct.size(), outside.size(), set.entries(),
                outside.isEmpty() ? "" : " (e.g. " + first(outside) + ")");
        return new ExpectationResult(outside.isEmpty(), column, message, result);
    }

    private static List<Object> first(final List<Object> values) {
        return List.copyOf(values.subList(0, Math.min(values.size(), ColumnMapExpectation.PARTIAL_COUNT)));
    }
}
