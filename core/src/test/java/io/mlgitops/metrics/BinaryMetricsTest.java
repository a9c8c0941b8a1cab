package io.mlgitops.metrics;

import io.mlgitops.testing.ReferenceVectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BinaryMetricsTest {
    private static final double TOLERANCE = 1e-12;

    @ParameterizedTest
    @CsvSource({"p_champion, champion", "p_candidate, candidate"})
    void shouldMatchScikitLearnOnTheReferenceSet(final String probabilities, final String model) throws Exception {
        EvaluationData data = ReferenceData.binary(probabilities);

        assertThat(ReferenceData.value("accuracy_score", data))
                .isEqualTo(ReferenceVectors.number("binary", model, "accuracy"));
        assertThat(ReferenceData.value("precision_score", data))
                .isEqualTo(ReferenceVectors.number("binary", model, "precision"));
        assertThat(ReferenceData.value("recall_score", data))
                .isEqualTo(ReferenceVectors.number("binary", model, "recall"));
        assertThat(ReferenceData.value("f1_score", data))
                .isEqualTo(ReferenceVectors.number("binary", model, "f1"));
        assertThat(ReferenceData.value("roc_auc", data))
                .isCloseTo(ReferenceVectors.number("binary", model, "roc_auc"), within(TOLERANCE));
        assertThat(ReferenceData.value("log_loss", data))
                .isCloseTo(ReferenceVectors.number("binary", model, "log_loss"), within(TOLERANCE));
        assertThat(ReferenceData.value("example_count", data)).isEqualTo(200.0);
    }

    @ParameterizedTest
    @CsvSource({"p_champion, champion", "p_candidate, candidate"})
    void shouldCountTheConfusionMatrixCells(final String probabilities, final String model) throws Exception {
        EvaluationData data = ReferenceData.binary(probabilities);
        int[] cells = ReferenceVectors.ints("binary", model, "confusion_tn_fp_fn_tp");

        assertThat(ReferenceData.value("true_negatives", data)).isEqualTo(cells[0]);
        assertThat(ReferenceData.value("false_positives", data)).isEqualTo(cells[1]);
        assertThat(ReferenceData.value("false_negatives", data)).isEqualTo(cells[2]);
        assertThat(ReferenceData.value("true_positives", data)).isEqualTo(cells[3]);
    }

    @ParameterizedTest
    @CsvSource({"0", "1"})
    void shouldComputeAveragePrecisionWithTheStepFormula(final int positiveClass) throws Exception {
        // scikit-learn's docstring example: average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.8333...,
        // and average_precision_score([0, 0, 1, 1], [0.9, 0.6, 0.65, 0.2], pos_label=0) gives the same.
        double[] scoreOfOne = {0.1, 0.4, 0.35, 0.8};
        double[] scoreOfZero = {0.9, 0.6, 0.65, 0.2};
        EvaluationData data = EvaluationData.classification(ReferenceData.BINARY_LABELS, positiveClass,
                new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 1}, new double[][] {scoreOfZero, scoreOfOne});

        assertThat(ReferenceData.value("precision_recall_auc", data)).isEqualTo(0.8333333333333333);
    }

    @ParameterizedTest
    @CsvSource({"p_champion", "p_candidate"})
    void shouldTreatThePositiveClassAsTheOneScored(final String probabilities) throws Exception {
        EvaluationData positiveOne = ReferenceData.binary(probabilities);
        EvaluationData positiveZero = EvaluationData.classification(positiveOne.labels(), 0, positiveOne.yTrue(),
                positiveOne.yPred(), positiveOne.probabilities());

        assertThat(ReferenceData.value("roc_auc", positiveZero))
                .isCloseTo(ReferenceData.value("roc_auc", positiveOne), within(TOLERANCE));
        assertThat(ReferenceData.value("true_positives", positiveZero))
                .isEqualTo(ReferenceData.value("true_negatives", positiveOne));
        assertThat(ReferenceData.value("precision_score", positiveZero))
                .isNotEqualTo(ReferenceData.value("precision_score", positiveOne));
    }
}
