package io.mlgitops.inference.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.net.Urls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MLflow scoring server ({@code mlflow models serve}, MLflow model containers): {@code POST .../invocations}.
 *
 * <p>Rows go as {@code {"dataframe_split": {"columns": [...], "data": [[...], ...]}}}, which models with a column
 * signature need. Models with a tensor signature (an ONNX model with one packed input) reject that with HTTP 400; then,
 * when every feature is numeric, the same rows are sent as {@code {"inputs": [[...], ...]}} and that format is kept for
 * the following batches. Answers: {@code {"predictions": ...}} holding a list of labels or values, a list of records,
 * or an object of named outputs.</p>
 */
final class PyfuncProtocol implements InferenceProtocol {
    private static final String EXPECTED = "{\"predictions\": [...]} from an MLflow scoring server";

    private enum Payload { DATAFRAME_SPLIT, INPUTS }

    private final URI url;
    private final Transport transport;
    private List<Column> features = List.of();
    private Payload payload;

    PyfuncProtocol(final URI url, final Transport transport) {
        this.url = url;
        this.transport = transport;
    }

    @Override
    public void prepare(final Dataset dataset, final List<Column> columns) {
        this.features = List.copyOf(columns);
    }

    @Override
    public List<NamedOutput> predict(final int from, final int to, final String rows) throws InputException {
        if (payload != null) {
            return decode(transport.requireJson(transport.post(url, encode(payload, from, to)), rows, EXPECTED),
                    rows);
        }
        Transport.Reply frame = transport.post(url, encode(Payload.DATAFRAME_SPLIT, from, to));
        if (frame.status() == 400 && features.stream().allMatch(NumericColumn.class::isInstance)) {
            Transport.Reply tensor = transport.post(url, encode(Payload.INPUTS, from, to));
            if (!tensor.ok()) {
                throw new InputException(String.format("%s rejected %s both as a data frame (HTTP 400: %s) and as a "
                        + "tensor (HTTP %d: %s). Check that the endpoint serves this model and that the data has the "
                        + "columns it expects.", Urls.redact(url), rows, frame.message(), tensor.status(),
                        tensor.message()));
            }
            payload = Payload.INPUTS;
            return decode(transport.requireJson(tensor, rows, EXPECTED), rows);
        }
        JsonNode answer = transport.requireJson(frame, rows, EXPECTED);
        payload = Payload.DATAFRAME_SPLIT;
        return decode(answer, rows);
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("protocol", "mlflow-pyfunc");
        details.put("url", Urls.redact(url));
        if (payload != null) {
            details.put("payload", payload == Payload.INPUTS ? "inputs" : "dataframe_split");
        }
        return details;
    }

    private byte[] encode(final Payload format, final int from, final int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = Transport.JSON.createGenerator(bytes)) {
            json.writeStartObject();
            if (format == Payload.INPUTS) {
                json.writeFieldName("inputs");
            }
            else {
                json.writeObjectFieldStart("dataframe_split");
                json.writeArrayFieldStart("columns");
                for (Column column : features) {
                    json.writeString(column.name());
                }
                json.writeEndArray();
                json.writeFieldName("data");
            }
            JsonRows.writeRows(json, features, from, to);
            if (format == Payload.DATAFRAME_SPLIT) {
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private List<NamedOutput> decode(final JsonNode answer, final String rows) throws InputException {
        JsonNode predictions = answer.isObject() ? answer.path("predictions") : answer;
        if (predictions.isArray()) {
            return predictions.size() > 0 && predictions.get(0).isObject()
                    ? records(predictions)
                    : List.of(new NamedOutput("predictions", elements(predictions)));
        }
        if (predictions.isObject()) {
            List<NamedOutput> outputs = new ArrayList<>();
            for (Map.Entry<String, JsonNode> output : predictions.properties()) {
                if (!output.getValue().isArray()) {
                    throw unexpected(rows, "output '" + output.getKey() + "' is not a list");
                }
                outputs.add(new NamedOutput(output.getKey(), elements(output.getValue())));
            }
            return outputs;
        }
        throw unexpected(rows, "there is no 'predictions' list or object");
    }

    /** Turns {@code [{"a": 1, "b": 2}, ...]} into the outputs {@code a} and {@code b}. */
    private static List<NamedOutput> records(final JsonNode records) {
        Map<String, List<JsonNode>> columns = new LinkedHashMap<>();
        for (int row = 0; row < records.size(); row++) {
            for (Map.Entry<String, JsonNode> field : records.get(row).properties()) {
                List<JsonNode> column = columns.computeIfAbsent(field.getKey(), name -> new ArrayList<>());
                while (column.size() < row) {
                    column.add(null);
                }
                column.add(field.getValue());
            }
        }
        List<NamedOutput> outputs = new ArrayList<>();
        columns.forEach((name, values) -> {
            while (values.size() < records.size()) {
                values.add(null);
            }
            outputs.add(new NamedOutput(name, values));
        });
        return outputs;
    }

    private static List<JsonNode> elements(final JsonNode array) {
        List<JsonNode> values = new ArrayList<>(array.size());
        array.forEach(values::add);
        return values;
    }

    private InputException unexpected(final String rows, final String problem) {
        return new InputException(String.format("%s answered %s in an unexpected shape: %s; expected %s.",
                Urls.redact(url), rows, problem, EXPECTED));
    }
}
