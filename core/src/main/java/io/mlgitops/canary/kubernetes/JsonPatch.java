package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/** Operations of an RFC 6902 JSON Patch, the form of every change the routers make. */
final class JsonPatch {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonPatch() {
    }

    /** Sets a member of an object, whether it exists or not. */
    static ObjectNode add(final String pointer, final JsonNode value) {
        return NODES.objectNode().put("op", "add").put("path", pointer).set("value", value);
    }

    static ObjectNode add(final String pointer, final int value) {
        return add(pointer, NODES.numberNode(value));
    }

    static ObjectNode remove(final String pointer) {
        return NODES.objectNode().put("op", "remove").put("path", pointer);
    }

    /**
     * Makes the patch apply only to this version of the object: the API server refuses it with HTTP 409 when the
     * object changed since.
     */
    static ObjectNode precondition(final String resourceVersion) {
        return NODES.objectNode().put("op", "replace").put("path", "/metadata/resourceVersion")
                .put("value", resourceVersion);
    }

    /** The value of an annotation, empty when absent. */
    static Optional<String> annotation(final JsonNode object, final String key) {
        JsonNode value = object.path("metadata").path("annotations").path(key);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** Sets an annotation, creating {@code metadata.annotations} when the object has none. */
    static ObjectNode setAnnotation(final JsonNode object, final String key, final String value) {
        if (!object.path("metadata").path("annotations").isObject()) {
            return add("/metadata/annotations", NODES.objectNode().put(key, value));
        }
        return add(annotationPointer(key), NODES.textNode(value));
    }

    static ObjectNode removeAnnotation(final String key) {
        return remove(annotationPointer(key));
    }

    static String annotationPointer(final String key) {
        return "/metadata/annotations/" + Fields.escape(key);
    }
}
