package io.mlgitops.canary.local;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;
import io.mlgitops.metrics.ClassLabels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a prediction request: MLflow's {@code dataframe_split} rows and, optionally, the true label of each
 * row for online accuracy: {@code {"dataframe_split": {"columns": [...], "data": [[...], ...]}, "labels": [...]}}.
 * A column is numeric when all its values are numbers or {@code null}, and text otherwise.
 *
 * @param rows   the rows as a data set
 * @param labels per row, the label in canonical text ({@link ClassLabels#canonical}), or {@code null}
 */
record RowsRequest(Dataset rows, String[] labels) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHAPE = "Send {\"dataframe_split\": {\"columns\": [...], \"data\": [[...], ...]}, "
            + "\"labels\": [...]} (labels optional).";

    /**
     * The body of a request for one row.
     *
     * @param features the columns to send
     * @param labels   the true labels, or {@code null} to send none
     */
    static byte[] body(final List<Column> features, final Column labels, final int row) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.getFactory().createGenerator(bytes)) {
            json.writeStartObject();
            json.writeObjectFieldStart("dataframe_split");
            json.writeArrayFieldStart("columns");
            for (Column column : features) {
                json.writeString(column.name());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("data");
            json.writeStartArray();
            for (Column column : features) {
                JsonCells.write(json, column, row);
            }
            json.writeEndArray();
            json.writeEndArray();
            json.writeEndObject();
            if (labels != null) {
                json.writeArrayFieldStart("labels");
                JsonCells.write(json, labels, row);
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** @throws InputException saying what is wrong with the body and what is expected */
    static RowsRequest parse(final byte[] body, final String source) throws InputException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        }
        catch (JsonProcessingException notJson) {
            throw new InputException("The request body is not JSON (" + notJson.getOriginalMessage() + "). " + SHAPE);
        }
        catch (IOException unreadable) {
            throw new InputException("The request body cannot be read (" + unreadable.getMessage() + ").");
        }
        JsonNode frame = root == null ? null : root.path("dataframe_split");
        if (frame == null || !frame.path("columns").isArray() || !frame.path("data").isArray()) {
            throw new InputException("The request has no dataframe_split with columns and data. " + SHAPE);
        }
        JsonNode data = frame.get("data");
        List<String> names = new ArrayList<>();
        frame.get("columns").forEach(name -> names.add(name.asText()));
        for (int row = 0; row < data.size(); row++) {
            if (!data.get(row).isArray() || data.get(row).size() != names.size()) {
                throw new InputException(String.format("Row %d of the request has %s values, but there are %d "
                        + "columns. " + SHAPE, row + 1, data.get(row).isArray() ? data.get(row).size() : "no list of",
                        names.size()));
            }
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        for (int index = 0; index < names.size(); index++) {
            if (columns.put(names.get(index), column(names.get(index), index, data, source)) != null) {
                throw new InputException("The request repeats column '" + names.get(index) + "'. " + SHAPE);
            }
        }
        return new RowsRequest(new Dataset(source, "", List.copyOf(columns.values())), labels(root.path("labels"),
                data.size()));
    }

    private static Column column(final String name, final int index, final JsonNode data, final String source) {
        int rows = data.size();
        boolean numeric = true;
        for (JsonNode row : data) {
            JsonNode cell = row.get(index);
            numeric &= cell.isNumber() || cell.isNull();
        }
        if (numeric) {
            double[] values = new double[rows];
            for (int row = 0; row < rows; row++) {
                JsonNode cell = data.get(row).get(index);
                values[row] = cell.isNull() ? Double.NaN : cell.asDouble();
            }
            return new NumericColumn(name, values);
        }
        Map<String, Integer> dictionary = new LinkedHashMap<>();
        int[] codes = new int[rows];
        for (int row = 0; row < rows; row++) {
            JsonNode cell = data.get(row).get(index);
            codes[row] = cell.isNull() ? -1 : dictionary.computeIfAbsent(cell.asText(), text -> dictionary.size());
        }
        return new TextColumn(name, source, codes, dictionary.keySet().toArray(String[]::new));
    }

    private static String[] labels(final JsonNode labels, final int rows) throws InputException {
        String[] texts = new String[rows];
        if (labels.isMissingNode() || labels.isNull()) {
            return texts;
        }
        if (!labels.isArray() || labels.size() != rows) {
            throw new InputException(String.format("The request's labels must be a list of one label per row (%d), "
                    + "null where unknown. " + SHAPE, rows));
        }
        for (int row = 0; row < rows; row++) {
            JsonNode label = labels.get(row);
            texts[row] = label.isNull() ? null
                    : label.isNumber() ? ClassLabels.canonical(label.asDouble()) : label.asText();
        }
        return texts;
    }
}
