package io.mlgitops.compliance.fairness;

import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleStatus;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.mlgitops.compliance.fairness.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The {@code fairness} rule on small data sets whose metrics are computed by hand in each test. */
class FairnessRuleTest {
    private static final double EXACT = 1e-15;

    @TempDir
    Path folder;

    private EvaluationData data() {
        return new EvaluationData(folder, "gender,label,prediction");
    }

    private static RuleCheck check(final String fields, final EvaluationData data, final String... sensitive)
            throws Exception {
        return new FairnessRule().check(rule("fairness", fields), data.evidence(sensitive));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> column(final RuleCheck check, final String name) {
        return (Map<String, Object>) ((Map<String, Object>) check.evidence().get("columns")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> group(final RuleCheck check, final String column, final String group) {
        return (Map<String, Object>) ((Map<String, Object>) column(check, column).get("groups")).get(group);
    }

    @Test
    void shouldFailEachGroupBelowFourFifthsOfTheHighestSelectionRate() throws Exception {
        EvaluationData data = data().rows(12, "F,1,1").rows(28, "F,0,0").rows(20, "M,1,1").rows(20, "M,0,0")
                .rows(5, "X,1,1");

        RuleCheck check = check("{\"metric\": \"disparate_impact_ratio\"}", data, "gender");

        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.findings()).extracting(Finding::key).containsExactly("gender=F");
        assertThat(check.findings().get(0).message()).isEqualTo("gender=F: selection rate 0.3 (12 of 40 rows) is "
                + "0.6 of the highest, 0.5, not at least 0.8");
        assertThat(check.message()).isEqualTo("disparate_impact_ratio is not at least 0.8 (the default for a ratio; "
                + "set min or max in the rule to choose) for gender=F (0.6).");
        assertThat(group(check, "gender", "gender=F")).containsEntry("count", 40L).containsEntry("judged", true)
                .containsEntry("selected", 12L).containsEntry("selectionRate", 0.3)
                .containsEntry("adverseImpactRatio", 0.6);
        assertThat(group(check, "gender", "gender=M")).containsEntry("adverseImpactRatio", 1.0);
        assertThat(group(check, "gender", "gender=X")).containsEntry("count", 5L).containsEntry("judged", false)
                .doesNotContainKey("adverseImpactRatio");
        assertThat(column(check, "gender")).containsEntry("value", 0.6)
                .containsEntry("excludedGroups", List.of("gender=X"));
        assertThat(check.evidence()).containsEntry("bounds", Map.of("min", 0.8)).containsEntry("boundsByDefault", true)
                .containsEntry("minGroupSize", 30).doesNotContainKey("method");
    }

    @Test
    void shouldPassARatioOfExactlyFourFifthsThatDivisionRoundsBelow() throws Exception {
        // 5/30 divided by 10/48 is 4/5, which doubles compute as 0.7999999999999999
        EvaluationData data = data().rows(5, "F,1,1").rows(25, "F,0,0").rows(10, "M,1,1").rows(38, "M,0,0");

        RuleCheck check = check("{\"metric\": \"disparate_impact_ratio\", \"min\": 0.8}", data, "gender");

        assertThat((double) column(check, "gender").get("value")).isLessThan(0.8);
        assertThat(check.status()).isEqualTo(RuleStatus.PASSED);
        assertThat(check.message()).isEqualTo("disparate_impact_ratio is at least 0.8 for gender (0.8).");
    }

    /** F: 10 of 50 selected (0.2), M: 15 of 50 (0.3), overall 0.25. */
    private EvaluationData parityData() {
        return data().rows(10, "F,1,1").rows(40, "F,0,0").rows(15, "M,1,1").rows(35, "M,0,0");
    }

    @Test
    void shouldMeasureDemographicParityBetweenGroupsAndToOverall() throws Exception {
        assertThat(value("{\"metric\": \"demographic_parity_difference\"}", parityData()))
                .isCloseTo(0.1, within(EXACT));
        assertThat(value("{\"metric\": \"demographic_parity_difference\", \"method\": \"to_overall\"}", parityData()))
                .isCloseTo(0.05, within(EXACT));
        assertThat(value("{\"metric\": \"demographic_parity_ratio\"}", parityData()))
                .isCloseTo(2.0 / 3, within(EXACT));
        assertThat(value("{\"metric\": \"demographic_parity_ratio\", \"method\": \"to_overall\"}", parityData()))
                .isCloseTo(0.8, within(EXACT));
    }

    private double value(final String fields, final EvaluationData data) throws Exception {
        return (double) column(check(fields, data, "gender"), "gender").get("value");
    }

    @Test
    void shouldPassWithinExplicitBoundsAndSayWhatWasMeasured() throws Exception {
        RuleCheck check = check("{\"metric\": \"demographic_parity_difference\", \"max\": 0.15}", parityData(),
                "gender");

        assertThat(check.status()).isEqualTo(RuleStatus.PASSED);
        assertThat(check.message()).isEqualTo("demographic_parity_difference (between_groups) is at most 0.15 for "
                + "gender (0.1).");
        assertThat(check.evidence()).containsEntry("boundsByDefault", false).containsEntry("method", "between_groups")
                .containsEntry("labelsUsed", true).containsEntry("sensitiveFrom", "evidence");
        assertThat(column(check, "gender").get("overall")).isEqualTo(Map.of("selectionRate", 0.25));
    }

    @Test
    void shouldFailAColumnOutsideTheBoundWithOneFindingNamingTheRates() throws Exception {
        RuleCheck check = check("{\"metric\": \"demographic_parity_difference\", \"max\": 0.05, "
                + "\"sensitive\": [\"gender\"]}", parityData());

        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.findings()).containsExactly(new Finding("gender", "gender: demographic_parity_difference "
                + "0.1 is not at most 0.05; selectionRate gender=F 0.2, gender=M 0.3"));
        assertThat(check.evidence()).containsEntry("sensitiveFrom", "rule");
    }

    /** F: TPR 30/40 = 0.75, FPR 6/60 = 0.1; M: TPR 45/50 = 0.9, FPR 20/50 = 0.4. */
    private EvaluationData oddsData() {
        return data().rows(30, "F,1,1").rows(10, "F,1,0").rows(6, "F,0,1").rows(54, "F,0,0")
                .rows(45, "M,1,1").rows(5, "M,1,0").rows(20, "M,0,1").rows(30, "M,0,0");
    }

    @Test
    void shouldCombineTheTrueAndFalsePositiveRateDisparitiesByWorstCaseOrMean() throws Exception {
        assertThat(value("{\"metric\": \"equalized_odds_difference\"}", oddsData())).isCloseTo(0.3, within(EXACT));
        assertThat(value("{\"metric\": \"equalized_odds_difference\", \"agg\": \"mean\"}", oddsData()))
                .isCloseTo(0.225, within(EXACT));
        assertThat(value("{\"metric\": \"equalized_odds_ratio\"}", oddsData())).isCloseTo(0.25, within(EXACT));
        assertThat(value("{\"metric\": \"equalized_odds_ratio\", \"agg\": \"mean\"}", oddsData()))
                .isCloseTo((0.75 / 0.9 + 0.25) / 2, within(EXACT));
        assertThat(value("{\"metric\": \"equal_opportunity_difference\"}", oddsData()))
                .isCloseTo(0.15, within(EXACT));
        assertThat(value("{\"metric\": \"equal_opportunity_ratio\"}", oddsData()))
                .isCloseTo(0.75 / 0.9, within(EXACT));
    }

    @Test
    void shouldReportEachRateDisparityAndTheLabelCountsOfEqualizedOdds() throws Exception {
        RuleCheck check = check("{\"metric\": \"equalized_odds_difference\"}", oddsData(), "gender");

        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.evidence()).containsEntry("agg", "worst_case");
        @SuppressWarnings("unchecked")
        Map<String, Double> byRate = (Map<String, Double>) column(check, "gender").get("byRate");
        assertThat(byRate.get("truePositiveRate")).isCloseTo(0.15, within(EXACT));
        assertThat(byRate.get("falsePositiveRate")).isCloseTo(0.3, within(EXACT));
        assertThat(group(check, "gender", "gender=F")).containsEntry("positives", 40L).containsEntry("negatives", 60L)
                .containsEntry("truePositives", 30L).containsEntry("falsePositives", 6L)
                .containsEntry("truePositiveRate", 0.75).containsEntry("falsePositiveRate", 0.1);
    }

