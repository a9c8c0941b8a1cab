package io.mlgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.report.ReportJson;
import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code mlgitops benchmark} on the example models: results, exit codes and report files.
 */
class BenchmarkSubcommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    private Path folder;

    private static String example(final String path) {
        return TestEnvironment.example(path).toString();
    }

    private static JsonNode expected(final String dataset, final String model) throws IOException {
        return JSON.readTree(TestEnvironment.example(dataset + "/expected-metrics.json").toFile()).get("models")
                .get(model);
    }

    private static JsonNode metric(final JsonNode report, final String name) {
        for (JsonNode metric : report.get("results").get("metrics")) {
            if (metric.get("name").asText().equals(name)) {
                return metric;
            }
        }
        throw new AssertionError("No metric " + name + " in the report");
    }

    private static void assertMetricsEqualScikitLearn(final JsonNode report, final JsonNode expectedChampion,
            final JsonNode expectedCandidate, final List<String> names) {
        for (String name : names) {
            JsonNode metric = metric(report, name);
            assertThat(metric.get("champion").asDouble()).as("champion %s", name)
                    .isCloseTo(expectedChampion.get(name).asDouble(), within(1e-9));
            assertThat(metric.get("candidate").asDouble()).as("candidate %s", name)
                    .isCloseTo(expectedCandidate.get(name).asDouble(), within(1e-9));
        }
    }

    private CliRun churn(final String candidate, final String... extra) {
        List<String> args = new ArrayList<>(List.of("benchmark", "--dataset", example("churn/test.csv"),
                "--target", "churned", "--champion", "onnx:" + example("churn/champion.onnx"),
                "--candidate", "onnx:" + example("churn/" + candidate), "--threads", "1",
                "--latency-samples", "10"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void shouldPassTheBetterChurnCandidateWithTheSeedsDefaultGate() throws Exception {
        Path reportFile = folder.resolve("benchmark.json");

        CliRun run = churn("candidate.onnx", "--report", reportFile.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Result: PASSED", "Gates (any must pass)",
                "PASS  accuracy_score candidate 0.8530 vs champion 0.8177 (+0.0353): passed",
                "Report: " + reportFile.toAbsolutePath());
        JsonNode report = new ReportJson().read(reportFile);
        assertThat(new ReportJson().hasValidDigest(report)).isTrue();
        assertThat(report.get("status").asText()).isEqualTo("PASSED");
        assertThat(report.at("/results/task").asText()).isEqualTo("binary");
        assertThat(report.at("/results/positiveLabel").asText()).isEqualTo("1");
        assertMetricsEqualScikitLearn(report, expected("churn", "champion"), expected("churn", "candidate"),
                List.of("accuracy_score", "precision_score", "recall_score", "f1_score", "log_loss", "roc_auc",
                        "precision_recall_auc", "true_positives", "false_positives", "true_negatives",
                        "false_negatives", "f1_weighted", "example_count"));
        JsonNode accuracy = metric(report, "accuracy_score");
        assertThat(accuracy.at("/ci/low").asDouble()).isPositive().isLessThan(accuracy.get("delta").asDouble());
        assertThat(accuracy.at("/ci/high").asDouble()).isGreaterThan(accuracy.get("delta").asDouble());
        assertThat(accuracy.get("test").asText()).isEqualTo("bootstrap");
        assertThat(accuracy.get("significant").asBoolean()).isTrue();
        assertThat(report.at("/inputs/dataset/sha256").asText()).hasSize(64);
        assertThat(report.at("/inputs/candidate/files/0/sha256").asText()).hasSize(64);
        assertThat(report.at("/results/latency/candidate/rowSamples").asInt()).isEqualTo(10);
        assertThat(report.at("/results/latency/candidate/rowsPerSecond").asDouble()).isPositive();
    }

    @Test
    void shouldFailTheDegradedCandidate() {
        CliRun run = churn("candidate-degraded.onnx");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Result: FAILED", "FAIL  accuracy_score", "FAIL  f1_weighted");
    }

    @Test
    void shouldPrintTheReportAsJsonOnStandardOutput() throws IOException {
        CliRun run = churn("candidate.onnx", "--json", "--test", "none");

        assertThat(run.exitCode()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("kind").asText()).isEqualTo("benchmark");
        assertThat(new ReportJson().hasValidDigest(report)).isTrue();
        assertThat(metric(report, "roc_auc").get("ci").isNull()).isTrue();
        assertThat(report.at("/results/statistics/test").asText()).isEqualTo("none");
        assertThat(run.err()).contains("Predicting 3000 rows with the candidate");
    }

    @Test
    void shouldUseMcNemarForAccuracyAndDeLongForAuc() throws IOException {
        JsonNode mcnemar = JSON.readTree(churn("candidate.onnx", "--json", "--test", "mcnemar").out());
        JsonNode delong = JSON.readTree(churn("candidate.onnx", "--json", "--test", "delong").out());

        assertThat(metric(mcnemar, "accuracy_score").get("test").asText()).isEqualTo("mcnemar");
        assertThat(metric(mcnemar, "f1_score").get("test").asText()).isEqualTo("bootstrap");
        JsonNode auc = metric(delong, "roc_auc");
        assertThat(auc.get("test").asText()).isEqualTo("delong");
        assertThat(auc.at("/ci/low").asDouble()).isLessThan(auc.get("delta").asDouble());
        assertThat(auc.get("pValue").asDouble()).isLessThan(1e-6);
    }

    @Test
    void shouldApplyUserGatesWithSignificance() {
        CliRun strict = churn("candidate.onnx",
                "--gate", "accuracy_score:minAbsoluteChange=0.03,requireSignificance=true",
                "--gate", "log_loss:threshold=0.35");
        CliRun impossible = churn("candidate.onnx", "--gate", "roc_auc:minAbsoluteChange=0.05");

        assertThat(strict.exitCode()).as(strict.out()).isEqualTo(1);
        assertThat(strict.out()).contains("Gates (all must pass)", "PASS  log_loss",
                "does not clear +0.0300");
        assertThat(impossible.exitCode()).isEqualTo(1);
        assertThat(impossible.out()).contains("FAIL  roc_auc", "short of the required +0.0500");
    }

    @Test
    void shouldReportSlices() throws IOException {
        JsonNode report = JSON.readTree(churn("candidate.onnx", "--json", "--slice", "contract", "--slice",
                "region").out());

        JsonNode slices = report.at("/results/slices");
        int rows = 0;
        for (Iterator<JsonNode> it = slices.elements(); it.hasNext();) {
            JsonNode slice = it.next();
            if ("contract".equals(slice.get("column").asText())) {
                rows += slice.get("rows").asInt();
            }
        }
        assertThat(rows).isEqualTo(3000);
        assertThat(slices.findValuesAsText("column")).contains("contract", "region");
    }

    @Test
    void shouldGiveTheSameMetricsFromPredictionsFiles() throws IOException {
        CliRun run = CliRun.of("benchmark", "--dataset", example("churn/test.csv"), "--target", "churned",
                "--champion", "predictions:" + example("churn/champion-onnx-predictions.csv"),
                "--candidate", "predictions:" + example("churn/candidate-onnx-predictions.csv"), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertMetricsEqualScikitLearn(report, expected("churn", "champion"), expected("churn", "candidate"),
                List.of("accuracy_score", "f1_score", "log_loss", "roc_auc", "precision_recall_auc"));
        assertThat(report.at("/results/latency").isNull()).isTrue();
    }

    @Test
    void shouldBenchmarkMulticlassModelsWithStringLabels() throws IOException {
        CliRun run = CliRun.of("benchmark", "--dataset", example("multiclass/test.csv"), "--target", "tier",
                "--champion", "onnx:" + example("multiclass/champion.onnx"),
                "--candidate", "onnx:" + example("multiclass/candidate.onnx"), "--threads", "1", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.at("/results/task").asText()).isEqualTo("multiclass");
        assertThat(report.at("/results/labels").toString()).isEqualTo("[\"bronze\",\"gold\",\"silver\"]");
        assertMetricsEqualScikitLearn(report, expected("multiclass", "champion"), expected("multiclass", "candidate"),
                List.of("accuracy_score", "precision_score", "recall_score", "f1_score", "log_loss", "roc_auc"));
    }

    @Test
    void shouldBenchmarkRegressionModels() throws IOException {
        CliRun run = CliRun.of("benchmark", "--dataset", example("regression/test.csv"), "--target", "price",
                "--champion", "onnx:" + example("regression/champion.onnx"),
                "--candidate", "onnx:" + example("regression/candidate.onnx"), "--threads", "1", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.at("/results/task").asText()).isEqualTo("regression");
        JsonNode expectedChampion = expected("regression", "champion");
        for (String name : List.of("mean_absolute_error", "mean_squared_error", "root_mean_squared_error",
                "r2_score", "max_error", "mean_absolute_percentage_error")) {
            assertThat(metric(report, name).get("champion").asDouble()).as(name)
                    .isCloseTo(expectedChampion.get(name).asDouble(), within(1e-6 * Math.abs(
                            expectedChampion.get(name).asDouble())));
        }
        assertThat(report.at("/results/gates/0/metric").asText()).isEqualTo("root_mean_squared_error");
    }

    @Test
    void shouldReadOtherDelimiters() {
        CliRun run = CliRun.of("benchmark", "--dataset", example("csv/semicolon.csv"), "--delimiter", ";",
                "--target", "nope", "--champion", "predictions:x.csv", "--candidate", "predictions:y.csv");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("has no column 'nope'. Columns: name, score, passed.");
    }
}
