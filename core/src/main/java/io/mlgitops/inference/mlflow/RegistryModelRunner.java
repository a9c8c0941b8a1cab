package io.mlgitops.inference.mlflow;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.Dataset;
import io.mlgitops.inference.ModelDescription;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.registry.ModelVersion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A registry model version run locally from its downloaded files: predictions come from the local runner, the
 * description says which registered version (and alias) they belong to.
 */
public final class RegistryModelRunner implements ModelRunner {
    private final ModelRunner local;
    private final ModelDescription description;

    /**
     * @param local     the runner of the downloaded model directory
     * @param reference the reference as the user wrote it
     * @param version   the resolved version
     * @param alias     the alias it was resolved from, or {@code null}
     */
    public RegistryModelRunner(final ModelRunner local, final String reference, final ModelVersion version,
            final String alias) {
        this.local = local;
        Map<String, String> details = new LinkedHashMap<>(local.description().details());
        details.put("model", version.name());
        details.put("version", version.version());
        if (alias != null) {
            details.put("alias", alias);
        }
        if (!version.runId().isEmpty()) {
            details.put("runId", version.runId());
        }
        details.put("source", version.source());
        this.description = new ModelDescription(reference, "mlflow", local.description().files(), details);
    }

    @Override
    public ModelDescription description() {
        return description;
    }

    @Override
    public List<String> inputColumns() {
        return local.inputColumns();
    }

    @Override
    public ModelOutput predict(final Dataset dataset, final PredictionRequest request,
            final ProgressListener progress) throws MlGitOpsException {
        return local.predict(dataset, request, progress);
    }

    @Override
    public void close() {
        local.close();
    }
}
