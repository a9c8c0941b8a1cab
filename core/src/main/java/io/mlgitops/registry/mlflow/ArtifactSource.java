package io.mlgitops.registry.mlflow;

import io.mlgitops.api.errors.InputException;

import java.net.URI;
import java.util.List;

/**
 * The files of one model version as a server endpoint offers them: a listing per folder and a URL per file. Paths
 * are relative to the model folder, with {@code /} as separator; the empty path is the model folder itself.
 */
interface ArtifactSource {
    /** The folder's entries. */
    List<ArtifactEntry> list(String folder) throws InputException;

    /** Where to download a file. */
    URI file(String path);

    /** How the files are reached, for messages. */
    String describe();
}
