package io.mlgitops.metrics;

import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricCatalogTest {
    @Test
    void shouldListMlflowsDefaultMetricsPerTask() {
        assertThat(names(MetricCatalog.defaults(Task.BINARY))).containsExactly("example_count", "accuracy_score",
                "precision_score", "recall_score", "f1_score", "log_loss", "roc_auc", "precision_recall_auc",
                "true_positives", "false_positives", "true_negatives", "false_negatives");
        assertThat(names(MetricCatalog.defaults(Task.MULTICLASS))).containsExactly("example_count", "accuracy_score",
                "precision_score", "recall_score", "f1_score", "log_loss", "roc_auc");
        assertThat(names(MetricCatalog.defaults(Task.REGRESSION))).containsExactly("example_count",
                "mean_absolute_error", "mean_squared_error", "root_mean_squared_error", "r2_score", "max_error",
                "mean_absolute_percentage_error");
    }

    @Test
    void shouldDropProbabilityMetricsForModelsWithoutProbabilities() {
        assertThat(names(MetricCatalog.defaults(Task.BINARY, false)))
                .doesNotContain("log_loss", "roc_auc", "precision_recall_auc")
                .contains("accuracy_score", "true_negatives");
        assertThat(MetricCatalog.defaults(Task.MULTICLASS, true)).isEqualTo(MetricCatalog.defaults(Task.MULTICLASS));
    }

    @Test
    void shouldMarkCountsAsDescriptive() {
        for (Metric metric : MetricCatalog.defaults(Task.BINARY)) {
            boolean count = metric.name().endsWith("_positives") || metric.name().endsWith("_negatives")
                    || metric.name().equals("example_count");
            assertThat(metric.direction() == Direction.NONE).as(metric.name()).isEqualTo(count);
        }
        assertThat(MetricCatalog.byName("log_loss").orElseThrow().direction()).isEqualTo(Direction.LOWER_IS_BETTER);
    }

    @ParameterizedTest
    @CsvSource({
            "accuracy, BINARY, accuracy_score",
            "precision, BINARY, precision_score",
            "recall, MULTICLASS, recall_score",
            "f1, BINARY, f1_score",
            "f1_weighted, MULTICLASS, f1_weighted",
            "precision_macro, BINARY, precision_macro",
            "recall_micro, MULTICLASS, recall_micro",
            "roc_auc, BINARY, roc_auc",
            "roc_auc_ovr_weighted, MULTICLASS, roc_auc",
            "average_precision, BINARY, precision_recall_auc",
            "neg_log_loss, MULTICLASS, log_loss",
            "neg_mean_absolute_error, REGRESSION, mean_absolute_error",
            "neg_mean_squared_error, REGRESSION, mean_squared_error",
            "neg_root_mean_squared_error, REGRESSION, root_mean_squared_error",
            "neg_mean_absolute_percentage_error, REGRESSION, mean_absolute_percentage_error",
            "neg_max_error, REGRESSION, max_error",
            "max_error, REGRESSION, max_error",
            "r2, REGRESSION, r2_score",
            "R2_Score, REGRESSION, r2_score"})
    void shouldResolveScorerNamesToTheCanonicalMetric(final String alias, final Task task, final String canonical)
            throws InputException {
        assertThat(MetricCatalog.resolve(alias, task).name()).isEqualTo(canonical);
    }

    @Test
    void shouldReportNegatedAliasesWithTheNaturalSign() throws Exception {
        EvaluationData data = ReferenceData.regressionReference();

        assertThat(MetricCatalog.resolve("neg_mean_absolute_error", Task.REGRESSION).prepare(data).value())
                .isPositive()
                .isEqualTo(ReferenceData.value("mean_absolute_error", data));
        assertThat(MetricCatalog.resolve("neg_mean_absolute_error", Task.REGRESSION).direction())
                .isEqualTo(Direction.LOWER_IS_BETTER);
    }

    @Test
    void shouldListTheKnownNamesForAnUnknownMetric() {
        assertThatThrownBy(() -> MetricCatalog.resolve("balanced_accuracy", Task.BINARY))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("Unknown metric 'balanced_accuracy'; metrics for binary classification: "
                        + "example_count, accuracy_score, precision_score")
                .hasMessageContaining("false_negatives")
                .hasMessageContaining("neg_log_loss");
    }

    @Test
    void shouldRejectAMetricOfAnotherTask() {
        assertThatThrownBy(() -> MetricCatalog.resolve("roc_auc", Task.REGRESSION))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("Metric 'roc_auc' does not apply to regression; use one of: example_count, "
                        + "mean_absolute_error");
        assertThatThrownBy(() -> MetricCatalog.resolve("true_positives", Task.MULTICLASS))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("does not apply to multiclass classification");
    }

    @Test
    void shouldOfferTheExtraAveragesForClassification() {
        assertThat(MetricCatalog.names(Task.MULTICLASS)).contains("precision_macro", "precision_micro",
                "precision_weighted", "recall_macro", "recall_micro", "recall_weighted", "f1_macro", "f1_micro",
                "f1_weighted");
        assertThat(MetricCatalog.byName("f1_weighted")).isPresent();
        assertThat(MetricCatalog.byName("neg_log_loss")).isEmpty();
    }

    private static List<String> names(final List<Metric> metrics) {
        return metrics.stream().map(Metric::name).collect(Collectors.toList());
    }
}
