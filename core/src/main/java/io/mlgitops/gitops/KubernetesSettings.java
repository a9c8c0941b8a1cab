package io.mlgitops.gitops;

import io.mlgitops.net.HttpSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the Kubernetes API that holds the Argo CD applications.
 *
 * @param kubeconfig   a kubeconfig file, or {@code null} for the usual discovery ({@code KUBECONFIG},
 *                     {@code ~/.kube/config}, else the in-cluster service account)
 * @param context      the kubeconfig context, or {@code null} for its current context
 * @param namespace    the namespace of the {@code Application} objects
 * @param pollInterval time between two reads of an application while waiting
 * @param http         connect and request timeouts, and the attempts and backoff of retries after API errors
 */
public record KubernetesSettings(Path kubeconfig, String context, String namespace, Duration pollInterval,
        HttpSettings http) {
    /** Argo CD's default namespace. */
    public static final String ARGOCD_NAMESPACE = "argocd";

    /** Discovered configuration, namespace {@code argocd}, a read every 2 s, the default HTTP settings. */
    public static final KubernetesSettings DEFAULTS = new KubernetesSettings(null, null, ARGOCD_NAMESPACE,
            Duration.ofSeconds(2), HttpSettings.DEFAULTS);

    public KubernetesSettings {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(http, "http");
        if (namespace.isBlank()) {
            throw new IllegalArgumentException("namespace must not be blank");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
        }
    }

    public KubernetesSettings withKubeconfig(final Path file, final String kubeContext) {
        return new KubernetesSettings(file, kubeContext, namespace, pollInterval, http);
    }

    public KubernetesSettings withNamespace(final String applicationNamespace) {
        return new KubernetesSettings(kubeconfig, context, applicationNamespace, pollInterval, http);
    }

    public KubernetesSettings withPollInterval(final Duration interval) {
        return new KubernetesSettings(kubeconfig, context, namespace, interval, http);
    }
}
