package io.mlgitops.inference;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.data.CsvOptions;
import io.mlgitops.inference.mlflow.RegistryModelRunner;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.registry.ModelRegistries;
import io.mlgitops.registry.ModelRegistry;
import io.mlgitops.registry.ModelVersion;

import java.net.URI;
import java.nio.file.Path;

/**
 * Opens the runner a model reference asks for: ONNX Runtime for {@code onnx:}, the file for {@code predictions:},
 * the MLflow registry (resolve, download, run with ONNX Runtime) for {@code models:/}, and HTTP for {@code http:}.
 */
public final class ModelRunners implements ModelRunnerFactory {
    private final URI registryUrl;
    private final SecretSource secrets;
    private final Path cacheDirectory;
    private final CsvOptions csvOptions;
    private final int threads;
    private final HttpSettings httpSettings;
    private final ProgressListener progress;
    private ModelRegistry registry;

    /**
     * @param registryUrl    the MLflow tracking server, or {@code null} when none is configured
     * @param secrets        credentials for the registry and HTTP endpoints
     * @param cacheDirectory where registry model versions are downloaded
     * @param csvOptions     how predictions files are read
     * @param threads        ONNX Runtime intra-op threads, 0 for its default
     * @param httpSettings   timeouts and retries of network calls
     * @param progress       receives resolution and download lines
     */
    public ModelRunners(final URI registryUrl, final SecretSource secrets, final Path cacheDirectory,
            final CsvOptions csvOptions, final int threads, final HttpSettings httpSettings,
            final ProgressListener progress) {
        this.registryUrl = registryUrl;
        this.secrets = secrets;
        this.cacheDirectory = cacheDirectory;
        this.csvOptions = csvOptions;
        this.threads = threads;
        this.httpSettings = httpSettings;
        this.progress = progress;
    }

    @Override
    public ModelRunner open(final String reference) throws MlGitOpsException {
        ModelReference parsed = ModelReference.parse(reference);
        if (parsed instanceof ModelReference.Onnx onnx) {
            return LocalModelRunners.onnx(onnx.path(), onnx.text(), threads);
        }
        if (parsed instanceof ModelReference.Predictions predictions) {
            return LocalModelRunners.predictions(predictions.path(), predictions.text(), csvOptions);
        }
        if (parsed instanceof ModelReference.Http http) {
            return RemoteModelRunners.http(http.endpoint(), http.text(), httpSettings, secrets);
        }
        return openRegistryVersion((ModelReference.Registry) parsed);
    }

    private ModelRunner openRegistryVersion(final ModelReference.Registry reference) throws MlGitOpsException {
        Resolved resolved = resolveAndDownload(reference);
        ModelRunner local = LocalModelRunners.onnx(resolved.directory(), reference.text(), threads);
        return new RegistryModelRunner(local, reference.text(), resolved.version(), reference.alias());
    }

    /**
     * One registry call at a time: champion and candidate open concurrently, and an alias may point at the very
     * version the other reference names, whose cache folder must not be written twice at once.
     */
    private synchronized Resolved resolveAndDownload(final ModelReference.Registry reference)
            throws MlGitOpsException {
        ModelRegistry models = registry(reference);
        ModelVersion version = reference.alias() != null
                ? models.getVersionByAlias(reference.name(), reference.alias())
                : models.getVersion(reference.name(), reference.version());
        progress.info(String.format("Resolved %s to version %s%s", reference.text(), version.version(),
                version.runId().isEmpty() ? "" : " (run " + version.runId() + ")"));
        return new Resolved(version, models.download(version, cacheDirectory));
    }

    /** A registry version and the folder its files were downloaded to. */
    private record Resolved(ModelVersion version, Path directory) {
    }

    private ModelRegistry registry(final ModelReference.Registry reference) throws InputException {
        if (registryUrl == null) {
            throw new InputException("Model reference '" + reference.text() + "' needs an MLflow tracking server: "
                    + "pass --mlflow-url URL or set MLFLOW_TRACKING_URI.");
        }
        if (registry == null) {
            registry = ModelRegistries.mlflow(registryUrl, secrets, httpSettings);
        }
        return registry;
    }
}
