package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Great Expectations column aggregate expectation: a statistic of the column's non-missing values lies within
 * bounds. A statistic that does not exist (the mean of no value) fails, as in GE.
 */
final class ColumnAggregateExpectation implements Expectation {
    private final String column;
    private final ColumnStatistic statistic;
    private final Bounds bounds;

    private ColumnAggregateExpectation(final String column, final ColumnStatistic statistic, final Bounds bounds) {
        this.column = column;
        this.statistic = statistic;
        this.bounds = bounds;
    }

    static ColumnAggregateExpectation of(final RuleFields rule, final ColumnStatistic statistic)
            throws InputException {
        return new ColumnAggregateExpectation(rule.string(ExpectationFields.COLUMN), statistic,
                Bounds.read(rule, statistic == ColumnStatistic.UNIQUE_COUNT));
    }

    @Override
    public ExpectationResult validate(final Dataset data) throws InputException {
        Column values = data.column(column);
        double observed = statistic.of(values);
        Map<String, Object> result = new LinkedHashMap<>();
        if (!Double.isNaN(observed)) {
            result.put("observedValue", observed);
        }
        result.put("elementCount", (long) values.size());
        result.put("missingCount", (long) values.missingCount());
        String found = Double.isNaN(observed) ? "does not exist (no non-missing values to compute it from)"
                : "is " + Bounds.format(observed);
        String message = String.format("The %s of column '%s' of %s %s; expected %s.", statistic.description(),
                column, data.source(), found, bounds.describe());
        return new ExpectationResult(bounds.contains(observed), column, message, result);
    }
}
