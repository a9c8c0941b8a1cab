package io.mlgitops.inference.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One output of a model for the rows of a batch, whatever the protocol: per row a scalar (label or value), an array
 * of numbers (class probabilities) or an object (class name to probability).
 *
 * @param name the output's name ({@code predictions} when the server gave none)
 * @param rows one JSON value per row
 */
record NamedOutput(String name, List<JsonNode> rows) {
    enum Shape { SCALAR, VECTOR, MAP, EMPTY }

    /** The shape of the first non-null row; an array of one element counts as a scalar. */
    Shape shape() {
        for (JsonNode row : rows) {
            if (row == null || row.isNull()) {
                continue;
            }
            if (row.isObject()) {
                return Shape.MAP;
            }
            if (row.isArray()) {
                return row.size() == 1 ? Shape.SCALAR : Shape.VECTOR;
            }
            return Shape.SCALAR;
        }
        return Shape.EMPTY;
    }

    /** The scalar of a row: the value itself, or the only element of a one-element array. */
    static JsonNode scalar(final JsonNode row) {
        return row != null && row.isArray() && row.size() == 1 ? row.get(0) : row;
    }
}
