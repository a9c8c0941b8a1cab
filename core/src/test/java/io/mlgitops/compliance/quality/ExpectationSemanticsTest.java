package io.mlgitops.compliance.quality;

import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleStatus;
import io.mlgitops.data.Dataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.mlgitops.compliance.RuleFixture.csv;
import static io.mlgitops.compliance.RuleFixture.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Great Expectations' semantics of each supported expectation, on small data sets. */
class ExpectationSemanticsTest {
    private static final String DATA = """
            id,tenure,plan,score,code,empty
            1,5,basic,0.5,AB-1,
            2,,plus,1.5,AB-2,
            3,12,basic,2.5,xx,
            4,40,premium,,AB-4,
            5,72,plus,3.5,AB-5,
            6,12,,4.5,AB-66,
            """;

    @TempDir
    Path folder;

    private Dataset data;

    @BeforeEach
    void readData() throws Exception {
        data = csv(folder, "data.csv", DATA);
    }

    @Test
    void shouldLeaveMissingValuesOutOfMapExpectationsButNotOutOfTheNullOnes() throws Exception {
        RuleCheck between = check("expect_column_values_to_be_between, column: tenure, minValue: 10, "
                + "maxValue: 50");
        RuleCheck notNull = check("expect_column_values_to_not_be_null, column: tenure");
        RuleCheck isNull = check("expect_column_values_to_be_null, column: tenure");

        assertThat(between.evidence()).containsEntry("elementCount", 6L).containsEntry("missingCount", 1L)
                .containsEntry("unexpectedCount", 2L).containsEntry("unexpectedPercent", 40.0)
                .containsEntry("partialUnexpectedList", List.of(5L, 72L))
                .containsEntry("partialUnexpectedRows", List.of(1, 5));
        assertThat(notNull.evidence()).containsEntry("unexpectedCount", 1L).doesNotContainKey("missingCount")
                .doesNotContainKey("partialUnexpectedList").containsEntry("partialUnexpectedRows", List.of(2));
        assertThat((double) notNull.evidence().get("unexpectedPercent")).isCloseTo(100.0 / 6, within(1e-12));
        assertThat(isNull.evidence()).containsEntry("unexpectedCount", 5L)
                .containsEntry("partialUnexpectedList", List.of(5L, 12L, 40L, 72L, 12L));
    }

    @Test
    void shouldPassWhenTheShareOfExpectedValuesReachesMostly() throws Exception {
        String between = "expect_column_values_to_be_between, column: tenure, minValue: 10, maxValue: 50";

        assertThat(check(between + ", mostly: 0.6").status()).isEqualTo(RuleStatus.PASSED);
        assertThat(check(between + ", mostly: 0.61").status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check(between).status()).isEqualTo(RuleStatus.FAILED);
    }

    @Test
    void shouldHoldVacuouslyWhenNoValueIsConsidered() throws Exception {
        RuleCheck check = check("expect_column_values_to_be_in_set, column: empty, valueSet: [x]");

        assertThat(check.status()).isEqualTo(RuleStatus.PASSED);
        assertThat(check.evidence()).containsEntry("unexpectedCount", 0L).doesNotContainKey("unexpectedPercent");
    }

    @Test
    void shouldHonourStrictBounds() throws Exception {
        assertThat(check("expect_column_values_to_be_between, column: id, minValue: 1, maxValue: 6").status())
                .isEqualTo(RuleStatus.PASSED);
        assertThat(check("expect_column_values_to_be_between, column: id, minValue: 1, maxValue: 6, strictMin: true")
                .evidence()).containsEntry("unexpectedCount", 1L);
        assertThat(check("expect_column_values_to_be_between, column: id, maxValue: 6, strictMax: true")
                .evidence()).containsEntry("partialUnexpectedList", List.of(6L));
    }

    @Test
    void shouldCompareSetsByNumberOrByText() throws Exception {
        assertThat(check("expect_column_values_to_be_in_set, column: tenure, valueSet: [5, 12.0, '40', 72]")
                .status()).isEqualTo(RuleStatus.PASSED);
        assertThat(check("expect_column_values_to_be_in_set, column: plan, valueSet: [basic, plus]").evidence())
                .containsEntry("partialUnexpectedList", List.of("premium"));
        assertThat(check("expect_column_values_to_not_be_in_set, column: plan, valueSet: [basic]").evidence())
                .containsEntry("unexpectedCount", 2L);
    }

    @Test
    void shouldCountEveryCopyOfARepeatedValue() throws Exception {
        RuleCheck check = check("expect_column_values_to_be_unique, column: tenure");
        RuleCheck text = check("expect_column_values_to_be_unique, column: plan");

        assertThat(check.evidence()).containsEntry("unexpectedCount", 2L)
                .containsEntry("partialUnexpectedRows", List.of(3, 6));
        assertThat(text.evidence()).containsEntry("unexpectedCount", 4L);
    }

