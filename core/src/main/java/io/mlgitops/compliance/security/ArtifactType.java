package io.mlgitops.compliance.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Which model files are scanned, by their extension. */
enum ArtifactType {
    /**
     * Files that are loaded with pickle, joblib or numpy whatever their content: always scanned, as a zip archive,
     * an .npy array, a zlib or gzip compressed pickle, or a plain pickle (MLflow's {@code model.pkl} and
     * {@code python_model.pkl} among them).
     */
    PICKLE(Set.of("pkl", "pickle", "joblib", "dill", "npy", "npz")),
    /**
     * PyTorch checkpoints and generic data files: scanned when they are a zip archive, start like a pickle of
     * protocol 2 or later (legacy PyTorch files do) or parse as a pickle of protocol 0 or 1; other content, such as
     * raw tensor data, is skipped.
     */
    SNIFFED(Set.of("pt", "pth", "bin", "ckpt", "dat", "data")),
    /** ONNX models, whose external-data locations are checked. */
    ONNX(Set.of("onnx"));

    private final Set<String> extensions;

    ArtifactType(final Set<String> extensions) {
        this.extensions = extensions;
    }

    static Optional<ArtifactType> of(final String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ArtifactType type : values()) {
            if (type.extensions.contains(extension)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
