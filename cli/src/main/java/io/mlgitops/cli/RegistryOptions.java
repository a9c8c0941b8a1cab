package io.mlgitops.cli;

import picocli.CommandLine.Option;

import java.net.URI;

/** The MLflow tracking server of a command. */
final class RegistryOptions {
    @Option(names = "--mlflow-url", paramLabel = "URL",
            description = "MLflow tracking server (default: $MLFLOW_TRACKING_URI).")
    private URI mlflowUrl;

    /** The server given, or {@code null} for {@code MLFLOW_TRACKING_URI}. */
    URI url() {
        return mlflowUrl;
    }
}
