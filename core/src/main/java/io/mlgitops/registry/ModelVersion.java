package io.mlgitops.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A registered model version as the MLflow registry describes it.
 *
 * @param name              registered model name
 * @param version           version number as text (MLflow sends it as a string)
 * @param source            where the version's files are ({@code mlflow-artifacts:/...}, {@code runs:/...}, ...)
 * @param runId             the run that produced it, or empty
 * @param status            {@code READY}, {@code PENDING_REGISTRATION} or {@code FAILED_REGISTRATION}
 * @param aliases           aliases pointing at this version
 * @param tags              version tags
 * @param creationTimestamp creation time in epoch milliseconds
 */
public record ModelVersion(String name, String version, String source, String runId, String status,
        List<String> aliases, Map<String, String> tags, long creationTimestamp) {
    public ModelVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        source = source == null ? "" : source;
        runId = runId == null ? "" : runId;
        status = status == null ? "" : status;
        aliases = List.copyOf(aliases);
        tags = Map.copyOf(tags);
    }

    /** The canonical reference, {@code models:/NAME/VERSION}. */
    public String uri() {
        return "models:/" + name + "/" + version;
    }
}
