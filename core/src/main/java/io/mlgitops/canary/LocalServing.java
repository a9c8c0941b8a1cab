package io.mlgitops.canary;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.canary.local.LocalDeployment;

import java.net.URI;

/**
 * The {@code local} router's world, in this process: one model server per variant, each answering
 * {@code POST /invocations} and exporting {@code GET /metrics} in the Prometheus text format (docs/metrics.md), and
 * a weighted split in front of both. For the demo and for tests without a cluster.
 *
 * <p>Requests to {@link #endpoint()} take MLflow's {@code dataframe_split} body, optionally with the true labels
 * for online accuracy: {@code {"dataframe_split": {"columns": [...], "data": [[...]]}, "labels": [...]}}. Answers
 * are {@code {"predictions": [...], "probabilities": [[...]]}}.</p>
 */
public interface LocalServing extends AutoCloseable {
    /**
     * Starts both servers and the split (canary weight 0). The drift reference, if any, is predicted first.
     *
     * @throws MlGitOpsException when the stable model cannot predict the drift reference, or a server cannot start
     */
    static LocalServing start(final LocalServingSpec spec) throws MlGitOpsException {
        return LocalDeployment.start(spec);
    }

    /** The namespace and workload names the servers' metrics carry. */
    RouteTargets targets();

    /**
     * The split as a router: {@code setWeight} takes effect with the next request; the state store is the spec's
     * state file. Closing it leaves the servers running.
     */
    TrafficRouter router();

    /**
     * The servers' own counters as a metric provider for the built-in checks, sampled every second, with the
     * semantics of the built-in PromQL. Closing it leaves the servers running.
     */
    MetricProvider metrics();

    /** The split's {@code /invocations} URL, where traffic goes. */
    URI endpoint();

    /** A server's {@code /metrics} URL, for a Prometheus scrape configuration. */
    URI metricsEndpoint(Variant variant);

    /** Makes a server slow or failing from its next request on; {@link Faults#NONE} heals it. */
    void inject(Variant variant, Faults faults);

    /** Stops the split and the servers (not the model runners). */
    @Override
    void close();
}
