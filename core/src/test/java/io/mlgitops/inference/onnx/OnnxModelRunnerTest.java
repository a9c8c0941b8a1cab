package io.mlgitops.inference.onnx;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.CsvReader;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.FileDigests;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;
import io.mlgitops.inference.ModelDescription;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.inference.ProbabilityTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.mlgitops.testing.TestEnvironment.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnnxModelRunnerTest {
    @TempDir
    Path folder;

    @Test
    void shouldDescribeTheModelWithItsFilesInputsAndOutputs() throws Exception {
        Path model = example("churn/candidate.onnx");

        try (ModelRunner runner = OnnxModelRunner.open(model, "onnx:candidate", 1)) {
            ModelDescription description = runner.description();

            assertThat(description.reference()).isEqualTo("onnx:candidate");
            assertThat(description.kind()).isEqualTo("onnx");
            assertThat(description.files()).containsExactly(FileDigests.of(model, model.toString()));
            assertThat(description.details())
                    .containsEntry("outputs", "label int64[N], probabilities float[N, 2]")
                    .containsEntry("label_output", "label")
                    .containsEntry("probability_output", "probabilities (tensor)")
                    .containsEntry("producer", "skl2onnx 1.20.0");
            assertThat(description.details().get("inputs")).startsWith("gender string[N, 1], age_band string[N, 1]")
                    .contains("monthly_charges float[N, 1]", "support_calls int64[N, 1]");
        }
    }

    @Test
    void shouldDescribeAnMlflowDirectoryWithItsMlmodelFacts() throws Exception {
        try (ModelRunner runner = OnnxModelRunner.open(example("churn/mlflow-candidate"), "models:/churn/3", 0)) {
            ModelDescription description = runner.description();

            assertThat(description.files()).extracting(file -> file.path()).containsExactly("MLmodel", "model.onnx");
            assertThat(description.files().get(1).sha256())
                    .isEqualTo(FileDigests.of(example("churn/candidate.onnx"), "").sha256());
            assertThat(description.details()).containsEntry("mlflow.model_uuid", "7529bd31267250f98907e0bb747b08f3");
        }
    }

    @ParameterizedTest
    @CsvSource({"churn/champion.onnx, churn/test.csv, churned, output_probability, probabilities",
        "multiclass/mlflow-mlp, multiclass/test.csv, tier, output_probability, out_activations_result"})
    void shouldReadZipMapProbabilitiesFromTheTensorThatFeedsThem(final String model, final String data,
            final String target, final String zipMap, final String tensor) throws Exception {
        Dataset dataset = CsvReader.read(example(data));
        PredictionRequest request = new PredictionRequest(target, List.of(), 500, 1);
        ModelOutput fromTensor;
        ModelOutput fromMaps;
        try (ModelRunner runner = OnnxModelRunner.open(example(model), "onnx:fast", 1, true)) {
            assertThat(runner.description().details())
                    .containsEntry("probability_output", zipMap + " (ZipMap, read from its input tensor '" + tensor
                            + "')");
            assertThat(runner.description().details().get("outputs")).doesNotContain(tensor + " ");
            fromTensor = runner.predict(dataset, request, ProgressListener.NONE);
        }
        try (ModelRunner runner = OnnxModelRunner.open(example(model), "onnx:maps", 1, false)) {
            assertThat(runner.description().details()).containsEntry("probability_output", zipMap + " (ZipMap)");
            fromMaps = runner.predict(dataset, request, ProgressListener.NONE);
        }

        assertThat(fromTensor.predictions().size()).isEqualTo(dataset.rowCount());
        for (int row = 0; row < dataset.rowCount(); row++) {
            assertThat(fromTensor.predictions().text(row)).isEqualTo(fromMaps.predictions().text(row));
        }
        ProbabilityTable tensorTable = fromTensor.probabilities().orElseThrow();
        ProbabilityTable mapTable = fromMaps.probabilities().orElseThrow();
        assertThat(tensorTable.classLabels()).isEqualTo(mapTable.classLabels());
        for (int k = 0; k < mapTable.classLabels().size(); k++) {
            assertThat(tensorTable.column(k)).containsExactly(mapTable.column(k));
        }
    }

    @Test
    void shouldTellWhichColumnsFeedWhichInputs() throws Exception {
        List<String> lines = new ArrayList<>();
        ProgressListener progress = new ProgressListener() {
            @Override
            public void info(final String line) {
                lines.add(line);
            }

            @Override
            public void warn(final String line) {
                lines.add(line);
            }
        };
        try (ModelRunner runner = OnnxModelRunner.open(example("regression/champion.onnx"), "onnx:r", 1)) {
            runner.predict(CsvReader.read(example("regression/test.csv")), PredictionRequest.forTarget("price"),
                    progress);
        }

        assertThat(lines).containsExactly("onnx:r: predicting 500 rows in batches of 500; columns area_m2, rooms, "
                + "age_years, distance_km, quality packed into input 'input'");
    }

    @Test
    void shouldFeedBooleanInputsFromNumbersOrWords() throws Exception {
        Path model = model(new OnnxModelBuilder()
                .input("flag", OnnxModelBuilder.BOOL, -1, 1)
                .node("Cast", new String[] {"flag"}, new String[] {"value"}, "to", OnnxModelBuilder.FLOAT)
                .output("value", OnnxModelBuilder.FLOAT, -1, 1));

        ModelOutput numbers = run(model, "flag\n1\n0\n1\n");
        ModelOutput words = run(model, "flag\ntrue\nFalse\nTRUE\n");

        assertThat(numbers.predictions().toDoubles()).containsExactly(1, 0, 1);
        assertThat(words.predictions().toDoubles()).containsExactly(1, 0, 1);
        assertThat(numbers.probabilities()).isEmpty();
        assertThatThrownBy(() -> run(model, "flag\ntrue\nmaybe\n"))
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith(": column 'flag', row 2: 'maybe' is not a boolean (0, 1, true or false), but "
                        + "model input 'flag' is bool.");
    }

    @Test
    void shouldRefuseFractionsForInt64InputsAndUnsupportedInputTypes() throws Exception {
        Path int64 = model(new OnnxModelBuilder()
                .input("n", OnnxModelBuilder.INT64, -1, 1)
                .node("Cast", new String[] {"n"}, new String[] {"value"}, "to", OnnxModelBuilder.FLOAT)
                .output("value", OnnxModelBuilder.FLOAT, -1, 1));
        Path int32 = model(new OnnxModelBuilder()
                .input("n", OnnxModelBuilder.INT32, -1, 1)
                .node("Cast", new String[] {"n"}, new String[] {"value"}, "to", OnnxModelBuilder.FLOAT)
                .output("value", OnnxModelBuilder.FLOAT, -1, 1));

        assertThat(run(int64, "n\n3\n-4\n").predictions().toDoubles()).containsExactly(3, -4);
        assertThatThrownBy(() -> run(int64, "n\n3\n2.5\n"))
                .hasMessageContaining(": column 'n', row 2: 2.5 is not a whole number, but model input 'n' is int64.");
        assertThatThrownBy(() -> run(int32, "n\n3\n"))
                .hasMessageStartingWith("Model input 'n' has element type int32, which cannot be fed from a CSV "
                        + "column (supported: float, double, int64, string, bool).");
    }

    @Test
    void shouldRefuseTensorProbabilitiesWhoseClassesTheModelDoesNotName() throws Exception {
        Path model = model(new OnnxModelBuilder()
                .input("x", OnnxModelBuilder.FLOAT, -1, 3)
                .node("Softmax", new String[] {"x"}, new String[] {"probabilities"}, "axis", 1)
                .node("ArgMax", new String[] {"x"}, new String[] {"label"}, "axis", 1, "keepdims", 0)
                .output("label", OnnxModelBuilder.INT64, -1)
                .output("probabilities", OnnxModelBuilder.FLOAT, -1, 3));

        assertThatThrownBy(() -> OnnxModelRunner.open(model, "onnx:unlabelled", 1))
                .isInstanceOf(InputException.class)
                .hasMessage("onnx:unlabelled: model output 'probabilities' holds class probabilities, but the model "
                        + "does not say which class each column is (no classifier node with class labels for 3 "
                        + "classes). Export the model with ZipMap probabilities (skl2onnx's default, zipmap=True), "
                        + "or give its predictions as predictions:FILE with probability_<class> columns.");
    }

    @Test
    void shouldReturnStringLabelsAsDictionaryEncodedText() throws Exception {
        try (ModelRunner runner = OnnxModelRunner.open(example("multiclass/candidate.onnx"), "onnx:c", 1)) {
            ModelOutput output = runner.predict(CsvReader.read(example("multiclass/test.csv")),
                    PredictionRequest.forTarget("tier"), ProgressListener.NONE);

            assertThat(output.predictions()).isInstanceOf(TextColumn.class);
            assertThat(((TextColumn) output.predictions()).dictionary())
                    .containsExactlyInAnyOrder("bronze", "gold", "silver");
            assertThat(output.probabilities().orElseThrow().classLabels())
                    .containsExactly("bronze", "gold", "silver");
        }
        try (ModelRunner runner = OnnxModelRunner.open(example("churn/champion.onnx"), "onnx:z", 1)) {
            ModelOutput output = runner.predict(CsvReader.read(example("churn/test.csv")),
                    PredictionRequest.forTarget("churned"), ProgressListener.NONE);

            assertThat(output.predictions()).isInstanceOf(NumericColumn.class);
            assertThat(output.probabilities().orElseThrow().classLabels()).containsExactly("0", "1");
        }
    }

    private Path model(final OnnxModelBuilder builder) throws IOException {
        return Files.write(Files.createTempFile(folder, "model", ".onnx"), builder.build());
    }

    private ModelOutput run(final Path model, final String csv) throws Exception {
        Path data = Files.writeString(Files.createTempFile(folder, "data", ".csv"), csv);
        Dataset dataset = CsvReader.read(data);
        try (ModelRunner runner = OnnxModelRunner.open(model, "onnx:" + model.getFileName(), 1)) {
            return runner.predict(dataset, new PredictionRequest(null, List.of(), 2, 1), ProgressListener.NONE);
        }
    }
}
