package io.mlgitops.registry.mlflow;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.net.Urls;
import io.mlgitops.registry.ModelVersion;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files that the tracking server reads from its artifact store on the client's behalf, for servers without the
 * artifact proxy: listing through the logged model ({@code models:/m-...} sources of MLflow 3) or the run, files
 * from {@code GET /model-versions/get-artifact?name=&version=&path=}.
 */
final class RegistryArtifacts implements ArtifactSource {
    private final MlflowApi api;
    private final ModelVersion version;
    private final String listingPath;
    private final Map<String, String> listingQuery;
    private final String folderParameter;
    private final String prefix;

    private RegistryArtifacts(final MlflowApi api, final ModelVersion version, final String listingPath,
            final Map<String, String> listingQuery, final String folderParameter, final String prefix) {
        this.api = api;
        this.version = version;
        this.listingPath = listingPath;
        this.listingQuery = listingQuery;
        this.folderParameter = folderParameter;
        this.prefix = prefix;
    }

    /** A version whose source is the MLflow 3 logged model {@code modelId}. */
    static RegistryArtifacts loggedModel(final MlflowApi api, final ModelVersion version, final String modelId) {
        return new RegistryArtifacts(api, version, "/api/2.0/mlflow/logged-models/" + modelId
                + "/artifacts/directories", Urls.query(), "artifact_directory_path", "");
    }

    /** A version whose files are the folder {@code pathInRun} of its run's artifacts. */
    static RegistryArtifacts run(final MlflowApi api, final ModelVersion version, final String pathInRun) {
        return new RegistryArtifacts(api, version, "/api/2.0/mlflow/artifacts/list", Urls.query("run_id",
                version.runId()), "path", pathInRun);
    }

    @Override
    public List<ArtifactEntry> list(final String folder) throws InputException {
        String listed = prefix.isEmpty() ? folder : folder.isEmpty() ? prefix : prefix + "/" + folder;
        Map<String, String> query = new LinkedHashMap<>(listingQuery);
        if (!listed.isEmpty()) {
            query.put(folderParameter, listed);
        }
        List<ArtifactEntry> entries = ArtifactListings.list(api, listingPath, query, describe() + " folder '"
                + folder + "'");
        if (listed.isEmpty()) {
            return entries;
        }
        String strip = listed + "/";
        return entries.stream()
                .map(entry -> entry.path().startsWith(strip)
                        ? new ArtifactEntry(entry.path().substring(strip.length()), entry.directory(), entry.size())
                        : entry)
                .toList();
    }

    @Override
    public URI file(final String path) {
        return api.url("/model-versions/get-artifact", Urls.query("name", version.name(), "version", version.version(),
                "path", path));
    }

    @Override
    public String describe() {
        return "the model-version artifacts of " + api.server() + " (" + version.uri() + ")";
    }
}
