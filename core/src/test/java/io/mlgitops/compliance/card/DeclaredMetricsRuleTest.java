package io.mlgitops.compliance.card;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleStatus;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeclaredMetricsRuleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CARD = """
            quantitative_analysis:
              performance_metrics:
                - {type: accuracy, value: "0.75"}
                - {type: f1_score, value: 80%}
                - {type: accuracy, value: "0.10", slice: "gender=F"}
                - {type: roc_auc, value: 0.9}
                - {type: calibration, value: good}
            """;

    @TempDir
    private Path folder;

    private final DeclaredMetricsRule rule = new DeclaredMetricsRule();

    private static RuleFields fields(final Map<String, Object> values) throws InputException {
        RuleFields fields = new RuleFields("policy.yaml", "declared", "declaredMetrics",
                JSON.convertValue(values, new TypeReference<>() { }));
        new DeclaredMetricsRule().validate(fields);
        return fields;
    }

    /** Eight rows: accuracy 0.75, F1 of class 1 = 0.8 (precision 4/6, recall 4/4). */
    private static Dataset data() {
        return new Dataset("test.csv", "0".repeat(64), List.of(new NumericColumn("churned",
                new double[] {1, 1, 1, 1, 0, 0, 0, 0})));
    }

    private static TextColumn predictions() {
        return new TextColumn("prediction", "model", new int[] {0, 0, 0, 0, 0, 0, 1, 1}, new String[] {"1", "0"});
    }

    @Test
    void shouldCompareTheDeclaredMetricsWithOnesComputedFromThePredictions() throws Exception {
        Path card = Files.writeString(folder.resolve("card.yaml"), CARD);
        Evidence evidence = Evidence.builder().modelCard(card).dataset(data(), "churned")
                .predictions(DeclaredMetricsRuleTest::predictions).build();

        RuleCheck check = rule.check(fields(Map.of("tolerance", 0.01)), evidence);

        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.findings()).extracting(Finding::key).as("a declared value that is not a number")
                .containsExactly("calibration");
        assertThat(check.evidence().get("compared")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(2);
        assertThat(check.evidence().get("unverified")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .as("roc_auc needs probabilities")
                .containsExactly("roc_auc");
    }

    @Test
    void shouldFailAClaimThatDiffersByMoreThanTheTolerance() throws Exception {
        Path card = Files.writeString(folder.resolve("card.yaml"), """
                quantitative_analysis:
                  performance_metrics: [{type: accuracy_score, value: 0.80}, {type: recall, value: 1.0}]
                """);
        Evidence evidence = Evidence.builder().modelCard(card).dataset(data(), "churned")
                .predictions(DeclaredMetricsRuleTest::predictions).build();

        RuleCheck check = rule.check(fields(Map.of("tolerance", 0.04)), evidence);

        assertThat(check.findings()).extracting(Finding::key).containsExactly("accuracy_score");
        assertThat(check.findings().get(0).message()).contains("declared 0.8000", "measured 0.7500");
        assertThat(rule.check(fields(Map.of("tolerance", 0.05)), evidence).status()).isEqualTo(RuleStatus.PASSED);
    }

    @Test
    void shouldReadTheMeasuredValuesFromABenchmarkReport() throws Exception {
        Path card = Files.writeString(folder.resolve("README.md"), """
                ---
                model-index:
                  - name: churn
                    results:
                      - metrics: [{type: accuracy, value: 0.861}, {type: f1, value: 0.70}]
                ---
                # churn
                """);
        Path report = Files.writeString(folder.resolve("benchmark.json"), """
                {"kind": "benchmark", "results": {"metrics": [
                  {"name": "accuracy_score", "champion": 0.85, "candidate": 0.8612},
                  {"name": "f1_score", "champion": 0.6, "candidate": 0.61}]}}
                """);

        RuleCheck check = rule.check(fields(Map.of("metrics", List.of("accuracy"))),
                Evidence.builder().modelCard(card).benchmarkReport(report).build());

        assertThat(check.status()).as("only the selected metric is checked").isEqualTo(RuleStatus.PASSED);
        assertThat(check.evidence().get("measuredBy").toString()).contains("benchmark.json");
        assertThat(rule.check(fields(Map.of()), Evidence.builder().modelCard(card).benchmarkReport(report).build())
                .findings()).extracting(Finding::key).containsExactly("f1");
    }

    @Test
    void shouldFailACardThatDeclaresNothingAndSkipWithoutMeasurements() throws Exception {
        Path card = Files.writeString(folder.resolve("card.yaml"), "model_details: {name: churn}\n");
        Evidence evidence = Evidence.builder().modelCard(card).dataset(data(), "churned")
                .predictions(DeclaredMetricsRuleTest::predictions).build();

        assertThat(rule.check(fields(Map.of()), evidence).findings()).extracting(Finding::key)
                .containsExactly("declared-metrics");
        assertThat(rule.check(fields(Map.of()), Evidence.builder().modelCard(card).build()).status())
                .isEqualTo(RuleStatus.NOT_APPLICABLE);
    }

    @Test
    void shouldRejectUnknownMetricsAndNegativeTolerancesWhenThePolicyIsRead() {
        assertThatThrownBy(() -> fields(Map.of("metrics", List.of("acuracy"))))
                .hasMessageContainingAll("policy.yaml", "rule 'declared'", "field 'metrics'", "acuracy");
        assertThatThrownBy(() -> fields(Map.of("tolerance", -0.1))).hasMessageContaining("field 'tolerance'");
    }

    @Test
    void shouldRefuseAReportThatIsNotABenchmarkReport() throws Exception {
        Path card = Files.writeString(folder.resolve("card.yaml"), CARD);
        Path report = Files.writeString(folder.resolve("canary.json"), "{\"kind\": \"canary\"}");

        assertThatThrownBy(() -> rule.check(fields(Map.of()), Evidence.builder().modelCard(card)
                .benchmarkReport(report).build())).isInstanceOf(InputException.class)
                .hasMessageContainingAll("canary.json", "not a benchmark report");
    }
}
