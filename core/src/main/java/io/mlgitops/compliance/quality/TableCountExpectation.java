package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.data.Dataset;

import java.util.Map;
import java.util.function.ToIntFunction;

/** The table's row or column count equals {@code value} or lies between {@code minValue} and {@code maxValue}. */
final class TableCountExpectation implements Expectation {
    private final String counted;
    private final ToIntFunction<Dataset> count;
    private final Bounds bounds;

    private TableCountExpectation(final String counted, final ToIntFunction<Dataset> count, final Bounds bounds) {
        this.counted = counted;
        this.count = count;
        this.bounds = bounds;
    }

    static TableCountExpectation rowsBetween(final RuleFields rule) throws InputException {
        return new TableCountExpectation("rows", Dataset::rowCount, Bounds.read(rule, true));
    }

    static TableCountExpectation rowsEqual(final RuleFields rule) throws InputException {
        return new TableCountExpectation("rows", Dataset::rowCount,
                Bounds.exactly(ExpectationFields.count(rule, ExpectationFields.VALUE)));
    }

    static TableCountExpectation columnsBetween(final RuleFields rule) throws InputException {
        return new TableCountExpectation("columns", data -> data.columnNames().size(), Bounds.read(rule, true));
    }

    static TableCountExpectation columnsEqual(final RuleFields rule) throws InputException {
        return new TableCountExpectation("columns", data -> data.columnNames().size(),
                Bounds.exactly(ExpectationFields.count(rule, ExpectationFields.VALUE)));
    }

    @Override
    public ExpectationResult validate(final Dataset data) {
        int observed = count.applyAsInt(data);
        String message = String.format("%s has %d %s; expected %s.", data.source(), observed, counted,
                bounds.describe());
        return new ExpectationResult(bounds.contains(observed), ExpectationResult.TABLE, message,
                Map.of("observedValue", observed));
    }
}
