package io.mlgitops.inference.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;
import io.mlgitops.inference.BatchTiming;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.inference.ProbabilityTable;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.testing.LocalHttpServer;
import io.mlgitops.testing.LocalHttpServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Request and answer shapes of the MLflow scoring server (as observed on MLflow 3.17.2) and of the Open Inference
 * Protocol (KServe V2 REST), served by an in-process server.
 */
class HttpModelRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 2,
            Duration.ofMillis(1), Duration.ofMillis(2));

    private final LocalHttpServer server = LocalHttpServer.start();
    private final List<String> warnings = new ArrayList<>();
    private final ProgressListener progress = new ProgressListener() {
        @Override
        public void info(final String line) {
            // not checked
        }

        @Override
        public void warn(final String line) {
            warnings.add(line);
        }
    };

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** x: 0.1, 0.9, 0.6, 0.2, 0.7; n: 1..5; color: red, blue, red, (missing), blue; y: target. */
    private static Dataset dataset() {
        return new Dataset("test.csv", "0".repeat(64), List.of(
                new NumericColumn("x", new double[] {0.1, 0.9, 0.6, 0.2, 0.7}),
                new NumericColumn("n", new double[] {1, 2, 3, 4, 5}),
                new TextColumn("color", "test.csv", new int[] {0, 1, 0, -1, 1}, new String[] {"red", "blue"}),
                new NumericColumn("y", new double[] {0, 1, 1, 0, 1})));
    }

    private ModelRunner runner(final String path) throws InputException {
        URI endpoint = server.uri(path);
        return HttpModelRunner.create(endpoint, "http:" + endpoint,
                new HttpExecutor(FAST, HttpModelRunner.UNREACHABLE_HINT, wait -> { }, new SplittableRandom(1)),
                name -> Optional.empty());
    }

    private ModelOutput predict(final String path, final List<String> features, final int batchSize)
            throws Exception {
        try (ModelRunner runner = runner(path)) {
            return runner.predict(dataset(), new PredictionRequest("y", features, batchSize, 0), progress);
        }
    }

    private static JsonNode json(final String text) throws IOException {
        return JSON.readTree(text);
    }

    private static Response answer(final JsonNode body) {
        return Response.json(200, body.toString());
    }

    // ---- Open Inference Protocol

    private void serveOpenInference(final String metadata, final Function<JsonNode, JsonNode> infer) {
        server.on("/v2/models/churn/infer", request -> answer(infer.apply(json(request.body()))))
                .on("/v2/models/churn", request -> Response.json(200, metadata));
    }

    @Test
    void shouldPackFeaturesIntoOneOpenInferenceTensor() throws Exception {
        serveOpenInference("{\"name\": \"churn\", \"versions\": [\"1\"], \"platform\": \"onnxruntime_onnx\", "
                + "\"inputs\": [{\"name\": \"input\", \"datatype\": \"FP32\", \"shape\": [-1, 2]}], "
                + "\"outputs\": [{\"name\": \"label\", \"datatype\": \"INT64\", \"shape\": [-1]}]}", request -> {
                    JsonNode input = request.path("inputs").get(0);
                    int rows = input.path("shape").get(0).asInt();
                    ObjectNode response = JSON.createObjectNode().put("model_name", "churn").put("id", "1");
                    ArrayNode outputs = response.putArray("outputs");
                    ObjectNode label = outputs.addObject().put("name", "label").put("datatype", "INT64");
                    label.putArray("shape").add(rows);
                    ObjectNode probabilities = outputs.addObject().put("name", "probabilities")
                            .put("datatype", "FP32");
                    probabilities.putArray("shape").add(rows).add(2);
                    for (int row = 0; row < rows; row++) {
                        double x = input.path("data").get(2 * row).asDouble();
                        label.withArray("data").add(x > 0.5 ? 1 : 0);
                        probabilities.withArray("data").add(1 - x).add(x);
                    }
                    return response;
                });

        ModelOutput output = predict("/v2/models/churn/infer", List.of("x", "n"), 2);

        assertThat(server.requests()).extracting(LocalHttpServer.Request::pathAndQuery).containsExactly(
                "/v2/models/churn", "/v2/models/churn/infer", "/v2/models/churn/infer", "/v2/models/churn/infer");
        assertThat(json(server.requests().get(1).body())).isEqualTo(json("{\"inputs\": [{\"name\": \"input\", "
                + "\"shape\": [2, 2], \"datatype\": \"FP32\", \"data\": [0.1, 1.0, 0.9, 2.0]}]}"));
        assertThat(output.predictions()).isInstanceOf(NumericColumn.class);
        assertThat(output.predictions().toDoubles()).containsExactly(0, 1, 1, 0, 1);
        ProbabilityTable table = output.probabilities().orElseThrow();
        assertThat(table.classLabels()).containsExactly("0", "1");
        assertThat(table.column(1)).containsExactly(0.1, 0.9, 0.6, 0.2, 0.7);
        assertThat(output.timings()).extracting(BatchTiming::rows).containsExactly(2, 2, 1);
    }

    @Test
    void shouldSendOneOpenInferenceInputPerColumnWithTheModelsDatatypes() throws Exception {
        serveOpenInference("{\"name\": \"churn\", \"inputs\": [{\"name\": \"color\", \"datatype\": \"BYTES\", "
                + "\"shape\": [-1, 1]}, {\"name\": \"n\", \"datatype\": \"INT64\", \"shape\": [-1]}]}", request -> {
                    JsonNode colors = request.path("inputs").get(0).path("data");
                    ObjectNode response = JSON.createObjectNode();
                    ObjectNode label = response.putArray("outputs").addObject().put("name", "predict")
                            .put("datatype", "BYTES");
                    label.putArray("shape").add(colors.size()).add(1);
                    colors.forEach(color -> label.withArray("data").add("red".equals(color.asText()) ? "stop" : "go"));
                    return response;
                });
        Dataset complete = new Dataset("t.csv", "0".repeat(64), List.of(
                new TextColumn("color", "t.csv", new int[] {0, 1, 0}, new String[] {"red", "blue"}),
                new NumericColumn("n", new double[] {3, 4, 5})));

        ModelOutput output;
        try (ModelRunner runner = runner("/v2/models/churn")) {
            output = runner.predict(complete, PredictionRequest.forTarget(null), progress);
            assertThat(runner.description().details()).containsEntry("protocol", "open-inference-v2")
                    .containsEntry("inputs", "one per column");
        }

        assertThat(json(server.requests().get(1).body())).isEqualTo(json("{\"inputs\": ["
                + "{\"name\": \"color\", \"shape\": [3, 1], \"datatype\": \"BYTES\", \"data\": [\"red\", \"blue\", "
                + "\"red\"]}, {\"name\": \"n\", \"shape\": [3], \"datatype\": \"INT64\", \"data\": [3, 4, 5]}]}"));
        assertThat(output.predictions()).isInstanceOf(TextColumn.class);
        assertThat(List.of(output.predictions().text(0), output.predictions().text(1), output.predictions().text(2)))
                .containsExactly("stop", "go", "stop");
        assertThat(output.probabilities()).isEmpty();
    }

    @Test
    void shouldRefuseMissingValuesInOpenInferenceTensors() {
        serveOpenInference("{\"name\": \"churn\", \"inputs\": [{\"name\": \"color\", \"datatype\": \"BYTES\", "
                + "\"shape\": [-1, 1]}]}", request -> JSON.createObjectNode());

        assertThatThrownBy(() -> predict("/v2/models/churn", List.of("color"), 10))
                .isInstanceOf(InputException.class)
                .hasMessage("Column 'color', row 4 is missing, but Open Inference Protocol tensors cannot carry "
                        + "missing values (input 'color' of %s). Impute or drop those rows first.",
                        server.uri("/v2/models/churn"));
    }

    @Test
    void shouldRefuseAPackedInputOfAnotherWidth() {
        serveOpenInference("{\"name\": \"churn\", \"inputs\": [{\"name\": \"input\", \"datatype\": \"FP32\", "
                + "\"shape\": [-1, 3]}]}", request -> JSON.createObjectNode());

        assertThatThrownBy(() -> predict("/v2/models/churn/infer", List.of("x", "n"), 10))
                .isInstanceOf(InputException.class)
                .hasMessage("%s input 'input' takes 3 values per row, but 2 feature columns were given (x, n). "
                        + "Choose the features with the features option.", server.uri("/v2/models/churn"));
    }

    // ---- MLflow scoring server

    @Test
    void shouldSendDataFrameSplitAndReadMlflowRecords() throws Exception {
        server.on("/invocations", request -> {
            JsonNode rows = json(request.body()).path("dataframe_split").path("data");
            ArrayNode predictions = JSON.createArrayNode();
            rows.forEach(row -> {
                double x = row.get(0).asDouble();
                ObjectNode record = predictions.addObject().put("output_label", x > 0.5 ? 1 : 0);
                record.putObject("output_probability").put("0", 1 - x).put("1", x);
            });
            return answer(JSON.createObjectNode().set("predictions", predictions));
        });

        ModelOutput output = predict("/invocations", List.of(), 3);

        assertThat(json(server.requests().get(1).body())).isEqualTo(json("{\"dataframe_split\": {\"columns\": "
                + "[\"x\", \"n\", \"color\"], \"data\": [[0.2, 4, null], [0.7, 5, \"blue\"]]}}"));
        assertThat(output.predictions().toDoubles()).containsExactly(0, 1, 1, 0, 1);
        ProbabilityTable table = output.probabilities().orElseThrow();
        assertThat(table.classLabels()).containsExactly("0", "1");
        assertThat(table.column(0)).containsExactly(1 - 0.1, 1 - 0.9, 1 - 0.6, 1 - 0.2, 1 - 0.7);
    }

    @Test
    void shouldSwitchToTensorInputsWhenTheModelRejectsADataFrame() throws Exception {
        server.on("/invocations", request -> {
            JsonNode body = json(request.body());
            if (body.has("dataframe_split")) {
                return Response.json(400, "{\"error_code\": \"INVALID_PARAMETER_VALUE\", \"message\": \"Model is "
                        + "missing inputs ['input'].\"}");
            }
            ObjectNode predictions = JSON.createObjectNode();
            body.path("inputs").forEach(row -> {
                double x = row.get(0).asDouble();
                predictions.withArray("label").add(x > 0.5 ? 1 : 0);
                predictions.withArray("probabilities").addArray().add(1 - x).add(x);
            });
            return answer(JSON.createObjectNode().set("predictions", predictions));
        });

        ModelOutput output;
        try (ModelRunner runner = runner("/invocations")) {
            output = runner.predict(dataset(), new PredictionRequest("y", List.of("x", "n"), 3, 0), progress);
            assertThat(runner.description().details()).containsEntry("payload", "inputs");
        }

        assertThat(server.requests()).extracting(request -> json(request.body()).fieldNames().next())
                .containsExactly("dataframe_split", "inputs", "inputs");
        assertThat(json(server.requests().get(2).body())).isEqualTo(json("{\"inputs\": [[0.2, 4], [0.7, 5]]}"));
        assertThat(output.predictions().toDoubles()).containsExactly(0, 1, 1, 0, 1);
        assertThat(output.probabilities().orElseThrow().column(1)).containsExactly(0.1, 0.9, 0.6, 0.2, 0.7);
    }

    @Test
    void shouldReadPlainValuesAndPythonsNaN() throws Exception {
        server.on("/score/invocations", request -> Response.json(200, json(request.body()).path("dataframe_split")
                .path("data").size() == 3 ? "{\"predictions\": [1.5, 2.5, NaN]}" : "[{\"variable\": 4.5}, "
                + "{\"variable\": 5.5}]"));

        ModelOutput output = predict("/score/invocations", List.of(), 3);

        assertThat(output.predictions().toDoubles()).containsExactly(1.5, 2.5, Double.NaN, 4.5, 5.5);
        assertThat(output.probabilities()).isEmpty();
    }

    @Test
    void shouldReportTheServersMessageForAClientError() {
        server.on("/invocations", request -> Response.json(400, "{\"error_code\": \"BAD_REQUEST\", \"message\": "
                + "\"Incompatible input types for column color.\", \"stack_trace\": \"Traceback\"}"));

        assertThatThrownBy(() -> predict("/invocations", List.of(), 2))
                .isInstanceOf(InputException.class)
                .hasMessage("%s answered HTTP 400 to rows 1-2: BAD_REQUEST: Incompatible input types for column "
                        + "color.. Check that the endpoint serves this model and that the data has the columns it "
                        + "expects.", server.uri("/invocations"));
        assertThat(server.requests()).as("text features: no tensor retry").hasSize(1);
    }

    @Test
    void shouldNameTheUrlAndTheExpectedAnswerWhenItIsNotJson() {
        server.on("/invocations", request -> new Response(200, "<html>login</html>", Map.of()));

        assertThatThrownBy(() -> predict("/invocations", List.of(), 10))
                .isInstanceOf(InputException.class)
                .hasMessage("%s answered rows 1-5 with something that is not JSON ('<html>login</html>'); expected "
                        + "{\"predictions\": [...]} from an MLflow scoring server.", server.uri("/invocations"));
    }

    @Test
    void shouldRequireOnePredictionPerRow() {
        server.on("/invocations", request -> Response.json(200, "{\"predictions\": [1]}"));

        assertThatThrownBy(() -> predict("/invocations", List.of(), 10))
                .isInstanceOf(InputException.class)
                .hasMessage("%s (rows 1-5) returned 1 values in output 'predictions' for 5 rows; the server must "
                        + "answer one per row.", server.uri("/invocations"));
    }

    @Test
    void shouldDropNamelessProbabilitiesOfTextLabelsWithAWarning() throws Exception {
        server.on("/invocations", request -> Response.json(200, "{\"predictions\": {\"label\": [\"a\", \"b\", "
                + "\"a\", \"a\", \"b\"], \"probabilities\": [[0.9, 0.1], [0.2, 0.8], [0.7, 0.3], [0.6, 0.4], "
                + "[0.1, 0.9]]}}"));

        ModelOutput output = predict("/invocations", List.of(), 10);

        assertThat(output.predictions().text(1)).isEqualTo("b");
        assertThat(output.probabilities()).isEmpty();
        assertThat(warnings).singleElement().asString().contains("without class names");
    }

    @Test
    void shouldRejectUrlsOfNeitherProtocol() {
        assertThatThrownBy(() -> runner("/predict"))
                .isInstanceOf(InputException.class)
                .hasMessage("Cannot tell the protocol of %s: the path must end with /invocations (MLflow scoring "
                        + "server) or /v2/models/NAME[/infer] (Open Inference Protocol).", server.uri("/predict"));
    }
}
