package io.mlgitops.compliance.security;

import io.mlgitops.inference.OnnxExternalData;

import java.util.List;
import java.util.Objects;

/**
 * One model file, or one pickle inside a zip archive, as scanned.
 *
 * @param file         the path relative to the model folder, with {@code :entry} for an entry of a zip archive
 * @param kind         what it was read as: {@code pickle}, {@code zlib pickle}, {@code npy}, {@code onnx}, ...
 * @param imports      the imports its pickles make, each once, in order
 * @param externalData the external-data tensors of an ONNX model
 * @param problem      why it could not be scanned to its end; empty when it was
 */
record ScannedArtifact(String file, String kind, List<PickleGlobal> imports,
        List<OnnxExternalData.Tensor> externalData, String problem) {
    ScannedArtifact {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        imports = List.copyOf(imports);
        externalData = List.copyOf(externalData);
        Objects.requireNonNull(problem, "problem");
    }

    static ScannedArtifact pickles(final String file, final String kind, final PickleScan scan) {
        return new ScannedArtifact(file, kind, scan.imports(), List.of(), scan.problem());
    }

    static ScannedArtifact onnx(final String file, final List<OnnxExternalData.Tensor> tensors) {
        return new ScannedArtifact(file, "onnx", List.of(), tensors, "");
    }

    static ScannedArtifact unscannable(final String file, final String kind, final String problem) {
        return new ScannedArtifact(file, kind, List.of(), List.of(), problem);
    }

    /** A file that holds no pickle (a numeric .npy array, a zip archive without pickles). */
    static ScannedArtifact clean(final String file, final String kind) {
        return new ScannedArtifact(file, kind, List.of(), List.of(), "");
    }
}
