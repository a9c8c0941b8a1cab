package io.jenkins.plugins.mlgitops.steps.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * Resolves the paths a step is given against the build's workspace, as {@code sh} and {@code readFile} do: a relative
 * path names a file in the workspace, an absolute path stays as it is.
 */
public final class WorkspacePaths {
    /** Model references whose rest is a file path (DESIGN §4); the others name a registry or a URL. */
    private static final List<String> FILE_REFERENCES = List.of("onnx:", "predictions:");

    private WorkspacePaths() {
    }

    /** The path in the workspace, or {@code null} for a missing or blank value. */
    public static Path file(final Path workspace, final String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return workspace.resolve(value.trim()).normalize();
    }

    /**
     * A model reference with its file resolved against the workspace: {@code onnx:models/m.onnx} becomes
     * {@code onnx:/workspace/models/m.onnx}; {@code models:/...} and {@code http:...} references stay as they are.
     */
    public static String modelReference(final Path workspace, final String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String trimmed = reference.trim();
        for (String scheme : FILE_REFERENCES) {
            if (trimmed.startsWith(scheme) && trimmed.length() > scheme.length()) {
                return scheme + file(workspace, trimmed.substring(scheme.length()));
            }
        }
        return trimmed;
    }
}
