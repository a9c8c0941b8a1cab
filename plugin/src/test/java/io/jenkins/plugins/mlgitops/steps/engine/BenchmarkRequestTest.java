package io.jenkins.plugins.mlgitops.steps.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.api.spi.SecretSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** mlBenchmark's request on the churn example, through the same code the agent runs. */
class BenchmarkRequestTest {
    private static final SecretSource NO_SECRETS = name -> Optional.empty();

    @TempDir
    private Path workspace;

    @BeforeEach
    void createWorkspace() throws IOException {
        ChurnWorkspace.create(workspace);
    }

    @Test
    void shouldPassTheSeedRuleWithOnnxModelsGivenRelativeToTheWorkspace() throws Exception {
        BenchmarkRequest request = new BenchmarkRequest().dataset("data/test.csv").target("churned")
                .champion("onnx:models/champion.onnx").candidate("onnx:models/candidate.onnx")
                .resamples(200).latencySamples(0).threads(1);
        ChurnWorkspace.Lines progress = new ChurnWorkspace.Lines();

        StepOutcome outcome = roundTrip(request).run(workspace, NO_SECRETS, progress);

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.status()).isEqualTo("PASSED");
        assertThat(outcome.values()).containsEntry("status", "PASSED").containsEntry("passed", true)
                .containsEntry("task", "binary").containsKeys("metrics", "gates", "exampleCount");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> metrics = (Map<String, Map<String, Object>>) outcome.values().get("metrics");
        assertThat(metrics.get("accuracy_score")).containsKeys("champion", "candidate", "delta", "significant");
        assertThat(progress.lines()).anyMatch(line -> line.contains(workspace.resolve("data/test.csv").toString()));
        JsonNode report = new ObjectMapper().readTree(outcome.reportJson());
        assertThat(report.at("/kind").asText()).isEqualTo("benchmark");
        assertThat(report.at("/status").asText()).isEqualTo("PASSED");
        assertThat(report.at("/digest").asText()).hasSize(64);
        assertThat(outcome.summary()).last().asString().contains("PASSED");
    }

    @Test
    void shouldFailTheGatesOfADegradedCandidateAndCopyTheReportIntoTheWorkspace() throws Exception {
        BenchmarkRequest request = new BenchmarkRequest().dataset("data/test.csv").target("churned")
                .champion("predictions:predictions/champion.csv").candidate("predictions:predictions/degraded.csv")
                .gates(List.of(new GateSpec("accuracy_score", null, 0.01, null, null, false),
                        new GateSpec("roc_auc", 0.5, null, null, null, false)))
                .gateMode("ALL").test("none").latencySamples(0).report("reports/benchmark.json");

        StepOutcome outcome = request.run(workspace, NO_SECRETS, new ChurnWorkspace.Lines());

        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.problems()).singleElement().asString().startsWith("accuracy_score: ");
        assertThat(outcome.values()).containsEntry("passed", false);
        assertThat((List<?>) outcome.values().get("gates")).hasSize(2);
        Path copy = workspace.resolve("reports/benchmark.json");
        assertThat(copy).exists();
        assertThat(new ObjectMapper().readTree(copy.toFile()).at("/digest").asText())
                .isEqualTo(new ObjectMapper().readTree(outcome.reportJson()).at("/digest").asText());
    }

    @Test
    void shouldReportAMissingDatasetAsAnErrorThatNamesTheFile() {
        StepOutcome outcome = new BenchmarkRequest().dataset("data/missing.csv").target("churned")
                .champion("predictions:predictions/champion.csv").candidate("predictions:predictions/candidate.csv")
                .run(workspace, NO_SECRETS, new ChurnWorkspace.Lines());

        assertThat(outcome.status()).isEqualTo("ERROR");
        assertThat(outcome.reportJson()).isNull();
        assertThat(outcome.problems()).singleElement().asString().contains("missing.csv");
        assertThat(outcome.values()).containsEntry("passed", false).containsKey("error");
    }

    @Test
    void shouldNameTheParameterAndTheAcceptedValuesOfAWrongChoice() {
        StepOutcome outcome = request().gateMode("most").run(workspace, NO_SECRETS, new ChurnWorkspace.Lines());

        assertThat(outcome.problems()).containsExactly("gateMode must be one of any, all; got 'most'");
        assertThat(request().test("t-test").run(workspace, NO_SECRETS, new ChurnWorkspace.Lines()).problems())
                .containsExactly("test must be one of bootstrap, mcnemar, delong, none; got 't-test'");
        assertThat(request().gates(List.of(new GateSpec("f1_score", null, null, null, null, true)))
                .run(workspace, NO_SECRETS, new ChurnWorkspace.Lines()).problems()).singleElement().asString()
                .startsWith("metricGate: ").contains("f1_score", "threshold, minAbsoluteChange, minRelativeChange");
        assertThat(request().mlflowUrl("mlflow:5000").run(workspace, NO_SECRETS, new ChurnWorkspace.Lines())
                .problems()).singleElement().asString().startsWith("mlflowUrl must be an http(s) URL");
    }

    private static BenchmarkRequest request() {
        return new BenchmarkRequest().dataset("data/test.csv").target("churned")
                .champion("predictions:predictions/champion.csv").candidate("predictions:predictions/candidate.csv");
    }

    /** The request as the agent receives it: serialized by the controller, read back on the other end. */
    private static EngineRun roundTrip(final EngineRun request) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(request);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (EngineRun) in.readObject();
        }
    }

    @Test
    void shouldSendTheOutcomeBackAcrossTheChannel() throws Exception {
        StepOutcome outcome = request().latencySamples(0).test("none")
                .run(workspace, NO_SECRETS, new ChurnWorkspace.Lines());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(outcome);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(outcome);
        }
        assertThat(Files.exists(workspace.resolve("reports"))).isFalse();
    }
}
