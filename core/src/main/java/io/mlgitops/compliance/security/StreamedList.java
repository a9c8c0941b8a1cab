package io.mlgitops.compliance.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;

import java.io.IOException;

/** Reads a JSON list one element at a time, so that a report of any size is never held whole in memory. */
final class StreamedList {
    /** Handles one element of the list. */
    @FunctionalInterface
    interface ElementReader {
        void read(JsonNode element, String jsonPath) throws InputException;
    }

    private StreamedList() {
    }

    /** Reads the list the parser is on (null counts as empty), handing each object element to {@code reader}. */
    static void forEach(final JsonParser parser, final ReportFile file, final String name, final ElementReader reader)
            throws IOException, InputException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw file.invalid(name, "must be a list");
        }
        int index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            String path = name + "[" + index++ + "]";
            if (token != JsonToken.START_OBJECT) {
                throw file.invalid(path, "must be an object");
            }
            JsonNode element = parser.readValueAsTree();
            reader.read(element, path);
        }
    }
}
