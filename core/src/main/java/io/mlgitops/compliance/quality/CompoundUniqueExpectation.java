package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * expect_compound_columns_to_be_unique: no two considered rows hold the same combination of values in
 * {@code columnList} (every copy of a repeated combination is unexpected; missing values equal each other). Rows are
 * left out as {@code ignoreRowIf} says: {@code all_values_are_missing} (the default), {@code any_value_is_missing} or
 * {@code never}; {@code mostly} applies to the rows considered.
 */
final class CompoundUniqueExpectation implements Expectation {
    static final List<String> IGNORE_ROW_IF = List.of("all_values_are_missing", "any_value_is_missing", "never");

    private final List<String> columns;
    private final String ignoreRowIf;
    private final double mostly;

    private CompoundUniqueExpectation(final List<String> columns, final String ignoreRowIf, final double mostly) {
        this.columns = columns;
        this.ignoreRowIf = ignoreRowIf;
        this.mostly = mostly;
    }

    static CompoundUniqueExpectation of(final RuleFields rule) throws InputException {
        List<String> columns = rule.requiredStrings(ExpectationFields.COLUMN_LIST);
        return new CompoundUniqueExpectation(columns, rule.choice(ExpectationFields.IGNORE_ROW_IF, IGNORE_ROW_IF.get(0),
                IGNORE_ROW_IF), ExpectationFields.mostly(rule));
    }

    @Override
    public ExpectationResult validate(final Dataset data) throws InputException {
        List<Column> values = data.columns(columns);
        int rows = data.rowCount();
        boolean[] considered = new boolean[rows];
        Map<Combination, Integer> counts = new HashMap<>();
        long consideredCount = 0;
        for (int row = 0; row < rows; row++) {
            if (considered(values, row)) {
                considered[row] = true;
                consideredCount++;
                counts.merge(Combination.of(values, row), 1, Integer::sum);
            }
        }
        long unexpectedCount = 0;
        List<Map<String, Object>> partial = new ArrayList<>();
        List<Integer> partialRows = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            if (considered[row] && counts.get(Combination.of(values, row)) > 1) {
                unexpectedCount++;
                if (partial.size() < ColumnMapExpectation.PARTIAL_COUNT) {
                    partial.add(rowValues(values, row));
                    partialRows.add(row + 1);
                }
            }
        }
        boolean success = consideredCount == 0
                || (consideredCount - unexpectedCount) / (double) consideredCount >= mostly;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("elementCount", (long) rows);
        result.put("missingCount", rows - consideredCount);
        result.put("unexpectedCount", unexpectedCount);
        if (consideredCount > 0) {
            result.put("unexpectedPercent", 100.0 * unexpectedCount / consideredCount);
        }
        result.put("partialUnexpectedList", partial);
        result.put("partialUnexpectedRows", partialRows);
        result.put("mostly", mostly);
        String message = String.format(Locale.ROOT, "Columns %s of %s: %d of %d rows considered repeat a "
                + "combination of values; at least %s%% must be unique.", columns, data.source(), unexpectedCount,
                consideredCount, Bounds.format(100 * mostly));
        return new ExpectationResult(success, String.join(",", columns), message, result);
    }

    private boolean considered(final List<Column> values, final int row) {
        long missing = values.stream().filter(column -> column.isMissing(row)).count();
        return switch (ignoreRowIf) {
            case "all_values_are_missing" -> missing < values.size();
            case "any_value_is_missing" -> missing == 0;
            default -> true;
        };
    }

    private static Map<String, Object> rowValues(final List<Column> values, final int row) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (Column column : values) {
            Object value = CellValues.value(column, row);
            if (value != null) {
                cells.put(column.name(), value);
            }
        }
        return cells;
    }

    /** The values of one row in the listed columns: text by dictionary code, numbers by value, missing as NaN/-1. */
    private record Combination(double[] parts) {
        static Combination of(final List<Column> values, final int row) {
            double[] parts = new double[values.size()];
            for (int i = 0; i < parts.length; i++) {
                Column column = values.get(i);
                parts[i] = column instanceof TextColumn text ? text.code(row)
                        : CellValues.key(((NumericColumn) column).get(row));
            }
            return new Combination(parts);
        }

        @Override
        public boolean equals(final Object other) {
            return other instanceof Combination combination && Arrays.equals(parts, combination.parts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(parts);
        }

        @Override
        public String toString() {
            return Arrays.toString(parts);
        }
    }
}
