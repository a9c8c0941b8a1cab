package io.mlgitops.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.registry.ModelVersion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code model_version} object of MLflow's answers. Unknown fields are ignored; {@code version} is read as
 * text whether the server sends a string or a number.
 */
final class ModelVersionJson {
    private ModelVersionJson() {
    }

    /** The version in {@code {"model_version": {...}}}, or empty when the answer has none. */
    static Optional<ModelVersion> read(final JsonNode answer) {
        JsonNode node = answer.path("model_version");
        if (!node.isObject() || !node.path("name").isValueNode() || !node.path("version").isValueNode()) {
            return Optional.empty();
        }
        List<String> aliases = new ArrayList<>();
        node.path("aliases").forEach(alias -> aliases.add(alias.asText()));
        Map<String, String> tags = new LinkedHashMap<>();
        node.path("tags").forEach(tag -> tags.put(tag.path("key").asText(), tag.path("value").asText("")));
        return Optional.of(new ModelVersion(node.get("name").asText(), node.get("version").asText(),
                node.path("source").asText(""), node.path("run_id").asText(""), node.path("status").asText(""),
                aliases, tags, node.path("creation_timestamp").asLong(0),
                node.path("current_stage").asText("")));
    }
}
