package io.mlgitops.registry;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.registry.mlflow.MlflowRegistry;

import java.net.URI;

/**
 * Creates {@link ModelRegistry} clients.
 */
public final class ModelRegistries {
    /** What to check when the tracking server cannot be reached. */
    public static final String UNREACHABLE_HINT = "Is the server running? Check --mlflow-url or MLFLOW_TRACKING_URI.";

    private ModelRegistries() {
    }

    /**
     * The MLflow registry of the tracking server at {@code trackingUri} ({@code http(s)://host:port}, with the
     * server's path prefix if it has one). Credentials: HTTP Basic from {@code MLFLOW_TRACKING_USERNAME} and
     * {@code MLFLOW_TRACKING_PASSWORD}, else the bearer token {@code MLFLOW_TRACKING_TOKEN}, read from
     * {@code secrets}. Model files are downloaded through the server's artifact proxy ({@code --serve-artifacts},
     * the default), or else through the logged model or run the version came from.
     *
     * @throws InputException when the URI is not an http(s) URL without user information, or only one of user name
     *                        and password is set
     */
    public static ModelRegistry mlflow(final URI trackingUri, final SecretSource secrets,
            final HttpSettings settings) throws InputException {
        return MlflowRegistry.create(trackingUri, secrets, new HttpExecutor(settings, UNREACHABLE_HINT));
    }
}
