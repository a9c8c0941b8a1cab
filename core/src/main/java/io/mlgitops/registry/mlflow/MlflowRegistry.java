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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MLflow model registry over its REST API (MLflow 2.x and 3.x). Writes check alias names first and, when the
 * server refuses them (HTTP 403), name the permission they need on the registered model.
 */
public final class MlflowRegistry implements ModelRegistry {
    private static final Pattern LOGGED_MODEL = Pattern.compile("models:/(m-[0-9A-Za-z]+)/?");
    private static final String PROXY_SCHEME = "mlflow-artifacts:";
    private static final String ALIAS = "/api/2.0/mlflow/registered-models/alias";
    private static final String EDIT = "EDIT";
    private static final String MANAGE = "MANAGE";

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
        MlflowReply reply = api.get(ALIAS, Urls.query("name", name, "alias", alias));
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

    @Override
    public void setAlias(final String name, final String alias, final String version) throws MlGitOpsException {
        AliasNames.requireValid(name, alias);
        MlflowReply reply = api.write("POST", ALIAS, body("name", name, "alias", alias, "version", version),
                permission(EDIT, name));
        requireDone(reply, String.format("setting alias '%s' of model '%s' to version %s", alias, name, version));
    }

    @Override
    public void deleteAlias(final String name, final String alias) throws MlGitOpsException {
        AliasNames.requireValid(name, alias);
        MlflowReply reply = api.write("DELETE", ALIAS, body("name", name, "alias", alias), permission(MANAGE, name));
        requireDone(reply, String.format("deleting alias '%s' of model '%s'", alias, name));
    }

    @Override
    public void setVersionTag(final String name, final String version, final String key, final String value)
            throws MlGitOpsException {
        MlflowReply reply = api.write("POST", "/api/2.0/mlflow/model-versions/set-tag",
                body("name", name, "version", version, "key", key, "value", value), permission(EDIT, name));
        requireDone(reply, String.format("setting tag '%s' of models:/%s/%s", key, name, version));
    }

    @Override
    public void deleteVersionTag(final String name, final String version, final String key)
            throws MlGitOpsException {
        MlflowReply reply = api.write("DELETE", "/api/2.0/mlflow/model-versions/delete-tag",
                body("name", name, "version", version, "key", key), permission(MANAGE, name));
        requireDone(reply, String.format("deleting tag '%s' of models:/%s/%s", key, name, version));
    }

    @Override
    public ModelVersion transitionStage(final String name, final String version, final String stage,
            final boolean archiveExistingVersions) throws MlGitOpsException {
        Map<String, Object> body = body("name", name, "version", version, "stage", stage);
        body.put("archive_existing_versions", archiveExistingVersions);
        MlflowReply reply = api.write("POST", "/api/2.0/mlflow/model-versions/transition-stage", body,
                permission(EDIT, name));
        String action = String.format("moving models:/%s/%s to stage '%s'", name, version, stage);
        requireDone(reply, action);
        return readVersion(reply, action);
    }

    private static Map<String, Object> body(final String... namesAndValues) {
        return new LinkedHashMap<>(Urls.query(namesAndValues));
    }

    /** What a write needs in MLflow's basic-auth app: EDIT to set, MANAGE to delete (its {@code can_delete}). */
    private static String permission(final String level, final String model) {
        return String.format("%s permission on registered model '%s'", level, model);
    }

    private void requireDone(final MlflowReply reply, final String action) throws InputException {
        if (reply.ok()) {
            return;
        }
        if (reply.is(404, "RESOURCE_DOES_NOT_EXIST") || reply.is(400, "INVALID_PARAMETER_VALUE")) {
            throw new InputException(String.format("MLflow server %s refused %s: %s. Check the model name (it is "
                    + "case-sensitive), the version and the value.", api.server(), action, reply.message()));
        }
        throw api.failure(reply, action);
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
