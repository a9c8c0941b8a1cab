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
 * @param currentStage      the legacy stage ({@code None}, {@code Staging}, {@code Production}, {@code Archived}), or
 *                          empty when the server sent none
 */
public record ModelVersion(String name, String version, String source, String runId, String status,
        List<String> aliases, Map<String, String> tags, long creationTimestamp, String currentStage) {
    public ModelVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        source = source == null ? "" : source;
        runId = runId == null ? "" : runId;
        status = status == null ? "" : status;
        aliases = List.copyOf(aliases);
        tags = Map.copyOf(tags);
        currentStage = currentStage == null ? "" : currentStage;
    }

    /** A version without a legacy stage. */
    public ModelVersion(final String name, final String version, final String source, final String runId,
            final String status, final List<String> aliases, final Map<String, String> tags,
            final long creationTimestamp) {
        this(name, version, source, runId, status, aliases, tags, creationTimestamp, "");
    }

    /** The canonical reference, {@code models:/NAME/VERSION}. */
    public String uri() {
        return "models:/" + name + "/" + version;
    }
}
