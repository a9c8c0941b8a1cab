package io.mlgitops.metrics;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.testing.ReferenceVectors;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The edge cases of the reference vectors and the errors for data a metric is not defined on. */
class EdgeCaseTest {
    @Test
    void shouldRejectAucWhenTheTargetHasOneClassAndNameTheClass() {
        EvaluationData data = ReferenceData.binary(new int[] {1, 1, 1}, new double[] {0.2, 0.6, 0.9});

        assertThat(ReferenceVectors.at("edge_cases", "roc_auc_single_class").asText()).isEqualTo("nan");
        assertThatThrownBy(() -> new RocAuc().prepare(data))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("only one class ('1')")
                .hasMessageContaining("AUC needs rows of both the positive and the negative class");
    }

    @Test
    void shouldRejectProbabilityMetricsWithoutProbabilities() {
        EvaluationData data = ReferenceData.classification(2, new int[] {0, 1}, new int[] {0, 0});

        for (Metric metric : new Metric[] {new LogLoss(), new RocAuc(), new AveragePrecision()}) {
            assertThat(metric.needsProbabilities()).isTrue();
            assertThatThrownBy(() -> metric.prepare(data))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("'" + metric.name() + "' needs predicted probabilities, but the model gave none")
                    .hasMessageContaining("predict_proba")
                    .hasMessageContaining("'probability_<class>' column");
        }
    }

    @Test
    void shouldGiveZeroPrecisionWithoutPositivePredictions() throws Exception {
        EvaluationData data = ReferenceData.classification(2, new int[] {0, 1, 1}, new int[] {0, 0, 0});

        assertThat(ReferenceData.value("precision_score", data))
                .isEqualTo(ReferenceVectors.number("edge_cases", "precision_no_positive_predictions_zd_warn"));
    }

    @Test
    void shouldApplyZeroDivisionToF1WhenNothingIsPositive() throws Exception {
        EvaluationData data = ReferenceData.classification(2, new int[] {0, 0, 0}, new int[] {0, 0, 0});
        PrecisionRecallF one = new PrecisionRecallF("f1", PrecisionRecallF.Score.F1, PrecisionRecallF.Average.BINARY,
                ZeroDivision.ONE);

        assertThat(ReferenceData.value("f1_score", data))
                .isEqualTo(ReferenceVectors.number("edge_cases", "f1_all_negative_both_zd_warn"));
        assertThat(one.prepare(data).value())
                .isEqualTo(ReferenceVectors.number("edge_cases", "f1_all_negative_both_zd_1"));
    }

    @Test
    void shouldClipLogLossWithFloat64Epsilon() throws Exception {
        // log_loss([1, 0], [1.0, 1.0])
        EvaluationData data = ReferenceData.binary(new int[] {1, 0}, new double[] {1.0, 1.0});

        assertThat(LogLoss.EPS).isEqualTo(ReferenceVectors.number("edge_cases", "log_loss_eps_float64"));
        assertThat(ReferenceData.value("log_loss", data))
                .isEqualTo(ReferenceVectors.number("edge_cases", "log_loss_extreme_clip"));
    }

    @Test
    void shouldRejectProbabilitiesOutsideTheUnitIntervalForLogLoss() {
        EvaluationData data = ReferenceData.binary(new int[] {1, 0}, new double[] {0.5, 1.5});

        assertThatThrownBy(() -> new LogLoss().prepare(data))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("the probability of class '0' in data row 2 is -0.5")
                .hasMessageContaining("between 0 and 1");
    }

    @Test
    void shouldGiveOneHalfWhenAllScoresAreTied() throws Exception {
        EvaluationData data = ReferenceData.binary(new int[] {0, 1, 0, 1, 1}, new double[] {0.3, 0.3, 0.3, 0.3, 0.3});

        assertThat(ReferenceData.value("roc_auc", data))
                .isEqualTo(ReferenceVectors.number("edge_cases", "roc_auc_all_tied_scores"));
    }

    @Test
    void shouldForceR2ToBeFiniteForAConstantTarget() throws Exception {
        EvaluationData perfect = EvaluationData.regression(new double[] {2, 2, 2}, new double[] {2, 2, 2});
        EvaluationData imperfect = EvaluationData.regression(new double[] {2, 2, 2}, new double[] {2, 2, 3});

        assertThat(ReferenceData.value("r2_score", perfect))
                .isEqualTo(ReferenceVectors.number("edge_cases", "r2_constant_y_true_perfect"));
        assertThat(ReferenceData.value("r2_score", imperfect))
                .isEqualTo(ReferenceVectors.number("edge_cases", "r2_constant_y_true_imperfect"));
    }

    @Test
    void shouldFollowNumpyWhenTheMeanOfAConstantTargetIsInexact() throws Exception {
        // numpy: mean([0.1, 0.1, 0.1]) = 0.10000000000000002, so scikit-learn 1.9.1 gives
        // r2_score([0.1, 0.1, 0.1], [0.1, 0.1, 0.2]) = -1.7307656195116095e+31 instead of 0.0.
        EvaluationData data = EvaluationData.regression(new double[] {0.1, 0.1, 0.1}, new double[] {0.1, 0.1, 0.2});

        assertThat(ReferenceData.value("r2_score", data)).isEqualTo(-1.7307656195116095e+31);
    }

    @Test
    void shouldGiveNanForR2OnOneSample() throws Exception {
        EvaluationData data = EvaluationData.regression(new double[] {1.5}, new double[] {2.5});

        assertThat(ReferenceVectors.number("edge_cases", "r2_one_sample")).isNaN();
        assertThat(ReferenceData.value("r2_score", data)).isNaN();
    }

    @Test
    void shouldRejectMetricsOfTheWrongTask() {
        EvaluationData regression = ReferenceData.regressionReference();
        EvaluationData multiclass = ReferenceData.multiclassReference();

        assertThatThrownBy(() -> new Accuracy().prepare(regression))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'accuracy_score' applies to classification, but the task is regression");
        assertThatThrownBy(() -> new R2Score().prepare(multiclass))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'r2_score' applies to regression, but the task is multiclass classification "
                        + "with 4 classes [0, 1, 2, 3]");
        assertThatThrownBy(() -> new BinaryCount(BinaryCount.Cell.TRUE_POSITIVES).prepare(multiclass))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'true_positives' is defined for binary classification only");
    }

    @Test
    void shouldRejectNonFiniteRegressionValuesNamingTheRow() {
        EvaluationData data = EvaluationData.regression(new double[] {1, 2, 3}, new double[] {1, Double.NaN, 3});

        assertThatThrownBy(() -> new RegressionError(RegressionError.Loss.ABSOLUTE).prepare(data))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("the prediction in data row 2 is NaN");
    }

    @Test
    void shouldRejectMulticlassScoresThatAreNotProbabilities() {
        EvaluationData data = EvaluationData.classification(ClassLabels.sorted(List.of("a", "b", "c")), 0,
                new int[] {0, 1, 2}, new int[] {0, 1, 2},
                new double[][] {{0.5, 0.2, 0.2}, {0.3, 0.5, 0.2}, {0.2, 0.3, 0.7}});

        assertThatThrownBy(() -> new RocAuc().prepare(data))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("the class probabilities in data row 3 sum to 1.1")
                .hasMessageContaining("multiclass AUC needs probabilities");
    }
}
