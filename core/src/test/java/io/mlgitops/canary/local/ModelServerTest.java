package io.mlgitops.canary.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.canary.Faults;
import io.mlgitops.canary.Variant;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The model server's HTTP protocol, on champion.onnx. */
class ModelServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ModelRunner champion;
    private static Dataset rows;

    private ModelServer server;

    @BeforeAll
    static void openModel() throws MlGitOpsException {
        champion = Churn.runner("champion");
        rows = Churn.rows();
    }

    @AfterAll
    static void closeModel() {
        champion.close();
    }

    @BeforeEach
    void startServer() throws MlGitOpsException {
        server = ModelServer.start(new ServerLabels(Variant.STABLE, "local", "churn-stable", "churn", "1"), champion,
                PredictionRequest.forTarget(null), Optional.empty());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private HttpResponse<String> post(final String body) {
        return Churn.post(server.uri("/invocations"), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldAnswerWhatOnnxRuntimePredictedForTheRow() throws Exception {
        Dataset expected = Churn.predictions("champion");

        for (int row = 0; row < 5; row++) {
            JsonNode answer = JSON.readTree(Churn.post(server.uri("/invocations"), rows, row).body());

            assertThat(answer.path("predictions").get(0).asDouble())
                    .isEqualTo(((NumericColumn) expected.column("prediction")).get(row));
            assertThat(answer.path("probabilities").get(0).get(1).asDouble())
                    .isCloseTo(((NumericColumn) expected.column("probability_1")).get(row), within(1e-7));
        }
        MetricsSnapshot counted = server.snapshot(Instant.EPOCH);
        assertThat(counted.requests()).containsEntry(200, 5L);
        assertThat(counted.predictions()).isEqualTo(5);
        assertThat(counted.labelled()).isEqualTo(5);
    }

    @Test
    void shouldPredictSeveralRowsWithoutLabels() throws Exception {
        String body = "{\"dataframe_split\": {\"columns\": [\"gender\", \"age_band\", \"senior_citizen\", \"region\", "
                + "\"tenure_months\", \"contract\", \"payment_method\", \"internet_service\", \"paperless_billing\", "
                + "\"monthly_charges\", \"total_charges\", \"support_calls\"], \"data\": ["
                + "[\"Male\", \"60+\", 1, \"eu\", 12, \"Two year\", \"Bank transfer (automatic)\", \"Fiber optic\", "
                + "\"Yes\", 74.3, 875.04, 4], "
                + "[\"Female\", \"18-29\", 0, \"eu\", 15, \"One year\", \"Electronic check\", \"DSL\", \"Yes\", 35.11, "
                + "495.56, 0]]}}";

        HttpResponse<String> answer = post(body);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("predictions")).hasSize(2);
        assertThat(server.snapshot(Instant.EPOCH).labelled()).isZero();
    }

    @Test
    void shouldAnswerBadRequestsWithWhatIsWrong() {
        HttpResponse<String> notJson = post("rows please");
        HttpResponse<String> noFrame = post("{\"inputs\": [[1, 2]]}");
        HttpResponse<String> ragged = post("{\"dataframe_split\": {\"columns\": [\"a\", \"b\"], \"data\": [[1]]}}");
        HttpResponse<String> labels = post("{\"dataframe_split\": {\"columns\": [\"a\"], \"data\": [[1]]}, "
                + "\"labels\": [1, 0]}");
        HttpResponse<String> wrongColumns = post("{\"dataframe_split\": {\"columns\": [\"a\"], \"data\": [[1]]}}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("The request body is not JSON");
        assertThat(noFrame.body()).contains("The request has no dataframe_split with columns and data. Send "
                + "{\\\"dataframe_split\\\"");
        assertThat(ragged.body()).contains("Row 1 of the request has 1 values, but there are 2 columns.");
        assertThat(labels.body()).contains("The request's labels must be a list of one label per row (1)");
        assertThat(wrongColumns.statusCode()).isEqualTo(400);
        assertThat(wrongColumns.body()).contains("onnx:champion").contains("Name the columns like the model's "
                + "inputs.");
        assertThat(server.snapshot(Instant.EPOCH).requests()).containsEntry(400, 5L);
    }

    @Test
    void shouldRefuseOtherMethods() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.uri("/invocations")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(405);
    }

    @Test
    void shouldFailTheInjectedShareOfRequestsAndCountThem() throws Exception {
        server.inject(Faults.errors(0.1));
        int failed = 0;
        for (int row = 0; row < 50; row++) {
            HttpResponse<String> answer = Churn.post(server.uri("/invocations"), rows, row);
            failed += answer.statusCode() == 500 ? 1 : 0;
        }

        assertThat(failed).isEqualTo(5);
        assertThat(server.snapshot(Instant.EPOCH).requests()).containsEntry(500, 5L).containsEntry(200, 45L);
        assertThat(server.snapshot(Instant.EPOCH).predictions()).isEqualTo(45);
    }

    @Test
    void shouldServeMetricsInTheTextFormat() throws Exception {
        Churn.post(server.uri("/invocations"), rows, 0);
        URI metrics = server.uri("/metrics");

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.headers().firstValue("Content-Type")).contains(Exposition.CONTENT_TYPE);
        assertThat(answer.body()).contains("mlgitops_model_predictions_total{destination_workload_namespace="
                + "\"local\",destination_workload=\"churn-stable\",variant=\"stable\",model=\"churn\","
                + "version=\"1\"} 1\n");
    }
}
