package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.data.Dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** expect_column_to_exist: the data set has the column, at the 0-based {@code columnIndex} when one is given. */
final class ColumnExistsExpectation implements Expectation {
    private final String column;
    private final OptionalInt index;

    private ColumnExistsExpectation(final String column, final OptionalInt index) {
        this.column = column;
        this.index = index;
    }

    static ColumnExistsExpectation of(final RuleFields rule) throws InputException {
        OptionalInt index = rule.has(ExpectationFields.COLUMN_INDEX)
                ? OptionalInt.of(rule.integer(ExpectationFields.COLUMN_INDEX, 0, 0)) : OptionalInt.empty();
        return new ColumnExistsExpectation(rule.string(ExpectationFields.COLUMN), index);
    }

    @Override
    public ExpectationResult validate(final Dataset data) {
        List<String> columns = data.columnNames();
        boolean success = index.isPresent()
                ? index.getAsInt() < columns.size() && columns.get(index.getAsInt()).equals(column)
                : columns.contains(column);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("observedValue", columns);
        String where = index.isPresent() ? " at position " + index.getAsInt() + " (0-based)" : "";
        String message = String.format("%s %s column '%s'%s.", data.source(), success ? "has" : "does not have",
                column, where);
        return new ExpectationResult(success, column, message, result);
    }
}
