package io.mlgitops.inference;

import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.Column;
import io.mlgitops.data.CsvReader;
import io.mlgitops.data.Dataset;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.testing.PythonProcess;
import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The HTTP runner against a real MLflow scoring server ({@code mlflow models serve --env-manager local}) serving the
 * multiclass MLP example, compared with ONNX Runtime's reference predictions.
 */
class MlflowScoringServerIT {
    private static PythonProcess scoringServer;
    private static URI invocations;

    @BeforeAll
    static void serveModel() throws IOException {
        int port = PythonProcess.freePort();
        invocations = URI.create("http://127.0.0.1:" + port + "/invocations");
        scoringServer = PythonProcess.start(List.of("-m", "mlflow", "models", "serve", "-m",
                        TestEnvironment.example("multiclass/mlflow-mlp").toString(), "--env-manager", "local",
                        "--host", "127.0.0.1", "--port", String.valueOf(port)),
                Map.of(), Files.createTempFile("mlgitops-scoring-", ".log"), invocations.resolve("/ping"),
                Duration.ofMinutes(3));
        System.out.printf("MLflow scoring server ready at %s after %.1f s%n", invocations,
                scoringServer.startup().toMillis() / 1000.0);
    }

    @AfterAll
    static void stopServer() {
        if (scoringServer != null) {
            scoringServer.close();
        }
    }

    @Test
    void shouldPredictWhatOnnxRuntimePredicts() throws Exception {
        Dataset test = CsvReader.read(TestEnvironment.example("multiclass/test.csv"));
        Dataset reference = CsvReader.read(TestEnvironment.example("multiclass/mlp-onnx-predictions.csv"));

        ModelOutput output;
        try (ModelRunner runner = RemoteModelRunners.http(invocations, "http:" + invocations, HttpSettings.DEFAULTS,
                name -> Optional.empty())) {
            output = runner.predict(test, new PredictionRequest("tier", List.of(), 128, 0), ProgressListener.NONE);
            assertThat(runner.description().details()).containsEntry("protocol", "mlflow-pyfunc")
                    .containsEntry("payload", "inputs").containsEntry("url", invocations.toString());
        }

        Column expectedLabels = reference.column("prediction");
        assertThat(output.predictions().size()).isEqualTo(600);
        for (int row = 0; row < 600; row++) {
            assertThat(output.predictions().text(row)).as("row %d", row + 1).isEqualTo(expectedLabels.text(row));
        }
        ProbabilityTable probabilities = output.probabilities().orElseThrow();
        assertThat(probabilities.classLabels()).containsExactlyInAnyOrder("bronze", "gold", "silver");
        for (int k = 0; k < probabilities.classLabels().size(); k++) {
            double[] expected = reference.column("probability_" + probabilities.classLabels().get(k)).toDoubles();
            double[] actual = probabilities.column(k);
            for (int row = 0; row < 600; row++) {
                assertThat(actual[row]).as("row %d", row + 1).isCloseTo(expected[row], within(1e-7));
            }
        }
        assertThat(output.timings()).hasSize(5).extracting(BatchTiming::rows).containsExactly(128, 128, 128, 128, 88);
    }
}
