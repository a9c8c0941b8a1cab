package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.data.Dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * expect_table_columns_to_match_set: the data set's columns are the {@code columnSet} in any order; with
 * {@code exactMatch: false} (GE documents true as the default) extra columns are allowed but none may be missing.
 */
final class ColumnSetExpectation implements Expectation {
    private final TreeSet<String> expected;
    private final boolean exactMatch;

    private ColumnSetExpectation(final TreeSet<String> expected, final boolean exactMatch) {
        this.expected = expected;
        this.exactMatch = exactMatch;
    }

    static ColumnSetExpectation of(final RuleFields rule) throws InputException {
        return new ColumnSetExpectation(new TreeSet<>(rule.requiredStrings(ExpectationFields.COLUMN_SET)),
                rule.bool(ExpectationFields.EXACT_MATCH, true));
    }

    @Override
    public ExpectationResult validate(final Dataset data) {
        TreeSet<String> found = new TreeSet<>(data.columnNames());
        TreeSet<String> unexpected = new TreeSet<>(found);
        unexpected.removeAll(expected);
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(found);
        boolean success = missing.isEmpty() && (unexpected.isEmpty() || !exactMatch);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("observedValue", List.copyOf(found));
        Map<String, Object> mismatched = new LinkedHashMap<>();
        if (!unexpected.isEmpty()) {
            mismatched.put("unexpected", List.copyOf(unexpected));
        }
        if (!missing.isEmpty()) {
            mismatched.put("missing", List.copyOf(missing));
        }
        if (!mismatched.isEmpty()) {
            result.put("details", Map.of("mismatched", mismatched));
        }
        String message = String.format("%s has %d columns; %d expected ones missing %s, %d others %s%s.",
                data.source(), found.size(), missing.size(), missing, unexpected.size(), unexpected,
                exactMatch ? "" : " (allowed)");
        return new ExpectationResult(success, ExpectationResult.TABLE, message, result);
    }
}
