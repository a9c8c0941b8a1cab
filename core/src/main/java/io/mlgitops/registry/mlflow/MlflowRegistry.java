package io.mlgitops.registry.mlflow;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.net.HttpCredentials;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.Urls;
import io.mlgitops.registry.AliasNotFoundException;
import io.mlgitops.registry.ModelRegistry;
import io.mlgitops.registry.ModelVersion;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MLflow model registry over its REST API (MLflow 2.x and 3.x).
 */
public final class MlflowRegistry implements ModelRegistry {
    private static final Pattern LOGGED_MODEL = Pattern.compile("models:/(m-[0-9A-Za-z]+)/?");
    private static final String PROXY_SCHEME = "mlflow-artifacts:";

    private final MlflowApi api;

    private MlflowRegistry(final MlflowApi api) {
        this.api = api;
    }

    /**
     * A client of the tracking server at {@code trackingUri}, authenticated with HTTP Basic from
     * {@code MLFLOW_TRACKING_USERNAME}/{@code MLFLOW_TRACKING_PASSWORD}, else with the bearer token
     * {@code MLFLOW_TRACKING_TOKEN}, else not at all.
     *
     * @throws InputException when the URI is not an http(s) URL without user information, or the credentials are
     *                        half set
     */
    public static MlflowRegistry create(final URI trackingUri, final SecretSource secrets,
            final HttpExecutor executor) throws InputException {
        String scheme = trackingUri.getScheme() == null ? "" : trackingUri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || trackingUri.getHost() == null) {
            throw new InputException(String.format("The MLflow tracking URI '%s' is not an http(s) URL. Set "
                    + "--mlflow-url or MLFLOW_TRACKING_URI to the server, e.g. http://127.0.0.1:5000.",
                    Urls.redact(trackingUri)));
        }
        if (trackingUri.getRawUserInfo() != null) {
            throw new InputException(String.format("The MLflow tracking URI %s carries credentials. Remove them "
                    + "from the URL and set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD instead.",
                    Urls.redact(trackingUri)));
        }
        HttpCredentials credentials = HttpCredentials.from(secrets, "MLFLOW_TRACKING_USERNAME",
                "MLFLOW_TRACKING_PASSWORD", "MLFLOW_TRACKING_TOKEN");
        return new MlflowRegistry(new MlflowApi(trackingUri, executor, credentials));
    }

    @Override
    public ModelVersion getVersion(final String name, final String version) throws MlGitOpsException {
        MlflowReply reply = api.get("/api/2.0/mlflow/model-versions/get", Urls.query("name", name, "version", version));
        if (reply.is(404, "RESOURCE_DOES_NOT_EXIST")) {
            requireModel(name);
            throw new InputException(String.format("Model '%s' has no version '%s' on MLflow server %s (%s). Check "
                    + "the version number in the MLflow UI.", name, version, api.server(), reply.message()));
        }
        return readVersion(reply, "models:/" + name + "/" + version);
    }

    @Override
    public ModelVersion getVersionByAlias(final String name, final String alias) throws MlGitOpsException {
        MlflowReply reply = api.get("/api/2.0/mlflow/registered-models/alias",
                Urls.query("name", name, "alias", alias));
        if (reply.is(400, "INVALID_PARAMETER_VALUE") && isMissingAlias(reply.message())) {
            throw new AliasNotFoundException(name, alias, String.format("Model '%s' has no alias '%s' on MLflow "
                    + "server %s: no version carries it yet. Set it in the MLflow UI or with "
                    + "MlflowClient.set_registered_model_alias.", name, alias, api.server()));
        }
        if (reply.is(404, "RESOURCE_DOES_NOT_EXIST")) {
            throw unknownModel(name, reply);
        }
        return readVersion(reply, "models:/" + name + "@" + alias);
    }

    @Override
    public Path download(final ModelVersion version, final Path cacheRoot) throws MlGitOpsException {
        if (!version.status().isEmpty() && !"READY".equals(version.status())) {
            throw new InputException(String.format("%s is %s, not READY, on MLflow server %s; its files may be "
                    + "incomplete. Wait for the registration to finish or pick another version.", version.uri(),
                    version.status(), api.server()));
        }
        MlflowReply reply = api.get("/api/2.0/mlflow/model-versions/get-download-uri",
                Urls.query("name", version.name(), "version", version.version()));
        if (!reply.ok()) {
            throw api.failure(reply, "the download location of " + version.uri());
        }
        String artifactUri = api.requireJson(reply).path("artifact_uri").asText("");
        Path target = cacheRoot.toAbsolutePath().normalize()
                .resolve(SafePaths.folderName(version.name()))
                .resolve(SafePaths.folderName(version.version()));
        String origin = api.server() + " " + version.uri() + " " + artifactUri;
        if (ModelDownloader.isComplete(target, origin)) {
            return target;
        }
        return new ModelDownloader(api).download(sourceOf(version, artifactUri), origin, target);
    }

    private ArtifactSource sourceOf(final ModelVersion version, final String artifactUri) throws InputException {
        if (artifactUri.startsWith(PROXY_SCHEME)) {
            return new ProxiedArtifacts(api, proxiedPath(artifactUri));
        }
        Matcher loggedModel = LOGGED_MODEL.matcher(version.source());
        if (loggedModel.matches()) {
            return RegistryArtifacts.loggedModel(api, version, loggedModel.group(1));
        }
        if (!version.runId().isEmpty()) {
            MlflowReply runRoot = api.get("/api/2.0/mlflow/artifacts/list", Urls.query("run_id", version.runId()));
            String root = runRoot.ok() ? api.requireJson(runRoot).path("root_uri").asText("") : "";
            if (!root.isEmpty() && artifactUri.startsWith(root + "/")) {
                return RegistryArtifacts.run(api, version, artifactUri.substring(root.length() + 1));
            }
        }
        throw new InputException(String.format("Cannot download %s: its files are at %s, which MLflow server %s "
                + "neither proxies nor can list through a logged model or run. Run the server with "
                + "--serve-artifacts (the default).", version.uri(), Urls.redact(artifactUri), api.server()));
    }

    /**
     * The path of a {@code mlflow-artifacts:/PATH} or {@code mlflow-artifacts://AUTHORITY/PATH} URI, as MLflow wrote
     * it (not decoded), without leading or trailing slashes. The files are always fetched from the tracking server.
     */
    private static String proxiedPath(final String artifactUri) {
        String rest = artifactUri.substring(PROXY_SCHEME.length());
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        return rest.replaceAll("^/+|/+$", "");
    }

    private void requireModel(final String name) throws InputException {
        MlflowReply model = api.get("/api/2.0/mlflow/registered-models/get", Urls.query("name", name));
        if (model.is(404, "RESOURCE_DOES_NOT_EXIST")) {
            throw unknownModel(name, model);
        }
    }

    private InputException unknownModel(final String name, final MlflowReply reply) {
        return new InputException(String.format("MLflow server %s has no registered model '%s' (%s). Check the name "
                + "(it is case-sensitive) and the server (--mlflow-url or MLFLOW_TRACKING_URI).", api.server(), name,
                reply.message()));
    }

    private ModelVersion readVersion(final MlflowReply reply, final String reference) throws InputException {
        if (!reply.ok()) {
            throw api.failure(reply, reference);
        }
        return ModelVersionJson.read(api.requireJson(reply)).orElseThrow(() -> new InputException(String.format(
                "MLflow server %s answered %s without a model_version (%s). Is it an MLflow tracking server?",
                api.server(), reference, Urls.redact(reply.uri()))));
    }

    private static boolean isMissingAlias(final String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("alias") && lower.contains("not found");
    }
}
