package io.mlgitops.compliance.fairness;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleStatus;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.NumericColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.mlgitops.compliance.fairness.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code fairness} rule when its evidence is missing, too thin to compare, or malformed. */
class FairnessRuleInputTest {
    private static final String PARITY = "{\"metric\": \"demographic_parity_difference\"}";
    private static final String ODDS = "{\"metric\": \"equalized_odds_difference\"}";

    @TempDir
    Path folder;

    private EvaluationData data() {
        return new EvaluationData(folder, "gender,label,prediction").rows(40, "F,1,1").rows(40, "M,0,0");
    }

    private static RuleCheck check(final String fields, final Evidence evidence) throws Exception {
        return new FairnessRule().check(rule("fairness", fields), evidence);
    }

    @Test
    void shouldNotApplyWithoutDataSetPredictionsSensitiveColumnsOrNeededLabels() throws Exception {
        Dataset dataset = data().dataset();

        RuleCheck noData = check(PARITY, Evidence.builder().sensitive(List.of("gender")).build());
        RuleCheck noPredictions = check(PARITY, Evidence.builder().dataset(dataset, "label")
                .sensitive(List.of("gender")).build());
        RuleCheck noSensitive = check(PARITY, data().evidence());
        RuleCheck noTarget = check(ODDS, Evidence.builder().dataset(dataset, null)
                .predictions(() -> dataset.column("prediction")).sensitive(List.of("gender")).build());

        assertThat(List.of(noData, noPredictions, noSensitive, noTarget)).extracting(RuleCheck::status)
                .containsOnly(RuleStatus.NOT_APPLICABLE);
        assertThat(noData.message()).isEqualTo("No evaluation data set was given (--dataset).");
        assertThat(noPredictions.message()).startsWith("No model or predictions were given");
        assertThat(noSensitive.message()).isEqualTo("No sensitive column: name them in the rule's 'sensitive' "
                + "field or give --sensitive.");
        assertThat(noTarget.message()).isEqualTo("equalized_odds_difference needs the actual labels, and no target "
                + "column was given (--target).");
    }

    @Test
    void shouldNotApplyWhenNoColumnHasTwoGroupsLargeEnoughAndShowTheSizes() throws Exception {
        EvaluationData data = new EvaluationData(folder, "gender,label,prediction").rows(40, "F,1,1")
                .rows(12, "M,0,0").rows(2, ",1,0");

        RuleCheck check = check(PARITY, data.evidence("gender"));

        assertThat(check.status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
        assertThat(check.message()).isEqualTo("Nothing to compare: no sensitive column has two groups of at least "
                + "30 rows (minGroupSize): gender [gender=F 40, gender=M 12, 2 rows without a value].");
        assertThat(check.evidence()).containsEntry("notCompared", List.of("gender")).containsKey("columns");
    }

    @Test
    void shouldNameTheFileAndColumnWhenASensitiveColumnIsMissing() throws Exception {
        Evidence evidence = data().evidence("gender");

        assertThatThrownBy(() -> check("{\"metric\": \"demographic_parity_difference\", \"sensitive\": [\"race\"]}",
                evidence)).isInstanceOf(InputException.class).hasMessage(folder.resolve("evaluation.csv")
                + " has no sensitive column 'race' (named in the rule's 'sensitive' field). Columns: gender, label, "
                + "prediction. Check the name (it is case-sensitive).");
    }

    @Test
    void shouldRejectPredictionsThatDoNotMatchTheRows() throws Exception {
        Dataset dataset = data().dataset();
        Column tooFew = new NumericColumn("prediction", new double[] {1, 0});
        double[] gap = new double[80];
        gap[6] = Double.NaN;
        Column withGap = new NumericColumn("prediction", gap);

        assertThatThrownBy(() -> check(PARITY, Evidence.builder().dataset(dataset, "label").predictions(() -> tooFew)
                .sensitive(List.of("gender")).build())).isInstanceOf(InputException.class)
                .hasMessage("The model gave 2 predictions for the 80 rows of " + dataset.source() + "; there must "
                        + "be one prediction per row, in row order.");
        assertThatThrownBy(() -> check(PARITY, Evidence.builder().dataset(dataset, "label").predictions(() -> withGap)
                .sensitive(List.of("gender")).build())).isInstanceOf(InputException.class)
                .hasMessage("The model gave no prediction for row 7 of " + dataset.source() + "; every row needs a "
                        + "predicted label.");
    }

    @Test
    void shouldRequireEveryLabelOnlyWhenTheMetricNeedsThem() throws Exception {
        EvaluationData data = data().rows(1, "M,,0");

        assertThatThrownBy(() -> check(ODDS, data.evidence("gender"))).isInstanceOf(InputException.class)
                .hasMessage(folder.resolve("evaluation.csv") + ": target column 'label' has no label in row 81 (1 "
                        + "rows unlabelled); equalized_odds_difference needs every row labelled. Fill in the labels "
                        + "or remove those rows.");
        RuleCheck parity = check(PARITY, data.evidence("gender"));
        assertThat(parity.evidence()).containsEntry("labelsUsed", false);
    }

    @Test
    void shouldRejectAPositiveLabelThatOccursNowhere() throws Exception {
        EvaluationData data = new EvaluationData(folder, "gender,label,prediction").rows(40, "F,yes,yes")
                .rows(40, "M,no,no");

        assertThatThrownBy(() -> check(PARITY, data.evidence("gender"))).isInstanceOf(InputException.class)
                .hasMessage("The positive label '1' occurs in none of the 80 predictions (values: yes, no) nor in the "
                        + "target column 'label' of " + folder.resolve("evaluation.csv") + ". Set positiveLabel in "
                        + "the rule to the favourable outcome.");
    }
}
