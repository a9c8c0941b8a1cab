package io.mlgitops.inference.onnx;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.CsvReader;
import io.mlgitops.data.Dataset;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import static io.mlgitops.testing.TestEnvironment.example;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inputs that no column feeds or that the input's type cannot hold fail before inference, with one line naming the
 * input, column and row.
 */
class OnnxModelRunnerErrorsTest {
    private static final String CHURN = "onnx:churn/champion.onnx";
    private static final String MULTICLASS = "onnx:multiclass/champion.onnx";

    @TempDir
    Path folder;

    @Test
    void shouldNameTheInputThatNoColumnFeedsAndListInputsAndColumns() throws Exception {
        Dataset data = churnRows(columns -> remove(columns, "region"));

        assertThatThrownBy(() -> predict("churn/champion.onnx", CHURN, data, "churned"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(CHURN + ": no column of " + data.source() + " feeds the model input "
                        + "'region'. Model inputs: gender string[N, 1], age_band string[N, 1]")
                .hasMessageContaining("support_calls int64[N, 1]. Data columns: customer_id, gender, age_band, "
                        + "senior_citizen, tenure_months,");
    }

    @Test
    void shouldNameColumnAndRowOfAMissingValueForAnInt64Input() throws Exception {
        Dataset data = churnRows(columns -> blankCell(columns, "tenure_months", 3));

        assertThatThrownBy(() -> predict("churn/champion.onnx", CHURN, data, "churned"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(data.source() + ": column 'tenure_months', row 3 is missing, but model input "
                        + "'tenure_months' is int64, which cannot hold a missing value.");
    }

    @Test
    void shouldNameColumnAndRowOfAMissingValueForAStringInput() throws Exception {
        Dataset data = churnRows(columns -> blankCell(columns, "gender", 2));

        assertThatThrownBy(() -> predict("churn/champion.onnx", CHURN, data, "churned"))
                .hasMessageStartingWith(data.source() + ": column 'gender', row 2 is missing, but model input "
                        + "'gender' is string, which cannot hold a missing value.");
    }

    @Test
    void shouldNameColumnRowAndValueOfTextFeedingANumericInput() throws Exception {
        Path csv = folder.resolve("multiclass.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(example("multiclass/test.csv")).subList(0, 6));
        lines.set(4, lines.get(4).replaceFirst("^([^,]*),([^,]*),", "$1,many,"));
        Files.write(csv, lines);
        Dataset data = CsvReader.read(csv);

        assertThatThrownBy(() -> predict("multiclass/champion.onnx", MULTICLASS, data, "tier"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(csv + ": column 'orders', row 4: 'many' is not a number.");
    }

    @Test
    void shouldGiveBothCountsWhenTheFeaturesDoNotFitThePackedInput() throws Exception {
        Dataset data = CsvReader.read(example("multiclass/test.csv"));
        PredictionRequest fiveFeatures = new PredictionRequest("tier",
                List.of("annual_spend", "orders", "avg_basket", "days_since_last_order", "return_rate"), 100, 1);

        try (ModelRunner runner = OnnxModelRunner.open(example("multiclass/champion.onnx"), MULTICLASS, 1)) {
            assertThatThrownBy(() -> runner.predict(data, fiveFeatures, ProgressListener.NONE))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(MULTICLASS + ": model input 'input' takes 6 features per row, but 5 "
                            + "columns were given (annual_spend, orders, avg_basket, days_since_last_order, "
                            + "return_rate).");
            assertThatThrownBy(() -> runner.predict(data, new PredictionRequest(null, List.of(), 100, 1),
                    ProgressListener.NONE))
                    .hasMessageContaining("takes 6 features per row, but 7 columns were given");
        }
    }

    @Test
    void shouldRefuseTheTargetAsAFeature() throws Exception {
        Dataset data = CsvReader.read(example("multiclass/test.csv"));
        PredictionRequest leaking = new PredictionRequest("tier", List.of("annual_spend", "tier"), 100, 1);

        assertThatThrownBy(() -> predict("multiclass/champion.onnx", MULTICLASS, data, leaking))
                .isInstanceOf(InputException.class)
                .hasMessage("The feature columns include the target column 'tier' of " + data.source() + ". Remove "
                        + "it from the features.");
    }

    private void predict(final String model, final String reference, final Dataset data, final String target)
            throws Exception {
        predict(model, reference, data, PredictionRequest.forTarget(target));
    }

    private void predict(final String model, final String reference, final Dataset data,
            final PredictionRequest request) throws Exception {
        try (ModelRunner runner = OnnxModelRunner.open(example(model), reference, 1)) {
            runner.predict(data, request, ProgressListener.NONE);
        }
    }

    /** The first rows of the churn test set, changed column-wise by {@code change} (header first). */
    private Dataset churnRows(final UnaryOperator<List<List<String>>> change) throws IOException, InputException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(example("churn/test.csv")).subList(0, 6)) {
            rows.add(new ArrayList<>(Arrays.asList(line.split(",", -1))));
        }
        List<String> lines = change.apply(rows).stream().map(row -> String.join(",", row)).toList();
        Path csv = Files.createTempFile(folder, "churn", ".csv");
        Files.write(csv, lines, StandardCharsets.UTF_8);
        return CsvReader.read(csv);
    }

    private static List<List<String>> remove(final List<List<String>> rows, final String column) {
        int index = rows.get(0).indexOf(column);
        rows.forEach(row -> row.remove(index));
        return rows;
    }

    private static List<List<String>> blankCell(final List<List<String>> rows, final String column, final int row) {
        rows.get(row).set(rows.get(0).indexOf(column), "");
        return rows;
    }
}
