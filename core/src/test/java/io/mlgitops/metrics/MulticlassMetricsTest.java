package io.mlgitops.metrics;

import io.mlgitops.metrics.PrecisionRecallF.Average;
import io.mlgitops.metrics.PrecisionRecallF.Score;
import io.mlgitops.testing.ReferenceVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MulticlassMetricsTest {
    private static final double SKLEARN_OVR_WEIGHTED = 0.75625;
    /** Columns of the reference grid and the zero_division setting each stands for. */
    private static final String[][] ZERO_DIVISION_COLUMNS = {
            {"warn", "WARN"}, {"0.0", "ZERO"}, {"1.0", "ONE"}, {"nan", "NAN"}};

    static Stream<Arguments> grid() {
        List<Arguments> cases = new ArrayList<>();
        for (Average average : List.of(Average.MICRO, Average.MACRO, Average.WEIGHTED)) {
            for (String[] column : ZERO_DIVISION_COLUMNS) {
                for (Score score : Score.values()) {
                    cases.add(Arguments.of(average, ZeroDivision.valueOf(column[1]), column[0], score));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{3} {0} zero_division={2}")
    @MethodSource("grid")
    void shouldMatchTheZeroDivisionGrid(final Average average, final ZeroDivision zeroDivision, final String column,
            final Score score) throws Exception {
        String averageName = average.name().toLowerCase(Locale.ROOT);
        PrecisionRecallF metric = new PrecisionRecallF("test", score, average, zeroDivision);
        double expected = ReferenceVectors.number("multiclass", averageName + "_zd_" + column,
                score.name().toLowerCase(Locale.ROOT));

        assertThat(metric.prepare(ReferenceData.multiclassReference()).value()).isEqualTo(expected);
    }

    @Test
    void shouldUseWeightedAveragingForTheDefaultNamesAndMatchTheCatalogueNames() throws Exception {
        EvaluationData data = ReferenceData.multiclassReference();

        assertThat(ReferenceData.value("accuracy_score", data))
                .isEqualTo(ReferenceVectors.number("multiclass", "accuracy"));
        for (String score : List.of("precision", "recall", "f1")) {
            double weighted = ReferenceVectors.number("multiclass", "weighted_zd_warn", score);
            assertThat(ReferenceData.value(score + "_score", data)).isEqualTo(weighted);
            assertThat(ReferenceData.value(score + "_weighted", data)).isEqualTo(weighted);
            assertThat(ReferenceData.value(score + "_macro", data))
                    .isEqualTo(ReferenceVectors.number("multiclass", "macro_zd_warn", score));
            assertThat(ReferenceData.value(score + "_micro", data))
                    .isEqualTo(ReferenceVectors.number("multiclass", "micro_zd_warn", score));
        }
    }

    @Test
    void shouldGivePerClassPrecisionOfTheReference() throws Exception {
        EvaluationData data = ReferenceData.multiclassReference();
        double[] expected = ReferenceVectors.doubles("multiclass", "per_class_precision_zd0");
        ConfusionCounts counts = ConfusionCounts.of(data, null);

        for (int label = 0; label < expected.length; label++) {
            double precision = ZeroDivision.ZERO.divide(counts.truePositives(label), counts.predicted(label));
            assertThat(precision).as("class %d", label).isEqualTo(expected[label]);
        }
    }

    @Test
    void shouldIgnoreLabelsThatNeitherOccurNorArePredicted() throws Exception {
        EvaluationData reference = ReferenceData.multiclassReference();
        // 70 labels also take the counting path for label spaces too large for a confusion matrix
        for (int classes : new int[] {6, 70}) {
            EvaluationData withUnusedClasses = ReferenceData.classification(classes, reference.yTrue(),
                    reference.yPred());

            assertThat(ReferenceData.value("f1_macro", withUnusedClasses))
                    .isEqualTo(ReferenceVectors.number("multiclass", "macro_zd_warn", "f1"));
            assertThat(ReferenceData.value("precision_weighted", withUnusedClasses))
                    .isEqualTo(ReferenceVectors.number("multiclass", "weighted_zd_warn", "precision"));
            assertThat(ReferenceData.value("accuracy_score", withUnusedClasses))
                    .isEqualTo(ReferenceVectors.number("multiclass", "accuracy"));
        }
    }

    @Test
    void shouldAverageOneVsRestAucWithTheClassSupportAsWeights() throws Exception {
        int[] yTrue = {0, 1, 2, 0, 1, 2, 0, 2};
        double[][] probabilities = {
                {0.3, 0.2, 0.1, 0.5, 0.4, 0.2, 0.4, 0.5},
                {0.2, 0.5, 0.3, 0.25, 0.2, 0.3, 0.3, 0.1},
                {0.5, 0.3, 0.6, 0.25, 0.4, 0.5, 0.3, 0.4}};
        EvaluationData data = EvaluationData.classification(ClassLabels.sorted(List.of("0", "1", "2")), 2, yTrue,
                new int[] {0, 1, 2, 0, 1, 2, 0, 2}, probabilities);
        double expected = 0;
        for (int classIndex = 0; classIndex < 3; classIndex++) {
            EvaluationData oneVsRest = ReferenceData.binary(indicator(yTrue, classIndex), probabilities[classIndex]);
            expected += ReferenceData.value("roc_auc", oneVsRest) * count(yTrue, classIndex);
        }

        double value = ReferenceData.value("roc_auc", data);

        assertThat(value).isCloseTo(expected / yTrue.length, within(1e-15));
        // roc_auc_score(y, P, multi_class="ovr", average="weighted") with scikit-learn 1.9.1
        assertThat(value).isCloseTo(SKLEARN_OVR_WEIGHTED, within(1e-15));
    }

    private static int[] indicator(final int[] labels, final int positive) {
        int[] indicator = new int[labels.length];
        for (int row = 0; row < labels.length; row++) {
            indicator[row] = labels[row] == positive ? 1 : 0;
        }
        return indicator;
    }

    private static int count(final int[] labels, final int label) {
        int count = 0;
        for (int value : labels) {
            count += value == label ? 1 : 0;
        }
        return count;
    }
}
