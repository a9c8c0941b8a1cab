package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.data.Dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * expect_column_values_to_be_of_type ({@code typeName}) and expect_column_values_to_be_in_type_list
 * ({@code typeList}): the column's pandas dtype is the type, or one of the types.
 */
final class ColumnTypeExpectation implements Expectation {
    private final String column;
    private final List<String> expected;
    private final Set<PandasType> accepted;

    private ColumnTypeExpectation(final String column, final List<String> expected, final Set<PandasType> accepted) {
        this.column = column;
        this.expected = expected;
        this.accepted = accepted;
    }

    static ColumnTypeExpectation ofType(final RuleFields rule) throws InputException {
        return of(rule, ExpectationFields.TYPE_NAME, List.of(rule.string(ExpectationFields.TYPE_NAME)));
    }

    static ColumnTypeExpectation inTypeList(final RuleFields rule) throws InputException {
        return of(rule, ExpectationFields.TYPE_LIST, rule.requiredStrings(ExpectationFields.TYPE_LIST));
    }

    private static ColumnTypeExpectation of(final RuleFields rule, final String field, final List<String> names)
            throws InputException {
        Set<PandasType> accepted = new LinkedHashSet<>();
        for (String name : names) {
            accepted.add(PandasType.named(name).orElseThrow(() -> rule.invalid(field, "'" + name
                    + "' is not a type a CSV column can have; use one of " + String.join(", ", PandasType.names()))));
        }
        return new ColumnTypeExpectation(rule.string(ExpectationFields.COLUMN), new ArrayList<>(names), accepted);
    }

    @Override
    public ExpectationResult validate(final Dataset data) throws InputException {
        PandasType observed = PandasType.of(data.column(column));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("observedValue", observed.dtype());
        result.put("expectedTypes", List.copyOf(expected));
        String message = String.format("Column '%s' of %s has type %s; expected %s.", column, data.source(),
                observed.dtype(), String.join(" or ", expected));
        return new ExpectationResult(accepted.contains(observed), column, message, result);
    }
}
