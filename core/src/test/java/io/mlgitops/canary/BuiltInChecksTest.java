package io.mlgitops.canary;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.Template;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuiltInChecksTest {
    private static final Map<String, String> PLACEHOLDERS = Map.of("namespace", "ml", "stable", "churn-v1",
            "canary", "churn-v2", "target", "churn-v2", "interval", "60s");

    @Test
    void shouldFindEveryBuiltInCheckByName() throws InputException {
        assertThat(BuiltInChecks.names()).containsExactly("request-success-rate", "request-duration",
                "model-accuracy", "data-drift-score", "prediction-confidence");
        for (String name : BuiltInChecks.names()) {
            MetricQuery query = BuiltInChecks.byName(name);
            assertThat(query.name()).isEqualTo(name);
            assertThat(BuiltInChecks.isBuiltIn(query)).isTrue();
        }
    }

    @Test
    void shouldListTheKnownChecksForAnUnknownName() {
        assertThatThrownBy(() -> BuiltInChecks.byName("success-rate"))
                .isInstanceOf(InputException.class)
                .hasMessage("Unknown check 'success-rate'. Built-in checks: request-success-rate, request-duration, "
                        + "model-accuracy, data-drift-score, prediction-confidence. Name one of them, or define the "
                        + "check with its own PromQL (a value and a samples query).");
        assertThat(BuiltInChecks.find("success-rate")).isEmpty();
    }

    @Test
    void shouldNotTakeAChangedQueryForTheBuiltIn() throws InputException {
        MetricQuery builtIn = BuiltInChecks.byName(BuiltInChecks.MODEL_ACCURACY);

        assertThat(BuiltInChecks.isBuiltIn(new MetricQuery(builtIn.name(), "vector(1)", builtIn.samplesQuery())))
                .isFalse();
    }

    @Test
    void shouldRenderIstioQueriesLikeFlaggersBuiltIns() throws InputException {
        String successRate = Template.render(BuiltInChecks.byName(BuiltInChecks.REQUEST_SUCCESS_RATE).valueQuery(),
                PLACEHOLDERS);
        String duration = Template.render(BuiltInChecks.byName(BuiltInChecks.REQUEST_DURATION_P99).valueQuery(),
                PLACEHOLDERS);

        String selector = "{reporter=\"destination\",destination_workload_namespace=\"ml\","
                + "destination_workload=\"churn-v2\"";
        assertThat(successRate).isEqualTo("100 * (1 - (sum(rate(istio_requests_total" + selector
                + ",response_code=~\"5.*\"}[60s])) or vector(0)) / sum(rate(istio_requests_total" + selector
                + "}[60s])))");
        assertThat(duration).isEqualTo("histogram_quantile(0.99, sum by (le) (rate("
                + "istio_request_duration_milliseconds_bucket" + selector + "}[60s])))");
    }

    @Test
    void shouldRenderTheModelChecksOverTheDocumentedNames() throws InputException {
        String selector = "{destination_workload_namespace=\"ml\",destination_workload=\"churn-v2\"}[60s]";

        assertThat(render(BuiltInChecks.MODEL_ACCURACY)).isEqualTo(
                "sum(rate(mlgitops_model_predictions_correct_total" + selector + ")) / "
                        + "sum(rate(mlgitops_model_predictions_labelled_total" + selector + "))");
        assertThat(render(BuiltInChecks.PREDICTION_CONFIDENCE)).isEqualTo(
                "sum(rate(mlgitops_model_prediction_confidence_sum" + selector + ")) / "
                        + "sum(rate(mlgitops_model_prediction_confidence_count" + selector + "))");
        assertThat(render(BuiltInChecks.DATA_DRIFT_SCORE))
                .isEqualTo("max(avg_over_time(mlgitops_model_drift_score" + selector + "))");
        assertThat(Template.render(BuiltInChecks.byName(BuiltInChecks.MODEL_ACCURACY).samplesQuery(),
                PLACEHOLDERS)).isEqualTo("sum(increase(mlgitops_model_predictions_labelled_total" + selector + "))");
    }

    private static String render(final String check) throws InputException {
        return Template.render(BuiltInChecks.byName(check).valueQuery(), PLACEHOLDERS);
    }
}
