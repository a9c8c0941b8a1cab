package io.mlgitops.testing;

/**
 * A model version that {@link MlflowServer#register(String...)} created.
 *
 * @param name    registered model name
 * @param version version number as text
 * @param source  the source the server recorded ({@code models:/m-...} on MLflow 3)
 */
public record RegisteredVersion(String name, String version, String source) {
}
