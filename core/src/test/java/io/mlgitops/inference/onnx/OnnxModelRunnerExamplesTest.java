package io.mlgitops.inference.onnx;

import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.Column;
import io.mlgitops.data.CsvOptions;
import io.mlgitops.data.CsvReader;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.inference.BatchTiming;
import io.mlgitops.inference.LocalModelRunners;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.inference.ProbabilityTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.mlgitops.testing.TestEnvironment.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Runs every example model (per-column and packed inputs, ZipMap and tensor probabilities, MLflow directories with
 * and without external data) with one intra-op thread, and compares with the outputs of Python ONNX Runtime stored
 * beside it: labels exactly, probabilities and regression values to float32 precision (one float32 ulp).
 */
class OnnxModelRunnerExamplesTest {
    private static final int BATCH_SIZE = 256;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "churn/champion.onnx,          churn/test.csv,      churned, churn/champion-onnx-predictions.csv",
        "churn/candidate.onnx,         churn/test.csv,      churned, churn/candidate-onnx-predictions.csv",
        "churn/candidate-degraded.onnx, churn/test.csv,     churned, churn/candidate-degraded-onnx-predictions.csv",
        "churn/mlflow-candidate,       churn/test.csv,      churned, churn/candidate-onnx-predictions.csv",
        "multiclass/champion.onnx,     multiclass/test.csv, tier,    multiclass/champion-onnx-predictions.csv",
        "multiclass/candidate.onnx,    multiclass/test.csv, tier,    multiclass/candidate-onnx-predictions.csv",
        "multiclass/mlflow-mlp,        multiclass/test.csv, tier,    multiclass/mlp-onnx-predictions.csv",
        "regression/champion.onnx,     regression/test.csv, price,   regression/champion-onnx-predictions.csv",
        "regression/candidate.onnx,    regression/test.csv, price,   regression/candidate-onnx-predictions.csv",
    })
    void shouldReproducePythonOnnxRuntime(final String model, final String data, final String target,
            final String reference) throws Exception {
        Dataset dataset = CsvReader.read(example(data));
        ModelOutput expected;
        try (ModelRunner predictions = LocalModelRunners.predictions(example(reference), "predictions:" + reference,
                CsvOptions.defaults())) {
            expected = predictions.predict(dataset, PredictionRequest.forTarget(target), ProgressListener.NONE);
        }

        ModelOutput actual;
        try (ModelRunner runner = LocalModelRunners.onnx(example(model), "onnx:" + model, 1)) {
            actual = runner.predict(dataset, new PredictionRequest(target, List.of(), BATCH_SIZE, 1),
                    ProgressListener.NONE);
        }

        assertSameLabels(actual.predictions(), expected.predictions());
        assertThat(actual.probabilities().isPresent()).isEqualTo(expected.probabilities().isPresent());
        if (expected.probabilities().isPresent()) {
            assertSameProbabilities(actual.probabilities().get(), expected.probabilities().get());
        }
        int rows = dataset.rowCount();
        assertThat(actual.timings()).hasSize((rows + BATCH_SIZE - 1) / BATCH_SIZE);
        assertThat(actual.timings().stream().mapToInt(BatchTiming::rows).sum()).isEqualTo(rows);
        assertThat(actual.timings()).allSatisfy(timing -> assertThat(timing.nanos()).isPositive());
    }

    private static void assertSameLabels(final Column actual, final Column expected) throws Exception {
        assertThat(actual.size()).isEqualTo(expected.size());
        if (expected instanceof NumericColumn numeric && !numeric.isIntegral()) {
            assertFloatPrecision(actual.toDoubles(), expected.toDoubles(), "prediction");
            return;
        }
        for (int row = 0; row < expected.size(); row++) {
            assertThat(actual.text(row)).as("label of row %d", row + 1).isEqualTo(expected.text(row));
        }
    }

    private static void assertSameProbabilities(final ProbabilityTable actual, final ProbabilityTable expected) {
        assertThat(actual.classLabels()).containsExactlyInAnyOrderElementsOf(expected.classLabels());
        for (int k = 0; k < expected.classLabels().size(); k++) {
            String label = expected.classLabels().get(k);
            double[] actualColumn = actual.column(actual.classLabels().indexOf(label));
            assertFloatPrecision(actualColumn, expected.column(k), "probability of " + label);
        }
    }

    private static void assertFloatPrecision(final double[] actual, final double[] expected, final String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int row = 0; row < expected.length; row++) {
            assertThat(actual[row]).as("%s in row %d", what, row + 1)
                    .isCloseTo(expected[row], within((double) Math.ulp((float) expected[row])));
        }
    }
}
