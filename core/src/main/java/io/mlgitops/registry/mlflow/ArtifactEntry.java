package io.mlgitops.registry.mlflow;

/**
 * One entry of an artifact listing, as the server sent it.
 *
 * @param path      the entry's path: a base name, or a path that starts with the listed folder
 * @param directory whether the entry is a folder
 * @param size      the file size in bytes, or {@code -1} when the server did not say
 */
record ArtifactEntry(String path, boolean directory, long size) {
}
