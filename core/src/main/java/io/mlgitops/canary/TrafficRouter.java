package io.mlgitops.canary;

import io.mlgitops.api.errors.MlGitOpsException;

/**
 * Port: shifts traffic between the stable and the canary version (Istio VirtualService, Gateway API HTTPRoute, SMI
 * TrafficSplit, KServe InferenceService, or the local in-process split). The canary controller drives it.
 */
public interface TrafficRouter extends AutoCloseable {
    /** What is routed, for messages and reports, e.g. {@code Istio VirtualService ml-serving/churn-model}. */
    String description();

    /** The names metric queries filter on. */
    RouteTargets targets();

    /** The canary's current share of traffic, 0 to 100. */
    int weight() throws MlGitOpsException;

    /**
     * Sends {@code canaryWeight} percent of the traffic to the canary and the rest to the stable version.
     *
     * @throws MlGitOpsException when the routed object is missing, has an unexpected shape (naming the field), or the
     *                           API refuses the change
     */
    void setWeight(int canaryWeight) throws MlGitOpsException;

    /** Where the rollout's durable state is kept for this routed object. */
    RolloutStateStore stateStore();

    @Override
    void close();
}
