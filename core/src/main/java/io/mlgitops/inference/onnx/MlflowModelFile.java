package io.mlgitops.inference.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an MLflow {@code MLmodel} file that running an ONNX model needs, read as a plain YAML tree (no
 * types are instantiated from the document).
 *
 * @param onnxData the ONNX file named by {@code flavors.onnx.data}, relative to the model directory
 * @param details  {@code mlflow.run_id} and {@code mlflow.model_uuid} when the file has them
 */
record MlflowModelFile(String onnxData, Map<String, String> details) {
    static final String FILE_NAME = "MLmodel";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    MlflowModelFile {
        details = Map.copyOf(details);
    }

    static MlflowModelFile read(final Path file) throws InputException {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        }
        catch (IOException failure) {
            String reason = String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
            throw new InputException(String.format("%s is not a readable MLmodel YAML file (%s). Check the MLflow "
                    + "model directory.", file, reason), failure);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(file + " is not an MLmodel file (expected a YAML mapping with 'flavors'). "
                    + "Check the MLflow model directory.");
        }
        JsonNode onnx = root.path("flavors").path("onnx");
        if (!onnx.isObject()) {
            throw new InputException(String.format("%s has no onnx flavor (flavors: %s). Log the model with "
                    + "mlflow.onnx.log_model, or give its predictions as predictions:FILE.", file,
                    flavorNames(root.path("flavors"))));
        }
        JsonNode data = onnx.path("data");
        if (!data.isTextual() || data.asText().isBlank()) {
            throw new InputException(file + ": flavors.onnx has no 'data' entry naming the ONNX file. Save the "
                    + "model again with mlflow.onnx.save_model or log_model.");
        }
        Map<String, String> details = new LinkedHashMap<>();
        for (String key : List.of("run_id", "model_uuid")) {
            JsonNode value = root.path(key);
            if (value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                details.put("mlflow." + key, value.asText());
            }
        }
        return new MlflowModelFile(data.asText(), details);
    }

    private static String flavorNames(final JsonNode flavors) {
        List<String> names = new ArrayList<>();
        flavors.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
