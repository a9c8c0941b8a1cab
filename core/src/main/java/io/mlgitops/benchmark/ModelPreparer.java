package io.mlgitops.benchmark;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.metrics.EvaluationData;
import io.mlgitops.metrics.Metric;
import io.mlgitops.metrics.PreparedMetric;
import io.mlgitops.metrics.Task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes one model's output and prepares the planned metrics on it. Instances are immutable, so that champion and
 * candidate can be prepared at the same time.
 */
final class ModelPreparer {
    private final EvaluationEncoder encoder;
    private final Task task;
    private final String positiveLabel;
    private final List<Metric> metrics;
    private final String where;

    /**
     * @param metrics the metrics to prepare (already without probability metrics a model cannot serve)
     * @param where   the target and data set, for messages ("on column 'y' of test.csv")
     */
    ModelPreparer(final EvaluationEncoder encoder, final Task task, final String positiveLabel,
            final List<Metric> metrics, final String where) {
        this.encoder = encoder;
        this.task = task;
        this.positiveLabel = positiveLabel;
        this.metrics = List.copyOf(metrics);
        this.where = where;
    }

    /** @param role {@code the candidate} or {@code the champion} */
    PreparedModel prepare(final ModelOutput output, final String role) throws InputException {
        EvaluationData data = task.isClassification()
                ? encoder.classification(task, output, positiveLabel, role)
                : encoder.regression(output, role);
        Map<String, PreparedMetric> prepared = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            try {
                prepared.put(metric.name(), metric.prepare(data));
            }
            catch (InputException undefined) {
                throw new InputException("Cannot compute " + metric.name() + " for " + role + " " + where + ": "
                        + undefined.getMessage(), undefined);
            }
        }
        return new PreparedModel(data, prepared);
    }
}
