package io.mlgitops.canary;

import java.util.Objects;

/**
 * What metric queries filter on: the namespace and the workload (or service) names of both variants. They fill the
 * {@code {{namespace}}}, {@code {{stable}}} and {@code {{canary}}} placeholders of PromQL templates.
 *
 * @param namespace the Kubernetes namespace, or {@code local}
 * @param stable    the stable workload name
 * @param canary    the canary workload name
 */
public record RouteTargets(String namespace, String stable, String canary) {
    public RouteTargets {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(stable, "stable");
        Objects.requireNonNull(canary, "canary");
    }

    /** The workload name of a variant. */
    public String name(final Variant variant) {
        return variant == Variant.STABLE ? stable : canary;
    }
}
