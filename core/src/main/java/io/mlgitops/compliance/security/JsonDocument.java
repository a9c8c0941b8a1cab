package io.mlgitops.compliance.security;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.mlgitops.api.errors.InputException;

/** A JSON input file read as a tree: typed access to its fields, each error naming the JSON path of the field. */
abstract class JsonDocument {
    /** The error for a malformed field: names the file and the JSON path, and says what to do. */
    abstract InputException invalid(String jsonPath, String problem);

    /** Where a JSON syntax error is, as {@code " at line 3, column 14"}; empty when the parser does not say. */
    static String position(final JsonProcessingException failure) {
        JsonLocation where = failure.getLocation();
        return where == null ? "" : String.format(" at line %d, column %d", where.getLineNr(), where.getColumnNr());
    }

    /** A text field, trimmed; empty when absent or null. */
    String text(final JsonNode node, final String field, final String jsonPath) throws InputException {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (!value.isValueNode()) {
            throw invalid(join(jsonPath, field), "must be a text, got " + abbreviate(value));
        }
        return value.asText().trim();
    }

    /** A list field; an empty list when absent or null. */
    JsonNode list(final JsonNode node, final String field, final String jsonPath) throws InputException {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            throw invalid(join(jsonPath, field), "must be a list, got " + abbreviate(value));
        }
        return value;
    }

    /** An object field; a missing node when absent or null. */
    JsonNode object(final JsonNode node, final String field, final String jsonPath) throws InputException {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return MissingNode.getInstance();
        }
        if (!value.isObject()) {
            throw invalid(join(jsonPath, field), "must be an object, got " + abbreviate(value));
        }
        return value;
    }

    static String join(final String jsonPath, final String field) {
        return jsonPath.isEmpty() ? field : jsonPath + "." + field;
    }

    private static String abbreviate(final JsonNode value) {
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
