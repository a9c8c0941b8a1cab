package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.mlgitops.compliance.quality.ExpectationFields.BETWEEN;
import static io.mlgitops.compliance.quality.ExpectationFields.COLUMN;
import static io.mlgitops.compliance.quality.ExpectationFields.MOSTLY;

/**
 * The supported subset of Great Expectations 1.2, by expectation name, each with the fields (GE's keyword arguments
 * in camelCase) it accepts besides {@code expectation} and {@code dataset}.
 */
final class ExpectationCatalog {
    /** Reads an expectation's arguments from a rule, validating them. */
    @FunctionalInterface
    interface Reader {
        Expectation read(RuleFields rule) throws InputException;
    }

    /**
     * @param name   GE's expectation name
     * @param fields the fields it accepts besides {@code expectation} and {@code dataset}
     * @param reader reads and validates them
     */
    record Definition(String name, Set<String> fields, Reader reader) {
    }

    private static final Map<String, Definition> DEFINITIONS = definitions();

    private ExpectationCatalog() {
    }

    static Optional<Definition> find(final String name) {
        return Optional.ofNullable(DEFINITIONS.get(name));
    }

    static List<String> names() {
        return List.copyOf(DEFINITIONS.keySet());
    }

    /** Every field some expectation accepts. */
    static Set<String> allFields() {
        Set<String> fields = new TreeSet<>(ExpectationFields.COMMON);
        DEFINITIONS.values().forEach(definition -> fields.addAll(definition.fields()));
        return Collections.unmodifiableSet(fields);
    }

    private static Map<String, Definition> definitions() {
        Map<String, Definition> definitions = new LinkedHashMap<>();
        columnMap(definitions);
        aggregates(definitions);
        add(definitions, "expect_column_values_to_be_of_type", Set.of(COLUMN, ExpectationFields.TYPE_NAME),
                ColumnTypeExpectation::ofType);
        add(definitions, "expect_column_values_to_be_in_type_list", Set.of(COLUMN, ExpectationFields.TYPE_LIST),
                ColumnTypeExpectation::inTypeList);
        add(definitions, "expect_column_to_exist", Set.of(COLUMN, ExpectationFields.COLUMN_INDEX),
                ColumnExistsExpectation::of);
        add(definitions, "expect_table_columns_to_match_ordered_list", Set.of(ExpectationFields.COLUMN_LIST),
                ColumnListExpectation::of);
        add(definitions, "expect_table_columns_to_match_set",
                Set.of(ExpectationFields.COLUMN_SET, ExpectationFields.EXACT_MATCH), ColumnSetExpectation::of);
        add(definitions, "expect_table_column_count_to_equal", Set.of(ExpectationFields.VALUE),
                TableCountExpectation::columnsEqual);
        Set<String> countBetween = Set.of(ExpectationFields.MIN_VALUE, ExpectationFields.MAX_VALUE);
        add(definitions, "expect_table_column_count_to_be_between", countBetween,
                TableCountExpectation::columnsBetween);
        add(definitions, "expect_table_row_count_to_be_between", countBetween, TableCountExpectation::rowsBetween);
        add(definitions, "expect_table_row_count_to_equal", Set.of(ExpectationFields.VALUE),
                TableCountExpectation::rowsEqual);
        add(definitions, "expect_compound_columns_to_be_unique",
                Set.of(ExpectationFields.COLUMN_LIST, ExpectationFields.IGNORE_ROW_IF, MOSTLY),
                CompoundUniqueExpectation::of);
        return Collections.unmodifiableMap(definitions);
    }

