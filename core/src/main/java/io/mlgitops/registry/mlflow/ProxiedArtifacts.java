package io.mlgitops.registry.mlflow;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.net.Urls;

import java.net.URI;
import java.util.List;

/**
 * Files behind the tracking server's artifact proxy ({@code mlflow server --serve-artifacts}, the default): listing
 * with {@code GET /api/2.0/mlflow-artifacts/artifacts?path=}, files from
 * {@code GET /api/2.0/mlflow-artifacts/artifacts/<path>}.
 */
final class ProxiedArtifacts implements ArtifactSource {
    private static final String ENDPOINT = "/api/2.0/mlflow-artifacts/artifacts";

    private final MlflowApi api;
    private final String root;

    /**
     * @param api  the tracking server
     * @param root the model folder below the proxy's root: the path of a {@code mlflow-artifacts:/} URI, without
     *             leading or trailing slashes
     */
    ProxiedArtifacts(final MlflowApi api, final String root) {
        this.api = api;
        this.root = root;
    }

    @Override
    public List<ArtifactEntry> list(final String folder) throws InputException {
        String path = join(folder);
        return ArtifactListings.list(api, ENDPOINT, Urls.query("path", path), "mlflow-artifacts:/" + path);
    }

    @Override
    public URI file(final String path) {
        return api.url(ENDPOINT + "/" + Urls.encodePath(join(path)), Urls.query());
    }

    @Override
    public String describe() {
        return "the artifact proxy of " + api.server() + " (mlflow-artifacts:/" + root + ")";
    }

    private String join(final String relative) {
        return relative.isEmpty() ? root : root + "/" + relative;
    }
}
