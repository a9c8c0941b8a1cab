package io.mlgitops.data;

import java.util.Objects;

/**
 * A file that an evaluation read, with its size and SHA-256, so that a report proves what it was computed from.
 *
 * @param path   the path as given by the user (or relative to a model directory)
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param bytes  the file size
 */
public record FileDigest(String path, String sha256, long bytes) {
    public FileDigest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }
}
