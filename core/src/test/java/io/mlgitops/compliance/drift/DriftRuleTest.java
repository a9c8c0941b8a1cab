package io.mlgitops.compliance.drift;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleStatus;
import io.mlgitops.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static io.mlgitops.compliance.RuleFixture.csv;
import static io.mlgitops.compliance.RuleFixture.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DriftRuleTest {
    private final DriftRule drift = new DriftRule();

    @TempDir
    Path folder;

    @Test
    void shouldFailWhenHalfTheColumnsDriftWithEvidentlysDefaults() throws Exception {
        Dataset reference = data("reference.csv", 50, row -> row + "," + (row % 2 == 0 ? "x" : "y"));
        Dataset current = data("current.csv", 40, row -> (row + 100) + "," + (row % 2 == 0 ? "x" : "y"));

        RuleCheck check = drift.check(rule("drift", "{}"), evidence(reference, current));

        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.findings()).extracting(Finding::key).containsExactly("amount");
        assertThat(check.findings().get(0).message()).contains("ks p-value").contains("<= 0.05");
        assertThat(columns(check)).containsOnlyKeys("amount", "plan");
        assertThat(columns(check).get("amount")).containsEntry("method", "ks").containsEntry("drifted", true)
                .containsEntry("type", "numerical").containsEntry("threshold", 0.05).containsEntry("nRef", 50L)
                .containsEntry("nCur", 40L);
        assertThat(columns(check).get("plan")).containsEntry("method", "z").containsEntry("drifted", false)
                .containsEntry("type", "categorical");
        assertThat(check.evidence()).containsEntry("driftedColumns", 1).containsEntry("columnCount", 2)
                .containsEntry("shareDrifted", 0.5).containsEntry("datasetDrift", true)
                .containsEntry("failOn", "dataset").containsEntry("method", "auto");
    }

    @Test
    void shouldPassBelowTheDriftShareUnlessEveryColumnMustHold() throws Exception {
        Dataset reference = data("reference.csv", 50, row -> row + "," + (row % 2 == 0 ? "x" : "y"));
        Dataset current = data("current.csv", 40, row -> (row + 100) + "," + (row % 2 == 0 ? "x" : "y"));
        Evidence evidence = evidence(reference, current);

        RuleCheck share = drift.check(rule("drift", "{driftShare: 0.75}"), evidence);
        RuleCheck anyColumn = drift.check(rule("drift", "{driftShare: 0.75, failOn: column}"), evidence);

        assertThat(share.status()).isEqualTo(RuleStatus.PASSED);
        assertThat(share.evidence()).containsEntry("datasetDrift", false).containsEntry("driftedColumns", 1);
        assertThat(share.message()).contains("1 of 2 columns drifted");
        assertThat(anyColumn.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(anyColumn.findings()).extracting(Finding::key).containsExactly("amount");
    }

    @Test
    void shouldComputePsiOfCategoriesWithEmptyBinsFilled() throws Exception {
        Dataset reference = data("reference.csv", 4, row -> row + "," + (row < 2 ? "a" : "b"));
        Dataset current = data("current.csv", 4, row -> row + "," + "abcc".charAt(row));

        RuleCheck check = drift.check(rule("drift", "{method: psi, columns: [plan]}"), evidence(reference, current));

        double expected = 2 * (0.5 - 0.25) * Math.log(0.5 / 0.25) + (0.0001 - 0.5) * Math.log(0.0001 / 0.5);
        assertThat((double) columns(check).get("plan").get("statistic")).isCloseTo(expected, within(1e-12));
        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.findings().get(0).message()).contains("psi distance").contains(">= 0.1");
    }

    @Test
    void shouldDropAndCountMissingValues() throws Exception {
        Dataset reference = data("reference.csv", 30, row -> (row % 3 == 0 ? "" : row) + ",x");
        Dataset current = data("current.csv", 20, row -> (row % 5 == 0 ? "" : row) + ",x");

        RuleCheck check = drift.check(rule("drift", "{columns: [amount]}"), evidence(reference, current));

        assertThat(columns(check).get("amount")).containsEntry("nRef", 20L).containsEntry("nCur", 16L)
                .containsEntry("missing", Map.of("reference", 10L, "current", 4L));
    }

    @Test
    void shouldRejectAColumnWithoutValuesNamingFileAndColumn() throws Exception {
        Dataset reference = data("reference.csv", 5, row -> ",x");
        Dataset current = data("current.csv", 5, row -> row + ",x");

        assertThatThrownBy(() -> drift.check(rule("drift", "{}"), evidence(reference, current)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(folder.resolve("reference.csv").toString())
                .hasMessageContaining("column 'amount' has no values");
    }

    @Test
    void shouldRejectAListedColumnThatADataSetLacks() throws Exception {
        Dataset reference = csv(folder, "reference.csv", "amount\n1\n2\n");
        Dataset current = data("current.csv", 5, row -> row + ",x");

        assertThatThrownBy(() -> drift.check(rule("drift", "{columns: [amount, plan]}"),
                evidence(reference, current)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(folder.resolve("reference.csv").toString())
                .hasMessageContaining("'plan'");
    }

    @Test
    void shouldRejectNumbersOnlyMethodsOnTextColumns() throws Exception {
        Dataset reference = data("reference.csv", 5, row -> row + ",x");
        Dataset current = data("current.csv", 5, row -> row + ",y");

        assertThatThrownBy(() -> drift.check(rule("drift", "{method: wasserstein}"), evidence(reference, current)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("method wasserstein needs numbers")
                .hasMessageContaining("column 'plan' holds text in " + folder.resolve("reference.csv"));
    }

    @Test
    void shouldNotApplyWithoutBothDataSets() throws Exception {
        Dataset data = data("current.csv", 5, row -> row + ",x");

        RuleCheck withoutReference = drift.check(rule("drift", "{}"),
                Evidence.builder().dataset(data, "target").build());
        RuleCheck withoutCurrent = drift.check(rule("drift", "{}"),
                Evidence.builder().referenceDataset(data).build());

        assertThat(withoutReference.status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
        assertThat(withoutReference.message()).contains("reference");
        assertThat(withoutCurrent.status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
    }

    @Test
    void shouldRejectBadFieldsWhenThePolicyIsRead() {
        assertThatThrownBy(() -> drift.validate(rule("drift", "{method: hellinger}")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("policy.yaml: rule 'r1' (drift), field 'method'")
                .hasMessageContaining("auto, psi, ks, jensenshannon, wasserstein, chisquare, z");
        assertThatThrownBy(() -> drift.validate(rule("drift", "{max: 0}"))).hasMessageContaining("field 'max'");
        assertThatThrownBy(() -> drift.validate(rule("drift", "{minPValue: 1.5}")))
                .hasMessageContaining("field 'minPValue'");
        assertThatThrownBy(() -> drift.validate(rule("drift", "{driftShare: 0}")))
                .hasMessageContaining("field 'driftShare'");
        assertThatThrownBy(() -> drift.validate(rule("drift", "{failOn: row}"))).hasMessageContaining("field 'failOn'");
        assertThatThrownBy(() -> drift.validate(rule("drift", "{columns: []}")))
                .hasMessageContaining("field 'columns'");
        assertThatThrownBy(() -> drift.validate(rule("drift", "{columns: [a, a]}")))
                .hasMessageContaining("names a column twice");
    }

    @Test
    void shouldAcceptEveryDocumentedField() throws Exception {
        drift.validate(rule("drift", "{method: psi, max: 0.2, minPValue: 0.01, driftShare: 0.3, failOn: column, "
                + "columns: [monthly_charges, tenure]}"));

        assertThat(drift.fields()).containsExactlyInAnyOrder("method", "columns", "max", "minPValue", "driftShare",
                "failOn");
        assertThat(drift.name()).isEqualTo("drift");
    }

    /** A data set with columns amount, plan (from {@code row}), target and the sensitive column gender. */
    private Dataset data(final String name, final int rows, final IntFunction<String> row) throws Exception {
        StringBuilder content = new StringBuilder("amount,plan,target,gender\n");
        for (int i = 0; i < rows; i++) {
            content.append(row.apply(i)).append(',').append(i % 2).append(',').append(i % 3 == 0 ? "F" : "M")
                    .append('\n');
        }
        return csv(folder, name, content.toString());
    }

    private static Evidence evidence(final Dataset reference, final Dataset current) {
        return Evidence.builder().dataset(current, "target").referenceDataset(reference).sensitive(List.of("gender"))
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> columns(final RuleCheck check) {
        return (Map<String, Map<String, Object>>) check.evidence().get("columns");
    }
}