    private static void columnMap(final Map<String, Definition> definitions) {
        Set<String> plain = Set.of(COLUMN, MOSTLY);
        Set<String> between = with(plain, BETWEEN);
        Set<String> valueSet = with(plain, Set.of(ExpectationFields.VALUE_SET));
        Set<String> regex = with(plain, Set.of(ExpectationFields.REGEX));
        add(definitions, "expect_column_values_to_not_be_null", plain,
                rule -> ColumnMapExpectation.nulls(rule, false));
        add(definitions, "expect_column_values_to_be_null", plain, rule -> ColumnMapExpectation.nulls(rule, true));
        add(definitions, "expect_column_values_to_be_between", between,
                rule -> ColumnMapExpectation.of(rule, ValueConditions.between(Bounds.read(rule, false))));
        add(definitions, "expect_column_values_to_be_in_set", valueSet,
                rule -> ColumnMapExpectation.of(rule, ValueConditions.inSet(ValueSet.read(rule))));
        add(definitions, "expect_column_values_to_not_be_in_set", valueSet,
                rule -> ColumnMapExpectation.of(rule, ValueConditions.notInSet(ValueSet.read(rule))));
        add(definitions, "expect_column_values_to_be_unique", plain,
                rule -> ColumnMapExpectation.of(rule, ValueConditions.unique()));
        add(definitions, "expect_column_values_to_match_regex", regex,
                rule -> ColumnMapExpectation.of(rule, ValueConditions.matches(regex(rule), true)));
        add(definitions, "expect_column_values_to_not_match_regex", regex,
                rule -> ColumnMapExpectation.of(rule, ValueConditions.matches(regex(rule), false)));
        add(definitions, "expect_column_value_lengths_to_be_between", between,
                rule -> ColumnMapExpectation.of(rule, ValueConditions.lengths(Bounds.read(rule, true))));
        add(definitions, "expect_column_value_lengths_to_equal", with(plain, Set.of(ExpectationFields.VALUE)),
                rule -> ColumnMapExpectation.of(rule, ValueConditions.lengths(
                        Bounds.exactly(ExpectationFields.count(rule, ExpectationFields.VALUE)))));
    }

    private static void aggregates(final Map<String, Definition> definitions) {
        Set<String> between = with(Set.of(COLUMN), BETWEEN);
        for (ColumnStatistic statistic : List.of(ColumnStatistic.MEAN, ColumnStatistic.MEDIAN, ColumnStatistic.MIN,
                ColumnStatistic.MAX, ColumnStatistic.STDEV, ColumnStatistic.SUM)) {
            add(definitions, "expect_column_" + statistic.name().toLowerCase(Locale.ROOT)
                    + "_to_be_between", between, rule -> ColumnAggregateExpectation.of(rule, statistic));
        }
        add(definitions, "expect_column_proportion_of_unique_values_to_be_between", between,
                rule -> ColumnAggregateExpectation.of(rule, ColumnStatistic.UNIQUE_PROPORTION));
        add(definitions, "expect_column_unique_value_count_to_be_between",
                Set.of(COLUMN, ExpectationFields.MIN_VALUE, ExpectationFields.MAX_VALUE),
                rule -> ColumnAggregateExpectation.of(rule, ColumnStatistic.UNIQUE_COUNT));
        add(definitions, "expect_column_distinct_values_to_be_in_set", Set.of(COLUMN, ExpectationFields.VALUE_SET),
                DistinctValuesExpectation::of);
        add(definitions, "expect_column_quantile_values_to_be_between",
                Set.of(COLUMN, ExpectationFields.QUANTILES, ExpectationFields.VALUE_RANGES), QuantileExpectation::of);
    }

    private static Pattern regex(final RuleFields rule) throws InputException {
        String regex = rule.string(ExpectationFields.REGEX);
        try {
            return Pattern.compile(regex);
        }
        catch (PatternSyntaxException invalid) {
            throw rule.invalid(ExpectationFields.REGEX, "is not a valid regular expression: "
                    + invalid.getDescription() + " near position " + invalid.getIndex());
        }
    }

    private static Set<String> with(final Set<String> first, final Set<String> second) {
        return Stream.concat(first.stream(), second.stream()).collect(Collectors.toUnmodifiableSet());
    }

    private static void add(final Map<String, Definition> definitions, final String name, final Set<String> fields,
            final Reader reader) {
        definitions.put(name, new Definition(name, fields, reader));
    }
}
