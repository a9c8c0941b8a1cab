package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.data.Dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * expect_table_columns_to_match_ordered_list: the data set's columns are exactly {@code columnList}, in order. A
 * mismatch lists each position where the expected and the found column differ.
 */
final class ColumnListExpectation implements Expectation {
    private final List<String> expected;

    private ColumnListExpectation(final List<String> expected) {
        this.expected = expected;
    }

    static ColumnListExpectation of(final RuleFields rule) throws InputException {
        return new ColumnListExpectation(rule.requiredStrings(ExpectationFields.COLUMN_LIST));
    }

    @Override
    public ExpectationResult validate(final Dataset data) {
        List<String> found = data.columnNames();
        List<Map<String, Object>> mismatched = new ArrayList<>();
        for (int position = 0; position < Math.max(expected.size(), found.size()); position++) {
            String expectedColumn = position < expected.size() ? expected.get(position) : null;
            String foundColumn = position < found.size() ? found.get(position) : null;
            if (expectedColumn == null || !expectedColumn.equals(foundColumn)) {
                Map<String, Object> mismatch = new LinkedHashMap<>();
                mismatch.put("expectedColumnPosition", position);
                if (expectedColumn != null) {
                    mismatch.put("expected", expectedColumn);
                }
                if (foundColumn != null) {
                    mismatch.put("found", foundColumn);
                }
                mismatched.add(mismatch);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("observedValue", found);
        if (!mismatched.isEmpty()) {
            result.put("details", Map.of("mismatched", mismatched));
        }
        String message = mismatched.isEmpty() ? String.format("The columns of %s are %s, in order.", data.source(),
                expected) : String.format("The columns of %s are %s; expected %s (%d positions differ).",
                data.source(), found, expected, mismatched.size());
        return new ExpectationResult(mismatched.isEmpty(), ExpectationResult.TABLE, message, result);
    }
}