    @Test
    void shouldSearchRegularExpressionsAnywhereInTheValue() throws Exception {
        assertThat(check("expect_column_values_to_match_regex, column: code, regex: 'B-\\d'").evidence())
                .containsEntry("partialUnexpectedList", List.of("xx"));
        assertThat(check("expect_column_values_to_match_regex, column: code, regex: '^AB-\\d$'").evidence())
                .containsEntry("unexpectedCount", 2L);
        assertThat(check("expect_column_values_to_not_match_regex, column: tenure, regex: '^1'").evidence())
                .containsEntry("partialUnexpectedList", List.of(12L, 12L));
    }

    @Test
    void shouldMeasureValueLengths() throws Exception {
        assertThat(check("expect_column_value_lengths_to_be_between, column: code, minValue: 3, maxValue: 4")
                .evidence()).containsEntry("partialUnexpectedList", List.of("xx", "AB-66"));
        assertThat(check("expect_column_value_lengths_to_equal, column: tenure, value: 4").evidence())
                .as("pandas reads tenure as floats and writes 5.0").containsEntry("partialUnexpectedList", List.of(5L));
    }

    @Test
    void shouldTypeColumnsAsPandasReadsACsvFile() throws Exception {
        assertThat(check("expect_column_values_to_be_of_type, column: id, typeName: int64").evidence())
                .containsEntry("observedValue", "int64").containsEntry("success", true);
        assertThat(check("expect_column_values_to_be_of_type, column: tenure, typeName: int").evidence())
                .as("a missing value makes pandas read floats").containsEntry("observedValue", "float64")
                .containsEntry("success", false);
        assertThat(check("expect_column_values_to_be_in_type_list, column: plan, typeList: [int, str]").status())
                .isEqualTo(RuleStatus.PASSED);
    }

    @Test
    void shouldComputeAggregatesOfTheNonMissingValues() throws Exception {
        assertThat(observed("expect_column_mean_to_be_between, column: tenure, minValue: 0")).isEqualTo(28.2);
        assertThat(observed("expect_column_median_to_be_between, column: score, minValue: 0")).isEqualTo(2.5);
        assertThat(observed("expect_column_median_to_be_between, column: id, minValue: 0")).isEqualTo(3.5);
        assertThat(observed("expect_column_min_to_be_between, column: tenure, minValue: 0")).isEqualTo(5.0);
        assertThat(observed("expect_column_max_to_be_between, column: tenure, minValue: 0")).isEqualTo(72.0);
        assertThat(observed("expect_column_sum_to_be_between, column: tenure, minValue: 0")).isEqualTo(141.0);
        assertThat(observed("expect_column_stdev_to_be_between, column: id, minValue: 0"))
                .isCloseTo(Math.sqrt(17.5 / 5), within(1e-15));
        assertThat(observed("expect_column_proportion_of_unique_values_to_be_between, column: tenure, minValue: 0"))
                .isEqualTo(0.8);
        assertThat(observed("expect_column_unique_value_count_to_be_between, column: plan, minValue: 0"))
                .isEqualTo(3.0);
    }

    @Test
    void shouldFailAnAggregateThatDoesNotExist() throws Exception {
        RuleCheck mean = check("expect_column_mean_to_be_between, column: empty, minValue: 0");
        RuleCheck sum = check("expect_column_sum_to_be_between, column: empty, minValue: 0, maxValue: 0");

        assertThat(mean.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(mean.evidence()).doesNotContainKey("observedValue").containsEntry("missingCount", 6L);
        assertThat(mean.message()).contains("does not exist");
        assertThat(sum.status()).as("pandas sums no values to 0").isEqualTo(RuleStatus.PASSED);
    }

    @Test
    void shouldCompareAggregatesWithStrictBounds() throws Exception {
        assertThat(check("expect_column_max_to_be_between, column: id, maxValue: 6").status())
                .isEqualTo(RuleStatus.PASSED);
        assertThat(check("expect_column_max_to_be_between, column: id, maxValue: 6, strictMax: true").status())
                .isEqualTo(RuleStatus.FAILED);
    }

    @Test
    void shouldTakeTheNearestQuantile() throws Exception {
        RuleCheck check = check("expect_column_quantile_values_to_be_between, column: id, quantiles: [0, 0.5, 0.7, 1], "
                + "valueRanges: [[1, 1], [3, 3], [null, 4.9998], [6, null]]");

        assertThat(check.evidence()).containsEntry("observedValue",
                Map.of("quantiles", List.of(0.0, 0.5, 0.7, 1.0), "values", List.of(1.0, 3.0, 5.0, 6.0)))
                .as("5 is within 1e-4 relative of 4.9998").containsEntry("successDetails", List.of(true, true, true,
                        true));
        assertThat(check("expect_column_quantile_values_to_be_between, column: id, quantiles: [0.5], "
                + "valueRanges: [[3.1, 5]]").status()).isEqualTo(RuleStatus.FAILED);
    }

    @Test
    void shouldCheckDistinctValuesAgainstTheSet() throws Exception {
        RuleCheck check = check("expect_column_distinct_values_to_be_in_set, column: plan, valueSet: [basic, plus]");

        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.evidence()).containsEntry("observedValue", List.of("basic", "plus", "premium"))
                .containsEntry("partialUnexpectedList", List.of("premium")).containsEntry("distinctCount", 3);
    }

