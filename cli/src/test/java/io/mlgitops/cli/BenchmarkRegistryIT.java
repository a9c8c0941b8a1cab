package io.mlgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.testing.MlflowServer;
import io.mlgitops.testing.MlflowServerExtension;
import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code mlgitops benchmark} with {@code models:/} references against a real MLflow server: the champion by alias,
 * the candidate by version, and the first model of a line, which has no champion yet.
 */
@ExtendWith(MlflowServerExtension.class)
class BenchmarkRegistryIT {
    private static final String MODEL = "cli-it-churn";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MlflowServer mlflow;

    @TempDir
    private Path cache;

    @BeforeAll
    static void registerChurnModels(final MlflowServer server) {
        mlflow = server;
        server.register(MODEL + "=" + TestEnvironment.example("churn/champion.onnx") + "@champion",
                MODEL + "=" + TestEnvironment.example("churn/mlflow-candidate") + "@challenger");
    }

    private CliRun benchmark(final String champion, final String candidate, final String... extra) {
        List<String> args = new ArrayList<>(List.of("benchmark",
                "--dataset", TestEnvironment.example("churn/test.csv").toString(), "--target", "churned",
                "--champion", champion, "--candidate", candidate, "--mlflow-url", mlflow.uri().toString(),
                "--cache-dir", cache.toString(), "--threads", "1", "--latency-samples", "5", "--json"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode metric(final JsonNode report, final String name) {
        for (JsonNode metric : report.at("/results/metrics")) {
            if (metric.get("name").asText().equals(name)) {
                return metric;
            }
        }
        throw new AssertionError("No metric " + name);
    }

    @Test
    void shouldBenchmarkTheRegisteredCandidateAgainstTheChampionAlias() throws IOException {
        CliRun run = benchmark("models:/" + MODEL + "@champion", "models:/" + MODEL + "/2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Resolved models:/" + MODEL + "@champion to version 1");
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.at("/subject/model").asText()).isEqualTo(MODEL);
        assertThat(report.at("/subject/version").asText()).isEqualTo("2");
        assertThat(report.at("/inputs/champion/kind").asText()).isEqualTo("mlflow");
        assertThat(report.at("/inputs/champion/details/alias").asText()).isEqualTo("champion");
        assertThat(report.at("/inputs/champion/details/version").asText()).isEqualTo("1");
        assertThat(report.at("/inputs/candidate/files").findValuesAsText("path")).contains("MLmodel", "model.onnx");
        JsonNode expected = JSON.readTree(TestEnvironment.example("churn/expected-metrics.json").toFile());
        assertThat(metric(report, "accuracy_score").get("champion").asDouble())
                .isCloseTo(expected.at("/models/champion/accuracy_score").asDouble(), within(1e-12));
        assertThat(metric(report, "roc_auc").get("candidate").asDouble())
                .isCloseTo(expected.at("/models/candidate/roc_auc").asDouble(), within(1e-9));
    }

    @Test
    void shouldPassTheFirstModelOfALineWithAWarning() throws IOException {
        CliRun run = benchmark("models:/" + MODEL + "@production", "models:/" + MODEL + "/2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: No champion:", "production");
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.at("/results/championPresent").asBoolean()).isFalse();
        assertThat(report.at("/subject/champion").asText()).isEqualTo("models:/" + MODEL + "@production");
        assertThat(report.at("/inputs/champion").isMissingNode()).isTrue();
        assertThat(metric(report, "accuracy_score").get("champion").isNull()).isTrue();
        assertThat(report.at("/messages/0/level").asText()).isEqualTo("WARNING");
    }

    @Test
    void shouldFailWithoutChampionWhenAskedTo() {
        CliRun run = benchmark("models:/" + MODEL + "@production", "models:/" + MODEL + "/2",
                "--on-missing-champion", "fail");

        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void shouldDownloadAVersionOnceWhenTheChampionAliasPointsAtTheCandidate() throws IOException {
        CliRun run = benchmark("models:/" + MODEL + "@challenger", "models:/" + MODEL + "/2");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode report = JSON.readTree(run.out());
        assertThat(metric(report, "accuracy_score").get("delta").asDouble()).isZero();
        assertThat(report.at("/inputs/champion/details/version").asText()).isEqualTo("2");
    }

    @Test
    void shouldNameAnUnknownRegisteredModel() {
        CliRun run = benchmark("models:/no-such-model@champion", "models:/" + MODEL + "/2");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("no-such-model", mlflow.uri().getHost());
    }
}
