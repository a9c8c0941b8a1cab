package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;

import java.util.List;
import java.util.Locale;

/**
 * Checks that a path names a file inside the repository: relative, forward slashes, no empty, {@code .} or
 * {@code ..} segments, nothing under {@code .git}.
 */
final class RepositoryPaths {
    private RepositoryPaths() {
    }

    /** The path's segments. */
    static List<String> segments(final String path) throws InputException {
        if (path == null || path.isEmpty()) {
            throw invalid(String.valueOf(path), "it is empty");
        }
        if (path.indexOf('\\') >= 0) {
            throw invalid(path, "use forward slashes");
        }
        if (path.indexOf('\0') >= 0) {
            throw invalid(path, "it contains a NUL character");
        }
        if (path.startsWith("/")) {
            throw invalid(path, "it must be relative to the repository root");
        }
        List<String> segments = List.of(path.split("/", -1));
        for (String segment : segments) {
            if (segment.isEmpty() || ".".equals(segment) || "..".equals(segment)) {
                throw invalid(path, "it has an empty, '.' or '..' segment");
            }
            if (".git".equals(segment.toLowerCase(Locale.ROOT))) {
                throw invalid(path, "files under .git cannot be edited");
            }
        }
        return segments;
    }

    private static InputException invalid(final String path, final String reason) {
        return new InputException("The repository path '" + path + "' is not a file path inside the repository ("
                + reason + "): write it relative to the repository root, like environments/staging/values.yaml.");
    }
}
