package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.RouteTargets;

/**
 * KServe's {@code spec.predictor.canaryTrafficPercent}: the share of the latest ready predictor revision; the rest
 * goes to the last revision rolled out with 100 percent. Without the field, the latest revision receives all traffic
 * (share 100).
 *
 * <p>Metric names are the predictor's Knative revisions from {@code status.components.predictor}: stable is
 * {@code latestRolledoutRevision}, canary is {@code latestReadyRevision} (e.g. {@code churn-predictor-00002}). Their
 * pods carry the label {@code serving.knative.dev/revision=<revision>} and belong to the Deployment
 * {@code <revision>-deployment}. Before the status names them, both default to {@code <name>-predictor}, the
 * Knative configuration. When the new revision is not ready yet, or is fully rolled out, both names are the same.
 */
final class KServeLayout implements WeightLayout {
    private static final String PERCENT = "/spec/predictor/canaryTrafficPercent";

    @Override
    public Split locate(final KubernetesObject object, final JsonNode current) throws InputException {
        if (!current.path("spec").path("predictor").isObject()) {
            throw Fields.unexpected(object, "/spec/predictor", "is missing", "An InferenceService needs a predictor; "
                    + "check that the object is the one that serves the model.");
        }
        Integer written = Fields.integer(object, current.at(PERCENT), PERCENT);
        if (written != null && (written < 0 || written > 100)) {
            throw Fields.unexpected(object, PERCENT, "is out of range: " + written, "Write a percentage from 0 to 100 "
                    + "there in git.");
        }
        return new Split(null, new WeightField(PERCENT, written, written == null ? 100 : written));
    }

    @Override
    public RouteTargets targets(final String namespace, final JsonNode current) {
        JsonNode predictor = current.path("status").path("components").path("predictor");
        String configuration = Fields.text(current.path("metadata").path("name")) + "-predictor";
        return new RouteTargets(namespace, orElse(predictor.path("latestRolledoutRevision"), configuration),
                orElse(predictor.path("latestReadyRevision"), configuration));
    }

    private static String orElse(final JsonNode revision, final String fallback) {
        String name = Fields.text(revision);
        return name.isEmpty() ? fallback : name;
    }
}
