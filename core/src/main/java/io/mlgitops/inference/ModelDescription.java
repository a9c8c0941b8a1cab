package io.mlgitops.inference;

import io.mlgitops.data.FileDigest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a runner runs, for the report's {@code subject} and {@code inputs}.
 *
 * @param reference the reference as the user wrote it ({@code onnx:model.onnx}, {@code models:/churn@champion})
 * @param kind      {@code onnx}, {@code predictions}, {@code mlflow} or {@code http}
 * @param files     the files read, with their digests (empty for remote models)
 * @param details   facts worth recording: resolved registry version, run id, ONNX input and output names, URL
 */
public record ModelDescription(String reference, String kind, List<FileDigest> files, Map<String, String> details) {
    public ModelDescription {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(kind, "kind");
        files = List.copyOf(files);
        details = Map.copyOf(details);
    }
}
