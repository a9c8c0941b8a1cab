package io.jenkins.plugins.mlgitops.steps;

import hudson.model.TaskListener;
import io.jenkins.plugins.mlgitops.steps.engine.BenchmarkRequest;
import io.jenkins.plugins.mlgitops.steps.engine.BuildSecrets;
import io.jenkins.plugins.mlgitops.steps.engine.StepOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.mlgitops.testing.TestEnvironment.example;
import static org.assertj.core.api.Assertions.assertThat;

/** What the agent runs: the request against its workspace folder, with progress in the build log. */
class AgentEngineCallableTest {
    @TempDir
    private Path workspace;

    @Test
    void shouldRunTheEngineInTheWorkspaceAndWriteProgressToTheBuildLog() throws Exception {
        Files.copy(example("churn/test.csv"), workspace.resolve("test.csv"));
        Files.copy(example("churn/champion-onnx-predictions.csv"), workspace.resolve("champion.csv"));
        Files.copy(example("churn/candidate-onnx-predictions.csv"), workspace.resolve("candidate.csv"));
        BenchmarkRequest request = new BenchmarkRequest().dataset("test.csv").target("churned")
                .champion("predictions:champion.csv").candidate("predictions:candidate.csv").test("none")
                .latencySamples(0);
        BuildLog log = new BuildLog();

        StepOutcome outcome = new AgentEngineCallable("mlBenchmark", request, BuildSecrets.from(Map.of()), log)
                .invoke(workspace.toFile(), null);

        assertThat(outcome.reportJson()).contains("\"kind\" : \"benchmark\"");
        assertThat(log.text()).contains("[mlBenchmark] Read " + workspace.resolve("test.csv"));
    }

    /** The build log of a test: a {@link TaskListener} over a buffer. */
    private static final class BuildLog implements TaskListener {
        private static final long serialVersionUID = 1L;

        private final transient ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final transient PrintStream logger = new PrintStream(buffer, true, StandardCharsets.UTF_8);

        @Override
        public PrintStream getLogger() {
            return logger;
        }

        String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
