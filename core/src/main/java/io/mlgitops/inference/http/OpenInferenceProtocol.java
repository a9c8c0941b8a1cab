package io.mlgitops.inference.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Open Inference Protocol (KServe V2; also Triton and MLServer): {@code GET .../v2/models/NAME} for the model's
 * inputs, {@code POST .../v2/models/NAME/infer} for predictions.
 *
 * <p>When the model has several inputs, each named like a feature column, each column is sent as its own input
 * (shape {@code [rows, 1]}, or {@code [rows]} for inputs of rank 1). A model with one input gets the feature columns
 * packed into it (shape {@code [rows, features]}). Data types come from the model's metadata: {@code FP16},
 * {@code FP32}, {@code FP64} numbers, {@code INT*}/{@code UINT*} whole numbers, {@code BOOL}, {@code BYTES} text.
 * Tensors cannot carry missing values.</p>
 */
final class OpenInferenceProtocol implements InferenceProtocol {
    private static final Pattern MODEL_PATH = Pattern.compile("(.*/v2/models/[^/]+(?:/versions/[^/]+)?)(?:/infer)?/?");
    private static final String EXPECTED = "{\"outputs\": [{\"name\", \"shape\", \"datatype\", \"data\"}]} "
            + "(Open Inference Protocol)";

    private final URI modelUrl;
    private final Transport transport;
    private final List<Input> inputs = new ArrayList<>();
    private boolean packed;

    /** One tensor of a request: a model input and the columns that fill it. */
    private record Input(String name, String datatype, boolean rankOne, List<Column> columns) {
    }

    /**
     * @param modelUrl  {@code .../v2/models/NAME} or {@code .../v2/models/NAME/versions/VERSION}
     * @param transport the connection
     */
    OpenInferenceProtocol(final URI modelUrl, final Transport transport) {
        this.modelUrl = modelUrl;
        this.transport = transport;
    }

    @Override
    public void prepare(final Dataset dataset, final List<Column> features) throws InputException {
        JsonNode metadata = transport.requireJson(transport.get(modelUrl), "the model metadata request",
                "{\"name\", \"inputs\": [{\"name\", \"datatype\", \"shape\"}]} (Open Inference Protocol)");
        JsonNode declared = metadata.path("inputs");
        if (!declared.isArray() || declared.isEmpty()) {
            throw new InputException(String.format("%s describes no inputs; cannot tell how to send the data.",
                    Urls.redact(modelUrl)));
        }
        inputs.clear();
        List<String> names = new ArrayList<>();
        declared.forEach(input -> names.add(input.path("name").asText()));
        boolean namedLikeColumns = names.stream()
                .allMatch(name -> features.stream().anyMatch(column -> column.name().equals(name)));
        packed = !namedLikeColumns || names.size() == 1 && features.size() > 1;
        if (packed && declared.size() != 1) {
            throw new InputException(String.format("%s has inputs %s: neither one packed input nor one input per "
                    + "column of %s (columns: %s). Rename the columns to match the inputs.", Urls.redact(modelUrl),
                    names, dataset.source(), String.join(", ", dataset.columnNames())));
        }
        for (JsonNode input : declared) {
            String name = input.path("name").asText();
            List<Column> columns = packed ? features : List.of(dataset.column(name));
            inputs.add(new Input(name, input.path("datatype").asText("FP32").toUpperCase(Locale.ROOT),
                    input.path("shape").size() == 1, columns));
            requireWidth(input, columns);
        }
    }

    private void requireWidth(final JsonNode input, final List<Column> columns) throws InputException {
        JsonNode shape = input.path("shape");
        long width = shape.size() == 2 ? shape.get(1).asLong(-1) : -1;
        if (width > 0 && width != columns.size()) {
            throw new InputException(String.format("%s input '%s' takes %d values per row, but %d feature columns "
                    + "were given (%s). Choose the features with the features option.", Urls.redact(modelUrl),
                    input.path("name").asText(), width, columns.size(),
                    columns.stream().map(Column::name).collect(Collectors.joining(", "))));
        }
    }