    @Test
    void shouldCheckTheTableShape() throws Exception {
        assertThat(check("expect_column_to_exist, column: churn").status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check("expect_column_to_exist, column: churn").findings().get(0).key()).isEqualTo("churn");
        assertThat(check("expect_column_to_exist, column: plan, columnIndex: 2").status())
                .isEqualTo(RuleStatus.PASSED);
        assertThat(check("expect_column_to_exist, column: plan, columnIndex: 0").status())
                .isEqualTo(RuleStatus.FAILED);
        assertThat(check("expect_table_column_count_to_equal, value: 6").status()).isEqualTo(RuleStatus.PASSED);
        assertThat(check("expect_table_column_count_to_be_between, minValue: 7").status())
                .isEqualTo(RuleStatus.FAILED);
        assertThat(check("expect_table_row_count_to_be_between, minValue: 1, maxValue: 6").evidence())
                .containsEntry("observedValue", 6).containsEntry("success", true);
        assertThat(check("expect_table_row_count_to_equal, value: 5").findings().get(0).key()).isEqualTo("table");
    }

    @Test
    void shouldListMismatchedColumnPositions() throws Exception {
        RuleCheck check = check("expect_table_columns_to_match_ordered_list, columnList: [id, plan, tenure]");

        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.evidence().get("details")).isEqualTo(Map.of("mismatched", List.of(
                Map.of("expectedColumnPosition", 1, "expected", "plan", "found", "tenure"),
                Map.of("expectedColumnPosition", 2, "expected", "tenure", "found", "plan"),
                Map.of("expectedColumnPosition", 3, "found", "score"),
                Map.of("expectedColumnPosition", 4, "found", "code"),
                Map.of("expectedColumnPosition", 5, "found", "empty"))));
    }

    @Test
    void shouldMatchColumnSetsExactlyUnlessToldOtherwise() throws Exception {
        String subset = "expect_table_columns_to_match_set, columnSet: [id, plan]";

        assertThat(check(subset).status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check(subset + ", exactMatch: false").status()).isEqualTo(RuleStatus.PASSED);
        assertThat(check("expect_table_columns_to_match_set, columnSet: [id, churn], exactMatch: false").evidence()
                .get("details")).isEqualTo(Map.of("mismatched", Map.of("unexpected",
                        List.of("code", "empty", "plan", "score", "tenure"), "missing", List.of("churn"))));
    }

    @Test
    void shouldFindRepeatedCombinationsOfColumns() throws Exception {
        Dataset pairs = csv(folder, "pairs.csv", "a,b\n1,x\n1,x\n1,y\n,\n,\n2,\n2,\n");

        RuleCheck defaults = check(pairs, "expect_compound_columns_to_be_unique, columnList: [a, b]");
        RuleCheck anyMissing = check(pairs,
                "expect_compound_columns_to_be_unique, columnList: [a, b], ignoreRowIf: any_value_is_missing");
        RuleCheck never = check(pairs, "expect_compound_columns_to_be_unique, columnList: [a, b], ignoreRowIf: never");

        assertThat(defaults.evidence()).containsEntry("unexpectedCount", 4L).containsEntry("missingCount", 2L)
                .containsEntry("partialUnexpectedRows", List.of(1, 2, 6, 7));
        assertThat(((List<?>) defaults.evidence().get("partialUnexpectedList")).get(0))
                .isEqualTo(Map.of("a", 1L, "b", "x"));
        assertThat(defaults.findings().get(0).key()).isEqualTo("a,b");
        assertThat(anyMissing.evidence()).containsEntry("unexpectedCount", 2L);
        assertThat(never.evidence()).containsEntry("unexpectedCount", 6L);
        assertThat(check(pairs, "expect_compound_columns_to_be_unique, columnList: [a, b], mostly: 0.2").status())
                .isEqualTo(RuleStatus.PASSED);
    }

    @Test
    void shouldKeepAtMostTwentyUnexpectedValues() throws Exception {
        StringBuilder content = new StringBuilder("x\n");
        IntStream.range(0, 30).forEach(i -> content.append(i).append('\n'));
        Dataset many = csv(folder, "many.csv", content.toString());

        RuleCheck check = check(many, "expect_column_values_to_be_between, column: x, maxValue: -1");

        assertThat(check.evidence()).containsEntry("unexpectedCount", 30L);
        assertThat((List<?>) check.evidence().get("partialUnexpectedList")).hasSize(20);
        assertThat((List<?>) check.evidence().get("partialUnexpectedRows")).hasSize(20);
    }

    private double observed(final String expectation) throws Exception {
        return (double) check(expectation).evidence().get("observedValue");
    }

    private RuleCheck check(final String expectation) throws Exception {
        return check(data, expectation);
    }

    private static RuleCheck check(final Dataset dataset, final String expectation) throws Exception {
        return new DataExpectationRule().check(rule("dataExpectation", "{expectation: " + expectation + "}"),
                Evidence.builder().dataset(dataset, null).build());
    }
}