    @Test
    void shouldCountATruePositiveRateOfAGroupWithoutPositivesAsZeroAndSaySo() throws Exception {
        EvaluationData data = oddsData().rows(10, "X,0,1").rows(20, "X,0,0");

        RuleCheck check = check("{\"metric\": \"equal_opportunity_difference\"}", data, "gender");

        assertThat((double) column(check, "gender").get("value")).isEqualTo(0.9);
        assertThat(group(check, "gender", "gender=X")).containsEntry("truePositiveRate", 0.0);
        assertThat(column(check, "gender").get("notes")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly("gender=X has no actual positives: its truePositiveRate counts as 0, as in fairlearn, "
                        + "which can inflate the disparity.");
    }

    @Test
    void shouldFailAnUndefinedRatioWithAFindingForTheColumn() throws Exception {
        EvaluationData data = data().rows(10, "F,1,0").rows(5, "F,0,1").rows(15, "F,0,0")
                .rows(10, "M,1,0").rows(3, "M,0,1").rows(17, "M,0,0");

        RuleCheck check = check("{\"metric\": \"equal_opportunity_ratio\"}", data, "gender");

        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.findings()).extracting(Finding::key).containsExactly("gender");
        assertThat(check.findings().get(0).message()).contains("equal_opportunity_ratio is undefined: every "
                + "compared group has a truePositiveRate of 0");
        assertThat(check.message()).contains("for gender (undefined)");
        assertThat(column(check, "gender")).doesNotContainKey("value").containsEntry("compared", true);
    }

