package io.mlgitops.gitops.argocd;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Lenient reads of an application's JSON: a missing or non-scalar field reads as empty. */
final class JsonFields {
    private JsonFields() {
    }

    static String text(final JsonNode node) {
        return node.isValueNode() ? node.asText() : "";
    }

    /** The non-empty scalars of an array. */
    static List<String> texts(final JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> {
            if (!text(value).isEmpty()) {
                values.add(text(value));
            }
        });
        return values;
    }
}
