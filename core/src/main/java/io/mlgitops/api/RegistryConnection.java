package io.mlgitops.api;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.registry.ModelRegistries;
import io.mlgitops.registry.ModelRegistry;

import java.net.URI;
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

    /** The registry client, when a server is configured. */
    static Optional<ModelRegistry> open(final URI explicit, final SecretSource secrets) throws InputException {
        URI url = url(explicit, secrets);
        return url == null ? Optional.empty()
                : Optional.of(ModelRegistries.mlflow(url, secrets, HttpSettings.DEFAULTS));
    }
}