    @Test
    void shouldJudgeTheCombinationsOfTheSensitiveColumnsWhenIntersectional() throws Exception {
        EvaluationData data = new EvaluationData(folder, "gender,band,label,prediction")
                .rows(30, "F,old,1,1").rows(30, "F,young,1,0").rows(30, "M,old,1,1").rows(20, "M,young,1,1")
                .rows(10, "M,young,1,0").rows(3, "M,,1,1");

        RuleCheck check = check("{\"metric\": \"disparate_impact_ratio\", \"intersectional\": true}", data,
                "gender", "band");

        assertThat(check.evidence().get("columns")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("gender+band");
        assertThat(check.findings()).extracting(Finding::key).containsExactly("gender=F+band=young",
                "gender=M+band=young");
        assertThat(column(check, "gender+band")).containsEntry("rowsWithoutValue", 3);
        assertThat(group(check, "gender+band", "gender=M+band=young")).containsEntry("adverseImpactRatio",
                20.0 / 30);
    }

    @Test
    void shouldJudgeEachSensitiveColumnOnItsOwnByDefault() throws Exception {
        EvaluationData data = new EvaluationData(folder, "gender,band,label,prediction")
                .rows(30, "F,old,1,1").rows(30, "F,young,1,0").rows(30, "M,old,1,1").rows(30, "M,young,1,1");

        RuleCheck check = check("{\"metric\": \"demographic_parity_difference\"}", data, "gender", "band");

        assertThat(check.findings()).extracting(Finding::key).containsExactly("gender", "band");
        assertThat((double) column(check, "gender").get("value")).isEqualTo(0.5);
        assertThat((double) column(check, "band").get("value")).isEqualTo(0.5);
    }

    @Test
    void shouldJudgeTheComparableColumnsAndNameTheOthers() throws Exception {
        EvaluationData data = new EvaluationData(folder, "gender,band,label,prediction")
                .rows(40, "F,old,1,1").rows(40, "M,old,1,1").rows(5, "M,young,1,1").rows(2, "M,,1,1");

        RuleCheck check = check("{\"metric\": \"demographic_parity_difference\"}", data, "gender", "band");

        assertThat(check.status()).isEqualTo(RuleStatus.PASSED);
        assertThat(check.message()).isEqualTo("demographic_parity_difference (between_groups) is at most 0.1 (the "
                + "default for a difference; set min or max in the rule to choose) for gender (0); not compared "
                + "(fewer than two groups of at least 30 rows): band [band=old 80, band=young 5, 2 rows without a "
                + "value].");
        assertThat(check.evidence()).containsEntry("notCompared", List.of("band"));
        assertThat(column(check, "band")).containsEntry("compared", false).doesNotContainKey("value");
    }

    @Test
    void shouldEnterSmallGroupsWhenTheMinimumSizeAllows() throws Exception {
        EvaluationData data = parityData().rows(1, "X,0,0");

        RuleCheck check = check("{\"metric\": \"demographic_parity_difference\", \"minGroupSize\": 1}", data,
                "gender");

        assertThat((double) column(check, "gender").get("value")).isEqualTo(0.3);
        assertThat(column(check, "gender")).containsEntry("excludedGroups", List.of());
    }

    @Test
    void shouldNormaliseNumericLabelsAndAcceptTextLabels() throws Exception {
        EvaluationData numbers = data().rows(10, "F,1.0,1.0").rows(40, "F,0,0").rows(15, "M,1,1")
                .rows(35, "M,0,0.0");
        assertThat(value("{\"metric\": \"demographic_parity_difference\", \"positiveLabel\": 1.0}", numbers))
                .isCloseTo(0.1, within(EXACT));
        EvaluationData texts = data().rows(10, "F,yes,approved").rows(40, "F,no,denied").rows(15, "M,yes,approved")
                .rows(35, "M,no,denied");
        assertThat(value("{\"metric\": \"demographic_parity_difference\", \"positiveLabel\": \"approved\"}", texts))
                .isCloseTo(0.1, within(EXACT));
    }
}
