package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A Great Expectations column map expectation: each considered value passes or not, and the expectation holds when
 * {@code (considered - unexpected) / considered >= mostly}, or when no value is considered. Missing values are not
 * considered, except by the two null expectations, which consider every row.
 */
final class ColumnMapExpectation implements Expectation {
    /** Great Expectations' default {@code partial_unexpected_count}. */
    static final int PARTIAL_COUNT = 20;

    private final String column;
    private final double mostly;
    private final ValueCondition condition;
    private final boolean nullsConsidered;

    private ColumnMapExpectation(final String column, final double mostly, final ValueCondition condition,
            final boolean nullsConsidered) {
        this.column = column;
        this.mostly = mostly;
        this.condition = condition;
        this.nullsConsidered = nullsConsidered;
    }

    /** An expectation on the non-missing values of the rule's column. */
    static ColumnMapExpectation of(final RuleFields rule, final ValueCondition condition) throws InputException {
        return new ColumnMapExpectation(rule.string(ExpectationFields.COLUMN), ExpectationFields.mostly(rule),
                condition, false);
    }

    /** expect_column_values_to_be_null ({@code expectNull}) or expect_column_values_to_not_be_null. */
    static ColumnMapExpectation nulls(final RuleFields rule, final boolean expectNull) throws InputException {
        ValueCondition condition = new ValueCondition(expectNull ? "are not missing" : "are missing",
                (values, source) -> row -> values.isMissing(row) != expectNull);
        return new ColumnMapExpectation(rule.string(ExpectationFields.COLUMN), ExpectationFields.mostly(rule),
                condition, true);
    }

    @Override
    public ExpectationResult validate(final Dataset data) throws InputException {
        Column values = data.column(column);
        IntPredicate unexpected = condition.unexpected(values, data.source());
        long considered = nullsConsidered ? values.size() : values.size() - values.missingCount();
        long unexpectedCount = 0;
        List<Object> partialValues = new ArrayList<>();
        List<Integer> partialRows = new ArrayList<>();
        for (int row = 0; row < values.size(); row++) {
            if ((nullsConsidered || !values.isMissing(row)) && unexpected.test(row)) {
                unexpectedCount++;
                if (partialRows.size() < PARTIAL_COUNT) {
                    partialRows.add(row + 1);
                    Object value = CellValues.value(values, row);
                    if (value != null) {
                        partialValues.add(value);
                    }
                }
            }
        }
        boolean success = considered == 0 || (considered - unexpectedCount) / (double) considered >= mostly;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("elementCount", (long) values.size());
        if (!nullsConsidered) {
            result.put("missingCount", (long) values.missingCount());
        }
        result.put("unexpectedCount", unexpectedCount);
        if (considered > 0) {
            result.put("unexpectedPercent", 100.0 * unexpectedCount / considered);
        }
        if (!partialValues.isEmpty()) {
            result.put("partialUnexpectedList", partialValues);
        }
        result.put("partialUnexpectedRows", partialRows);
        result.put("mostly", mostly);
        String message = String.format(Locale.ROOT, "Column '%s' of %s: %d of %d %s%s %s; at least %s%% must pass.",
                column, data.source(), unexpectedCount, considered, nullsConsidered ? "values" : "non-missing values",
                considered > 0 ? String.format(Locale.ROOT, " (%.3g%%)", 100.0 * unexpectedCount / considered) : "",
                condition.violation(), Bounds.format(100 * mostly));
        return new ExpectationResult(success, column, message, result);
    }
}
