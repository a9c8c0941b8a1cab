package io.mlgitops.benchmark;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ProbabilityTable;
import io.mlgitops.metrics.EvaluationData;
import io.mlgitops.metrics.Task;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationEncoderTest {
    private static TextColumn text(final String name, final String... values) {
        List<String> dictionary = Arrays.stream(values).filter(Objects::nonNull).distinct().toList();
        int[] codes = new int[values.length];
        for (int row = 0; row < values.length; row++) {
            codes[row] = values[row] == null ? -1 : dictionary.indexOf(values[row]);
        }
        return new TextColumn(name, "test.csv", codes, dictionary.toArray(String[]::new));
    }

    private static ModelOutput output(final TextColumn predictions, final ProbabilityTable probabilities) {
        return new ModelOutput(predictions, Optional.ofNullable(probabilities), List.of());
    }

    @Test
    void shouldSortTextLabelsAndTakeTheGreatestAsPositive() throws InputException {
        EvaluationEncoder encoder = new EvaluationEncoder(text("churn", "yes", "no", "no", "yes"), "test.csv");
        ModelOutput model = output(text("prediction", "yes", "no", "yes", "yes"), null);

        String positive = encoder.positiveLabel(null, List.of(model));
        EvaluationData data = encoder.classification(Task.BINARY, model, positive, "the candidate");

        assertThat(positive).isEqualTo("yes");
        assertThat(data.labels().asList()).containsExactly("no", "yes");
        assertThat(data.positiveClass()).isEqualTo(1);
        assertThat(data.yTrue()).containsExactly(1, 0, 0, 1);
        assertThat(data.yPred()).containsExactly(1, 0, 1, 1);
    }

    @Test
    void shouldMatchNumericLabelsWrittenDifferently() throws InputException {
        EvaluationEncoder encoder = new EvaluationEncoder(new NumericColumn("y", new double[] {0, 1, 1}), "t.csv");
        ModelOutput model = new ModelOutput(new NumericColumn("prediction", new double[] {0, 0, 1}),
                Optional.of(ProbabilityTable.perClass(List.of("0", "1"),
                        new double[][] {{0.9, 0.6, 0.2}, {0.1, 0.4, 0.8}})), List.of());

        assertThat(encoder.positiveLabel("1.0", List.of(model))).isEqualTo("1");
        EvaluationData data = encoder.classification(Task.BINARY, model, "1", "the candidate");
        assertThat(data.probabilities()[1]).containsExactly(0.1, 0.4, 0.8);
    }

    @Test
    void shouldExpandASinglePositiveProbabilityColumn() throws InputException {
        EvaluationEncoder encoder = new EvaluationEncoder(text("y", "b", "a", "b"), "t.csv");
        ModelOutput model = output(text("prediction", "b", "a", "a"), ProbabilityTable.positiveClass(
                new double[] {0.75, 0.25, 0.5}));

        EvaluationData data = encoder.classification(Task.BINARY, model, "b", "the candidate");

        assertThat(data.probabilities()[1]).containsExactly(0.75, 0.25, 0.5);
        assertThat(data.probabilities()[0]).containsExactly(0.25, 0.75, 0.5);
    }

    @Test
    void shouldNameTheRowWithoutLabel() {
        EvaluationEncoder encoder = new EvaluationEncoder(text("y", "a", null, "b"), "t.csv");
        ModelOutput model = output(text("prediction", "a", "b", "b"), null);

        assertThatThrownBy(() -> encoder.classification(Task.BINARY, model, "b", "the candidate"))
                .hasMessageContaining("column 'y' of t.csv has no label at row 2");
    }

    @Test
    void shouldRefuseAnUnknownPositiveLabel() {
        EvaluationEncoder encoder = new EvaluationEncoder(text("y", "a", "b"), "t.csv");
        ModelOutput model = output(text("prediction", "a", "b"), null);

        assertThatThrownBy(() -> encoder.positiveLabel("c", List.of(model)))
                .hasMessageContaining("Positive label 'c' does not occur").hasMessageContaining("[a, b]");
    }

    @Test
    void shouldRefuseABinaryTaskWithThreeLabels() {
        EvaluationEncoder encoder = new EvaluationEncoder(text("y", "a", "b", "c"), "t.csv");
        ModelOutput model = output(text("prediction", "a", "b", "c"), null);

        assertThatThrownBy(() -> encoder.classification(Task.BINARY, model, "c", "the candidate"))
                .hasMessageContaining("binary").hasMessageContaining("3 labels").hasMessageContaining("--task");
    }

    @Test
    void shouldInferTheTask() {
        NumericColumn integers = new NumericColumn("y", new double[] {0, 1, 2, 1});
        ModelOutput integral = new ModelOutput(new NumericColumn("prediction", new double[] {0, 1, 2, 2}),
                Optional.empty(), List.of());
        ModelOutput fractional = new ModelOutput(new NumericColumn("prediction", new double[] {0.2, 1, 2, 2}),
                Optional.empty(), List.of());

        assertThat(new EvaluationEncoder(integers, "t.csv").task(null, integral, Optional.empty()))
                .isEqualTo(Task.MULTICLASS);
        assertThat(new EvaluationEncoder(integers, "t.csv").task(null, fractional, Optional.empty()))
                .isEqualTo(Task.REGRESSION);
        assertThat(new EvaluationEncoder(integers, "t.csv").task(Task.REGRESSION, integral, Optional.empty()))
                .isEqualTo(Task.REGRESSION);
    }
}
