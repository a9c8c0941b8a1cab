package io.mlgitops.inference.predictions;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.CsvOptions;
import io.mlgitops.data.CsvReader;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.FileDigests;
import io.mlgitops.inference.LocalModelRunners;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.inference.ProbabilityTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.mlgitops.testing.TestEnvironment.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PredictionsFileRunnerTest {
    private static final PredictionRequest REQUEST = PredictionRequest.forTarget("label");

    @TempDir
    Path folder;

    @Test
    void shouldReturnPerClassProbabilitiesAndDescribeTheFile() throws Exception {
        Path csv = example("multiclass/candidate-onnx-predictions.csv");
        Dataset data = CsvReader.read(example("multiclass/test.csv"));

        try (ModelRunner runner = LocalModelRunners.predictions(csv, "predictions:candidate", CsvOptions.defaults())) {
            ModelOutput output = runner.predict(data, REQUEST, ProgressListener.NONE);

            assertThat(output.predictions().text(0)).isEqualTo("gold");
            ProbabilityTable table = output.probabilities().orElseThrow();
            assertThat(table.isPerClass()).isTrue();
            assertThat(table.classLabels()).containsExactly("bronze", "gold", "silver");
            assertThat(table.column(1)[0]).isEqualTo(0.9729447364807129);
            assertThat(output.timings()).isEmpty();
            assertThat(runner.description().kind()).isEqualTo("predictions");
            assertThat(runner.description().reference()).isEqualTo("predictions:candidate");
            assertThat(runner.description().files()).containsExactly(FileDigests.of(csv, csv.toString()));
        }
    }

    @Test
    void shouldReturnThePositiveClassProbabilityOfABinaryFile() throws Exception {
        Path csv = example("churn/champion-sklearn-predictions.csv");
        Dataset data = CsvReader.read(example("churn/test.csv"));

        try (ModelRunner runner = LocalModelRunners.predictions(csv, "predictions:x", CsvOptions.defaults())) {
            ModelOutput output = runner.predict(data, REQUEST, ProgressListener.NONE);

            assertThat(output.probabilities().orElseThrow().isPerClass()).isFalse();
            assertThat(output.probabilities().orElseThrow().positive()).hasSize(3000);
        }
    }

    @Test
    void shouldAcceptPredictionsWithoutProbabilitiesAndCanonicalizeNumericClassNames() throws Exception {
        Dataset data = data(2);
        ModelOutput plain = predict(write("prediction\n1\n0\n"), data);
        ModelOutput numericClasses = predict(write("prediction,probability_0.0,probability_1.0\n1,0.2,0.8\n0,1,0\n"),
                data);

        assertThat(plain.probabilities()).isEmpty();
        assertThat(numericClasses.probabilities().orElseThrow().classLabels()).containsExactly("0", "1");
    }

    @Test
    void shouldNameBothFilesAndCountsWhenRowsDiffer() throws Exception {
        Path csv = write("prediction\n1\n0\n1\n");
        Dataset data = data(2);

        assertThatThrownBy(() -> predict(csv, data))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("The predictions file " + csv + " has 3 rows but the data set "
                        + data.source() + " has 2.");
    }

    @Test
    void shouldListTheColumnsWhenThePredictionColumnIsMissing() throws Exception {
        Path csv = write("pred,probability\n1,0.5\n");

        assertThatThrownBy(() -> LocalModelRunners.predictions(csv, "predictions:p", CsvOptions.defaults()))
                .isInstanceOf(InputException.class)
                .hasMessage(csv + " has no 'prediction' column. Columns: pred, probability. Name the column of "
                        + "predicted labels or values 'prediction'.");
    }

    @Test
    void shouldRejectMissingPredictionsAndBadProbabilities() throws Exception {
        Path missing = write("prediction\n1\nNA\n");
        Path missingInTwoColumns = write("prediction,x\n1,1\n,2\n");
        Path outOfRange = write("prediction,probability\n1,0.5\n0,1.5\n");
        Path text = write("prediction,probability_a,probability_b\na,0.5,0.5\nb,high,0.1\n");
        Path both = write("prediction,probability,probability_1\n1,0.5,0.5\n");

        assertThatThrownBy(() -> open(missing)).hasMessageStartingWith(missing + ": column 'prediction', row 2 is "
                + "missing.");
        assertThatThrownBy(() -> open(missingInTwoColumns))
                .hasMessage(missingInTwoColumns + ": column 'prediction', row 2 is missing. Every row needs a value "
                        + "in the predictions file.");
        assertThatThrownBy(() -> open(outOfRange))
                .hasMessage(outOfRange + ": column 'probability', row 2: 1.5 is not a probability (between 0 and 1).");
        assertThatThrownBy(() -> open(text))
                .hasMessageStartingWith(text + ": column 'probability_a', row 2: 'high' is not a number.");
        assertThatThrownBy(() -> open(both))
                .hasMessageStartingWith(both + " has both a 'probability' column and 'probability_<class>' columns.");
    }

    private ModelOutput predict(final Path csv, final Dataset data) throws Exception {
        try (ModelRunner runner = open(csv)) {
            return runner.predict(data, REQUEST, ProgressListener.NONE);
        }
    }

    private static ModelRunner open(final Path csv) throws InputException {
        return LocalModelRunners.predictions(csv, "predictions:" + csv.getFileName(), CsvOptions.defaults());
    }

    private Dataset data(final int rows) throws IOException, InputException {
        return CsvReader.read(write("x,label\n" + "1,0\n".repeat(rows)));
    }

    private Path write(final String csv) throws IOException {
        return Files.writeString(Files.createTempFile(folder, "p", ".csv"), csv);
    }
}
