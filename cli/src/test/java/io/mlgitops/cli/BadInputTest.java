package io.mlgitops.cli;

import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad input of issue 2 §5 gets exit code 3 and one message that names the file, column, row or reference,
 * with no stack trace and no report file.
 */
class BadInputTest {
    @TempDir
    private Path folder;

    private static String example(final String path) {
        return TestEnvironment.example(path).toString();
    }

    private CliRun benchmark(final String dataset, final String target, final String champion,
            final String candidate, final String... extra) {
        List<String> args = new ArrayList<>(List.of("benchmark", "--dataset", dataset, "--target", target,
                "--champion", champion, "--candidate", candidate, "--latency-samples", "0",
                "--report", folder.resolve("report.json").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private CliRun churn(final String dataset, final String target, final String... extra) {
        return benchmark(dataset, target, "onnx:" + example("churn/champion.onnx"),
                "onnx:" + example("churn/candidate.onnx"), extra);
    }

    private String assertInputError(final CliRun run) {
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(3);
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
        assertThat(run.err().lines().filter(line -> line.startsWith("error: "))).hasSize(1);
        assertThat(run.err().strip().lines()).last().asString().startsWith("error: ");
        assertThat(run.out()).doesNotContain("Result:");
        assertThat(folder.resolve("report.json")).doesNotExist();
        return run.err();
    }

    private String file(final String name, final String content) throws IOException {
        return Files.writeString(folder.resolve(name), content).toString();
    }

    @Test
    void shouldListTheColumnsForAnUnknownTarget() {
        String err = assertInputError(churn(example("churn/test.csv"), "churn"));

        assertThat(err).contains("test.csv has no column 'churn'", "customer_id, gender", "churned");
    }

    @Test
    void shouldNameAnUnknownFeatureColumn() {
        String err = assertInputError(benchmark(example("multiclass/test.csv"), "tier",
                "onnx:" + example("multiclass/champion.onnx"), "onnx:" + example("multiclass/candidate.onnx"),
                "--features", "orders,avg_basket,nope"));

        assertThat(err).contains("has no column 'nope'", "annual_spend, orders");
    }

    @Test
    void shouldNameRowAndColumnOfAnUnparsableNumber() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(TestEnvironment.example("multiclass/test.csv")));
        lines.set(3, lines.get(3).replaceFirst("^[^,]+,", "12x,"));
        String dataset = file("bad-number.csv", String.join("\n", lines) + "\n");

        String err = assertInputError(benchmark(dataset, "tier", "onnx:" + example("multiclass/champion.onnx"),
                "onnx:" + example("multiclass/candidate.onnx")));

        assertThat(err).contains("bad-number.csv", "column 'annual_spend'", "row 3", "'12x' is not a number");
    }

    @Test
    void shouldNameARaggedRow() throws IOException {
        String dataset = file("ragged.csv", "a,b,y\n1,2,0\n3,4\n5,6,1\n");

        String err = assertInputError(churn(dataset, "y"));

        assertThat(err).contains("ragged.csv", "row 2", "2 fields", "3");
    }

    @Test
    void shouldRefuseAnEmptyFile() throws IOException {
        String err = assertInputError(churn(file("empty.csv", ""), "y"));

        assertThat(err).contains("empty.csv", "empty");
    }

    @Test
    void shouldNameAMissingFile() {
        String err = assertInputError(churn(folder.resolve("nowhere.csv").toString(), "y"));

        assertThat(err).contains("nowhere.csv");
    }

    @Test
    void shouldCompareTheLengthsOfPredictionsAndData() throws IOException {
        String predictions = file("short.csv", "prediction,probability\n1,0.9\n0,0.2\n");

        String err = assertInputError(benchmark(example("churn/test.csv"), "churned",
                "onnx:" + example("churn/champion.onnx"), "predictions:" + predictions));

        assertThat(err).contains("short.csv", "2", "3000");
    }

    @Test
    void shouldExplainTheAcceptedReferenceSchemes() {
        String err = assertInputError(benchmark(example("churn/test.csv"), "churned",
                "onnx:" + example("churn/champion.onnx"), example("churn/candidate.onnx")));

        assertThat(err).contains("Unknown model reference", "onnx:PATH", "models:/NAME@ALIAS",
                "Did you mean onnx:");
    }

    @Test
    void shouldNameAnOnnxInputThatNoColumnFeeds() throws IOException {
        List<String> lines = Files.readAllLines(TestEnvironment.example("churn/test.csv"));
        String dataset = file("renamed.csv", String.join("\n", lines).replaceFirst("contract", "contract_type")
                + "\n");

        String err = assertInputError(churn(dataset, "churned"));

        assertThat(err).contains("contract");
    }

    @Test
    void shouldRequireProbabilitiesWhenAProbabilityMetricIsAskedFor() throws IOException {
        String labelsOnly = file("labels.csv", "prediction\n" + "1\n".repeat(3000));

        String err = assertInputError(benchmark(example("churn/test.csv"), "churned",
                "predictions:" + example("churn/champion-onnx-predictions.csv"), "predictions:" + labelsOnly,
                "--metric", "roc_auc"));

        assertThat(err).contains("roc_auc", "candidate", "probabilit");
    }

    @Test
    void shouldRefuseAucWhenTheTargetHasASingleClass() throws IOException {
        String dataset = file("one-class.csv", "x,y\n" + "0.5,1\n".repeat(20));
        String predictions = file("p.csv", "prediction,probability\n" + "1,0.7\n".repeat(20));

        String err = assertInputError(benchmark(dataset, "y", "predictions:" + predictions,
                "predictions:" + predictions));

        assertThat(err).contains("column 'y' of " + dataset, "two classes");
    }

    @Test
    void shouldSayWhenTheRegistryCannotBeReached() {
        String err = assertInputError(benchmark(example("churn/test.csv"), "churned", "models:/churn@champion",
                "models:/churn/2", "--mlflow-url", "http://127.0.0.1:9"));

        assertThat(err).contains("127.0.0.1:9", "--mlflow-url");
    }

    @Test
    void shouldAskForARegistryWhenNoneIsConfigured() {
        String err = assertInputError(benchmark(example("churn/test.csv"), "churned", "models:/churn@champion",
                "models:/churn/2"));

        assertThat(err).contains("models:/churn", "--mlflow-url", "MLFLOW_TRACKING_URI");
    }
}