    @Override
    public List<NamedOutput> predict(final int from, final int to, final String rows) throws InputException {
        URI infer = URI.create(modelUrl + "/infer");
        JsonNode answer = transport.requireJson(transport.post(infer, encode(from, to)), rows, EXPECTED);
        JsonNode outputs = answer.path("outputs");
        if (!outputs.isArray()) {
            throw new InputException(String.format("%s answered %s without an 'outputs' list; expected %s.",
                    Urls.redact(infer), rows, EXPECTED));
        }
        List<NamedOutput> named = new ArrayList<>();
        for (JsonNode output : outputs) {
            named.add(toRows(output, Urls.redact(infer) + " (" + rows + ")"));
        }
        return named;
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("protocol", "open-inference-v2");
        details.put("url", Urls.redact(modelUrl));
        if (!inputs.isEmpty()) {
            details.put("inputs", packed ? "packed" : "one per column");
        }
        return details;
    }

    private byte[] encode(final int from, final int to) throws InputException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = Transport.JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeArrayFieldStart("inputs");
            for (Input input : inputs) {
                json.writeStartObject();
                json.writeStringField("name", input.name());
                json.writeArrayFieldStart("shape");
                json.writeNumber(to - from);
                if (!input.rankOne()) {
                    json.writeNumber(input.columns().size());
                }
                json.writeEndArray();
                json.writeStringField("datatype", input.datatype());
                json.writeArrayFieldStart("data");
                for (int row = from; row < to; row++) {
                    for (Column column : input.columns()) {
                        writeElement(json, input, column, row);
                    }
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private void writeElement(final JsonGenerator json, final Input input, final Column column, final int row)
            throws IOException, InputException {
        if (column.isMissing(row)) {
            throw new InputException(String.format("Column '%s', row %d is missing, but Open Inference Protocol "
                    + "tensors cannot carry missing values (input '%s' of %s). Impute or drop those rows first.",
                    column.name(), row + 1, input.name(), Urls.redact(modelUrl)));
        }
        String type = input.datatype();
        if ("BYTES".equals(type)) {
            json.writeString(column.text(row));
            return;
        }
        if (!(column instanceof NumericColumn numeric)) {
            throw new InputException(String.format("Column '%s' holds text ('%s' in row %d), but input '%s' of %s "
                    + "takes %s numbers.", column.name(), column.text(row), row + 1, input.name(),
                    Urls.redact(modelUrl), type));
        }
        double value = numeric.get(row);
        if ("BOOL".equals(type)) {
            json.writeBoolean(value != 0);
        }
        else if (type.startsWith("FP")) {
            json.writeNumber(value);
        }
        else if (value == Math.rint(value)) {
            json.writeNumber((long) value);
        }
        else {
            throw new InputException(String.format("Column '%s', row %d holds %s, but input '%s' of %s takes whole "
                    + "numbers (%s).", column.name(), row + 1, value, input.name(), Urls.redact(modelUrl), type));
        }
    }

    /** Splits an output tensor into rows: a scalar per row for shape [n] or [n, 1], an array per row for [n, k]. */
    private static NamedOutput toRows(final JsonNode output, final String where) throws InputException {
        String name = output.path("name").asText("output");
        List<JsonNode> flat = new ArrayList<>();
        flatten(output.path("data"), flat);
        JsonNode shape = output.path("shape");
        long rows = shape.size() > 0 ? shape.get(0).asLong(-1) : flat.size();
        long width = 1;
        for (int axis = 1; axis < shape.size(); axis++) {
            width *= shape.get(axis).asLong(-1);
        }
        if (rows < 0 || width < 1 || rows * width != flat.size()) {
            throw new InputException(String.format("%s returned output '%s' with shape %s but %d values; expected "
                    + "%s.", where, name, shape, flat.size(), EXPECTED));
        }
        List<JsonNode> values = new ArrayList<>((int) rows);
        for (int row = 0; row < rows; row++) {
            if (width == 1) {
                values.add(flat.get(row));
            }
            else {
                ArrayNode vector = Transport.JSON.createArrayNode();
                for (int k = 0; k < width; k++) {
                    vector.add(flat.get((int) (row * width + k)));
                }
                values.add(vector);
            }
        }
        return new NamedOutput(name, values);
    }

    private static void flatten(final JsonNode data, final List<JsonNode> into) {
        if (data.isArray()) {
            data.forEach(element -> flatten(element, into));
        }
        else if (!data.isMissingNode()) {
            into.add(data);
        }
    }

    /** The model URL of an inference URL: {@code .../v2/models/NAME[/versions/V]} without {@code /infer}. */
    static Optional<URI> modelUrl(final URI endpoint) {
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        Matcher matcher = MODEL_PATH.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + matcher.group(1)));
    }
}
