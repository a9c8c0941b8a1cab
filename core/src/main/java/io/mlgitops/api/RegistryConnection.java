package io.mlgitops.api;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.registry.ModelRegistries;
import io.mlgitops.registry.ModelRegistry;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the MLflow tracking server of a command: the explicit URL, else {@code MLFLOW_TRACKING_URI}. */
final class RegistryConnection {
    private RegistryConnection() {
    }

    /** The server's URL, or {@code null} when none is configured. */
    static URI url(final URI explicit, final SecretSource secrets) throws InputException {
        if (explicit != null) {
            return explicit;
        }
        String configured = secrets.secret("MLFLOW_TRACKING_URI").orElse(null);
        if (configured == null) {
            return null;
        }
        try {
            return URI.create(configured);
        }
        catch (IllegalArgumentException malformed) {
            throw new InputException("MLFLOW_TRACKING_URI is not a URL: " + malformed.getMessage(), malformed);
        }
    }

    /** Where registry models are downloaded: the explicit folder, else {@code $XDG_CACHE_HOME/mlgitops/models}. */
    static Path modelCache(final Path explicit) {
        if (explicit != null) {
            return explicit;
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("mlgitops").resolve("models");
    }

    /** The registry client, when a server is configured. */
    static Optional<ModelRegistry> open(final URI explicit, final SecretSource secrets) throws InputException {
        URI url = url(explicit, secrets);
        return url == null ? Optional.empty()
                : Optional.of(ModelRegistries.mlflow(url, secrets, HttpSettings.DEFAULTS));
    }
}
