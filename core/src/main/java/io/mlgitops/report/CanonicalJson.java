package io.mlgitops.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The canonical text of a JSON tree: object keys sorted recursively, no whitespace. Two trees with the same content
 * have the same canonical text, whatever order or indentation they were written with.
 */
final class CanonicalJson {
    private CanonicalJson() {
    }

    static String write(final ObjectMapper mapper, final JsonNode node) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = mapper.getFactory().createGenerator(text)) {
            write(node, generator);
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return text.toString();
    }

    private static void write(final JsonNode node, final JsonGenerator generator) throws IOException {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            generator.writeStartObject();
            for (Map.Entry<String, JsonNode> field : fields) {
                generator.writeFieldName(field.getKey());
                write(field.getValue(), generator);
            }
            generator.writeEndObject();
        }
        else if (node.isArray()) {
            generator.writeStartArray();
            for (Iterator<JsonNode> elements = node.elements(); elements.hasNext();) {
                write(elements.next(), generator);
            }
            generator.writeEndArray();
        }
        else {
            generator.writeTree(node);
        }
    }
}
