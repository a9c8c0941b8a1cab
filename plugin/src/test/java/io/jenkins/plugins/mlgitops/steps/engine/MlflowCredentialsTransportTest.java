package io.jenkins.plugins.mlgitops.steps.engine;

import io.jenkins.plugins.mlgitops.adapters.ConsoleLogProgress;
import io.mlgitops.testing.LocalHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static io.mlgitops.testing.TestEnvironment.example;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real engine sends a configured MLflow server's token, not the build's user name and password, to the registry,
 * and neither the build log nor the step's messages carry it, even when the server quotes it back (the masking of
 * such quotes is {@link ServiceCredentialsRunTest}'s).
 */
class MlflowCredentialsTransportTest {
    private static final String TOKEN = "mlflow-token-31337";

    @TempDir
    private Path workspace;

    @Test
    void shouldAuthenticateWithTheConfiguredTokenAndKeepItOutOfTheLog() throws Exception {
        Files.copy(example("churn/test.csv"), workspace.resolve("test.csv"));
        Files.copy(example("churn/candidate-onnx-predictions.csv"), workspace.resolve("candidate.csv"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (LocalHttpServer mlflow = LocalHttpServer.start().on("/", request -> LocalHttpServer.Response.json(403,
                "{\"error_code\": \"PERMISSION_DENIED\", \"message\": \"" + request.authorization() + " refused\"}"));
                PrintStream stream = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            BenchmarkRequest request = new BenchmarkRequest().dataset("test.csv").target("churned")
                    .champion("models:/churn/1").candidate("predictions:candidate.csv").latencySamples(0)
                    .test("none").mlflowUrl(mlflow.uri("").toString());
            EngineRun run = ServiceCredentialsRun.of(request, ServiceCredentials.token(
                    ServiceCredentials.Service.MLFLOW, "mlflow-prod", TOKEN));

            StepOutcome outcome = run.runMasked(workspace, name -> Optional.of("build-" + name),
                    new ConsoleLogProgress(stream, "mlBenchmark"));

            assertThat(mlflow.requests()).isNotEmpty().allSatisfy(received ->
                    assertThat(received.authorization()).isEqualTo("Bearer " + TOKEN));
            assertThat(outcome.status()).isEqualTo(StepOutcome.ERROR);
            assertThat(outcome.problems()).singleElement().asString().contains("HTTP 403",
                    "bearer token from MLFLOW_TRACKING_TOKEN").doesNotContain(TOKEN);
            assertThat(String.valueOf(outcome.values())).doesNotContain(TOKEN);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
    }
}
