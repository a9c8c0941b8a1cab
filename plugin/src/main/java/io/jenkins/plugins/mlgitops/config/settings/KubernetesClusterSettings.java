package io.jenkins.plugins.mlgitops.config.settings;

/**
 * The Kubernetes cluster configured in <em>Manage Jenkins</em> for {@code mlCanary}: in the cluster (the agent pod's
 * service account) when there is no kubeconfig credential, else the kubeconfig of a <em>Secret file</em> credential,
 * with an optional context.
 *
 * @param credentialsId the id of the Secret file credential holding a kubeconfig, or {@code null} for in-cluster
 * @param context       the kubeconfig context, or {@code null} for its current context
 */
public record KubernetesClusterSettings(String credentialsId, String context) {
    /** A context only means something with a kubeconfig. */
    public static Validation checkContext(final String context, final String credentialsId) {
        if (context != null && !context.isBlank() && (credentialsId == null || credentialsId.isBlank())) {
            return Validation.warning("context applies to a kubeconfig only: choose the kubeconfig's Secret file as "
                    + "credentialsId, or leave context empty for the agent's service account.");
        }
        return Validation.ok();
    }

    /**
     * The cluster of one {@code mlCanary} call: the step's own {@code kubeconfig} (a workspace file) when given,
     * with its {@code kubeContext}; else the configured cluster, the step's {@code kubeContext} overriding the
     * configured context; else the agent's usual discovery.
     *
     * @param configured     the configured cluster, or {@code null} when there is none
     * @param stepKubeconfig the step's {@code kubeconfig}
     * @param stepContext    the step's {@code kubeContext}
     */
    public static Target choose(final KubernetesClusterSettings configured, final String stepKubeconfig,
            final String stepContext) {
        if (configured == null || Values.given(stepKubeconfig, null) != null) {
            return new Target(null, Values.given(stepContext, null));
        }
        return new Target(Values.given(configured.credentialsId(), null),
                Values.given(stepContext, configured.context()));
    }

    /**
     * The cluster one call reaches.
     *
     * @param credentialsId the kubeconfig credential to resolve, or {@code null} (the step's own kubeconfig, or
     *                      the agent's discovery: {@code KUBECONFIG}, {@code ~/.kube/config}, else in-cluster)
     * @param context       the context, or {@code null}
     */
    public record Target(String credentialsId, String context) {
    }
}
