package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleStatus;
import io.mlgitops.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.mlgitops.compliance.RuleFixture.csv;
import static io.mlgitops.compliance.RuleFixture.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule around the expectations: fields, data set choice, findings. */
class DataExpectationRuleTest {
    private final DataExpectationRule rule = new DataExpectationRule();

    @TempDir
    Path folder;

    @Test
    void shouldFailWithOneFindingKeyedByTheColumn() throws Exception {
        Dataset data = csv(folder, "data.csv", "tenure,plan\n1,a\n,b\n3,c\n");

        RuleCheck check = rule.check(rule("dataExpectation",
                "{expectation: expect_column_values_to_not_be_null, column: tenure}"), current(data));

        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.findings()).extracting(Finding::key).containsExactly("tenure");
        assertThat(check.message()).isEqualTo("Column 'tenure' of " + data.source()
                + ": 1 of 3 values (33.3%) are missing; at least 100% must pass.");
        assertThat(check.evidence()).containsEntry("expectation", "expect_column_values_to_not_be_null")
                .containsEntry("dataset", data.source()).containsEntry("success", false)
                .containsEntry("elementCount", 3L).containsEntry("unexpectedCount", 1L);
    }

    @Test
    void shouldPassWithTheValidationResultAsEvidence() throws Exception {
        Dataset data = csv(folder, "data.csv", "tenure\n1\n2\n");

        RuleCheck check = rule.check(rule("dataExpectation",
                "{expectation: expect_column_values_to_be_between, column: tenure, minValue: 0}"), current(data));

        assertThat(check.status()).isEqualTo(RuleStatus.PASSED);
        assertThat(check.findings()).isEmpty();
        assertThat(check.evidence()).containsEntry("success", true).containsEntry("unexpectedPercent", 0.0);
    }

    @Test
    void shouldCheckTheReferenceDataSetWhenAsked() throws Exception {
        Dataset current = csv(folder, "current.csv", "a\n1\n2\n3\n");
        Dataset reference = csv(folder, "reference.csv", "a\n1\n");
        Evidence evidence = Evidence.builder().dataset(current, "a").referenceDataset(reference).build();

        RuleCheck check = rule.check(rule("dataExpectation",
                "{expectation: expect_table_row_count_to_equal, value: 1, dataset: reference}"), evidence);

        assertThat(check.status()).isEqualTo(RuleStatus.PASSED);
        assertThat(check.evidence()).containsEntry("dataset", reference.source()).containsEntry("observedValue", 1);
    }

    @Test
    void shouldNotApplyWithoutTheDataSet() throws Exception {
        Dataset current = csv(folder, "current.csv", "a\n1\n");

        RuleCheck withoutReference = rule.check(rule("dataExpectation",
                "{expectation: expect_table_row_count_to_equal, value: 1, dataset: reference}"), current(current));
        RuleCheck withoutCurrent = rule.check(rule("dataExpectation",
                "{expectation: expect_table_row_count_to_equal, value: 1}"), Evidence.builder().build());

        assertThat(withoutReference.status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
        assertThat(withoutReference.message()).contains("reference");
        assertThat(withoutCurrent.status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
    }

    @Test
    void shouldRejectAMissingColumnNamingFileAndColumn() throws Exception {
        Dataset data = csv(folder, "data.csv", "tenure\n1\n");

        assertThatThrownBy(() -> rule.check(rule("dataExpectation",
                "{expectation: expect_column_values_to_be_unique, column: churn}"), current(data)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(data.source()).hasMessageContaining("'churn'");
    }

    @Test
    void shouldRejectTextWhereNumbersAreNeeded() throws Exception {
        Dataset data = csv(folder, "data.csv", "plan\nbasic\n");

        assertThatThrownBy(() -> rule.check(rule("dataExpectation",
                "{expectation: expect_column_mean_to_be_between, column: plan, minValue: 0}"), current(data)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(data.source()).hasMessageContaining("column 'plan'")
                .hasMessageContaining("'basic' is not a number");
    }

    @Test
    void shouldRejectAnUnknownExpectationListingTheSupportedOnes() {
        assertThatThrownBy(() -> rule.validate(rule("dataExpectation",
                "{expectation: expect_column_values_to_be_dateutil_parseable, column: a}")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("policy.yaml: rule 'r1' (dataExpectation), field 'expectation'")
                .hasMessageContaining("unknown expectation 'expect_column_values_to_be_dateutil_parseable'")
                .hasMessageContaining("expect_column_values_to_not_be_null, expect_column_values_to_be_null")
                .hasMessageContaining("expect_compound_columns_to_be_unique");
    }

    @Test
    void shouldRejectAFieldOfAnotherExpectationNamingIt() {
        assertThatThrownBy(() -> rule.validate(rule("dataExpectation",
                "{expectation: expect_column_values_to_be_between, column: a, minValue: 0, regex: x}")))
                .hasMessageContaining("field 'regex': does not apply to expect_column_values_to_be_between, which "
                        + "accepts column, maxValue, minValue, mostly, strictMax, strictMin");
        assertThatThrownBy(() -> rule.validate(rule("dataExpectation",
                "{expectation: expect_column_mean_to_be_between, column: a, minValue: 0, mostly: 0.9}")))
                .hasMessageContaining("field 'mostly': does not apply");
    }

    @Test
    void shouldRejectInvalidArgumentsWhenThePolicyIsRead() {
        assertInvalid("{column: a}", "field 'expectation': is required");
        assertInvalid("{expectation: expect_column_values_to_be_in_set, column: a}", "field 'valueSet': is required");
        assertInvalid("{expectation: expect_column_values_to_be_in_set, column: a, valueSet: []}",
                "field 'valueSet': must be a non-empty list");
        assertInvalid("{expectation: expect_column_values_to_not_be_null, column: a, mostly: 1.5}", "field 'mostly'");
        assertInvalid("{expectation: expect_column_values_to_be_between, column: a}",
                "needs minValue, maxValue or both");
        assertInvalid("{expectation: expect_column_values_to_be_between, column: a, minValue: 5, maxValue: 1}",
                "field 'minValue': must not exceed maxValue");
        assertInvalid("{expectation: expect_column_values_to_match_regex, column: a, regex: '(ab'}",
                "field 'regex': is not a valid regular expression");
        assertInvalid("{expectation: expect_column_values_to_be_of_type, column: a, typeName: datetime64}",
                "'datetime64' is not a type a CSV column can have; use one of double, float, float64, int, int64, "
                        + "long, object, str, string");
        assertInvalid("{expectation: expect_table_row_count_to_be_between, minValue: 1.5}",
                "field 'minValue': must be a whole number");
        assertInvalid("{expectation: expect_column_quantile_values_to_be_between, column: a, quantiles: [0.5], "
                + "valueRanges: [[1, 2], [3, 4]]}", "needs one range per quantile");
        assertInvalid("{expectation: expect_compound_columns_to_be_unique, columnList: [a, b], ignoreRowIf: sometimes}",
                "field 'ignoreRowIf'");
        assertInvalid("{expectation: expect_table_row_count_to_equal, value: 1, dataset: training}",
                "field 'dataset'");
        assertInvalid("{expectation: expect_column_values_to_be_unique}", "field 'column': is required");
    }

    @Test
    void shouldListEveryFieldItAccepts() {
        assertThat(rule.fields()).contains("expectation", "dataset", "column", "mostly", "minValue", "maxValue",
                "strictMin", "strictMax", "valueSet", "regex", "typeName", "typeList", "columnList", "columnSet",
                "exactMatch", "columnIndex", "value", "quantiles", "valueRanges", "ignoreRowIf")
                .doesNotContain("id", "type", "required");
        assertThat(rule.name()).isEqualTo("dataExpectation");
    }

    private void assertInvalid(final String fields, final String problem) {
        assertThatThrownBy(() -> rule.validate(rule("dataExpectation", fields)))
                .isInstanceOf(InputException.class).hasMessageContaining(problem);
    }

    private static Evidence current(final Dataset data) {
        return Evidence.builder().dataset(data, null).build();
    }
}
