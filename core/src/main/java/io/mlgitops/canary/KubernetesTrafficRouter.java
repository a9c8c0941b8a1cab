package io.mlgitops.canary;

import io.mlgitops.gitops.IgnoredDifference;

import java.util.List;
import java.util.Optional;

/**
 * A {@link TrafficRouter} that patches a Kubernetes object directly (router mode {@code direct}). When Argo CD manages
 * that object, its weights differ from git during a rollout: the application needs an {@code ignoreDifferences}
 * entry for them, or Argo CD reports it out of sync and, with self-heal, puts the weights back.
 */
public interface KubernetesTrafficRouter extends TrafficRouter {
    /** The routed object and the fields that hold the weights, as last read (every call reads it again). */
    RoutedObject routedObject();

    /**
     * The {@code ignoreDifferences} entry the Argo CD application still needs so that the weights this router writes
     * are not reported as drift, or empty when {@code ignored} (the application's {@code spec.ignoreDifferences})
     * already covers them. See {@link IgnoreDifferences#missing(RoutedObject, List)}.
     */
    default Optional<IgnoredDifference> missingIgnoreDifference(final List<IgnoredDifference> ignored) {
        return IgnoreDifferences.missing(routedObject(), ignored);
    }
}
