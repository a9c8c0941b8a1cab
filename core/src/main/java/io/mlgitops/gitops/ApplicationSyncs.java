package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.argocd.ArgoCdApplicationSync;

/**
 * Creates {@link ApplicationSync} clients.
 */
public final class ApplicationSyncs {
    private ApplicationSyncs() {
    }

    /**
     * Waits for Argo CD through the Kubernetes API: reads {@code argoproj.io/v1alpha1} {@code Application} objects
     * in {@link KubernetesSettings#namespace()} (needs {@code get} on {@code applications.argoproj.io} there), with
     * the cluster and credentials of the kubeconfig file and context in {@code settings}, else of {@code KUBECONFIG},
     * {@code ~/.kube/config} or the in-cluster service account. Close it when done.
     *
     * @throws InputException when the configured kubeconfig file is missing or unusable
     */
    public static ApplicationSync argoCd(final KubernetesSettings settings) throws InputException {
        return ArgoCdApplicationSync.create(settings);
    }
}
