package io.mlgitops.canary;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.canary.kubernetes.KubernetesRouting;
import io.mlgitops.gitops.KubernetesApi;
import io.mlgitops.gitops.KubernetesSettings;

/**
 * Creates the routers that patch a Kubernetes object (mode {@code direct}) and the watchers of Flagger and Argo
 * Rollouts. They reach the cluster that {@code settings} names (kubeconfig file and context, else
 * {@code KUBECONFIG}, {@code ~/.kube/config} or the in-cluster service account) with its timeouts and retries;
 * {@link KubernetesSettings#namespace()} is Argo CD's and is not used here. Each one owns its connection: close it
 * when done.
 *
 * <p>Routers read their object at once and fail early when it is missing or shaped unexpectedly. Every weight change
 * is a JSON Patch of the weight fields only, with the field manager {@value IgnoreDifferences#FIELD_MANAGER},
 * conditional on the resource version read, and redone from a fresh read after a conflict (up to 5 times). The
 * rollout state is kept in the annotation {@code mlgitops.io/rollout-state} of the same object. Routers need get and
 * patch on their resource in the object's namespace. Without a configured API version they use the first version
 * under which the object is found.
 *
 * @throws InvalidSettingsException (from each router) when the route lacks what that router needs or has what it
 *                                  cannot use
 * @throws InputException           when the kubeconfig is unusable, or the object is missing, unreadable or shaped
 *                                  unexpectedly (the message names the kind, namespace/name, field and fix)
 */
public final class KubernetesRouters {
    private KubernetesRouters() {
    }

    /**
     * Istio {@code VirtualService} ({@code networking.istio.io} {@code v1}, else {@code v1beta1}): the weights of
     * {@code spec.http[i].route[]}, where {@code i} is the HTTP route named {@code route.section()} or the first. The
     * stable and canary destinations are matched by host (a short name matches the fully qualified host that starts
     * with it) and, when given, subset; any other destination in that route must have weight 0. Workloads default to
     * the hosts' first labels, or to {@code <host>-<subset>} when both variants share a host.
     */
    public static KubernetesTrafficRouter istio(final KubernetesSettings settings, final KubernetesRoute route)
            throws MlGitOpsException {
        return KubernetesRouting.istio(KubernetesApi.connect(settings), route);
    }

    /**
     * Gateway API {@code HTTPRoute} ({@code gateway.networking.k8s.io} {@code v1}, else {@code v1beta1}): the
     * weights of {@code spec.rules[i].backendRefs[]}, where {@code i} is the rule named {@code route.section()} or
     * the first. Backends are matched by name; a backendRef without a weight has weight 1, as the API defines.
     * Workloads default to the backend (Service) names.
     */
    public static KubernetesTrafficRouter gatewayApi(final KubernetesSettings settings, final KubernetesRoute route)
            throws MlGitOpsException {
        return KubernetesRouting.gatewayApi(KubernetesApi.connect(settings), route);
    }

    /**
     * SMI {@code TrafficSplit} ({@code split.smi-spec.io} {@code v1alpha2}, else {@code v1alpha3}, {@code v1alpha4}):
     * the integer weights of {@code spec.backends[]}, matched by service. The canary share is its weight over the sum
     * of both. Workloads default to the backend service names.
     */
    public static KubernetesTrafficRouter smi(final KubernetesSettings settings, final KubernetesRoute route)
            throws MlGitOpsException {
        return KubernetesRouting.smi(KubernetesApi.connect(settings), route);
    }

    /**
     * KServe {@code InferenceService} ({@code serving.kserve.io/v1beta1}, serverless mode):
     * {@code spec.predictor.canaryTrafficPercent}, the share of the latest ready predictor revision; the rest goes
     * to the revision last rolled out with 100 percent. Without the field, the latest revision takes all traffic, so
     * commit the new model with {@code canaryTrafficPercent: 0}. Workloads for metric queries are the predictor's
     * Knative revisions: stable is {@code status.components.predictor.latestRolledoutRevision}, canary is
     * {@code latestReadyRevision} (pods labelled {@code serving.knative.dev/revision}, Deployment
     * {@code <revision>-deployment}); {@link TrafficRouter#targets()} gives them as of the last read.
     */
    public static KubernetesTrafficRouter kserve(final KubernetesSettings settings, final KubernetesRoute route)
            throws MlGitOpsException {
        return KubernetesRouting.kserve(KubernetesApi.connect(settings), route);
    }

    /**
     * Follows the Flagger {@code Canary} ({@code flagger.app/v1beta1}) {@code namespace/name}. Promote sets
     * {@code spec.skipAnalysis} (restored once the rollout ends); abort raises {@code status.failedChecks} to the
     * analysis threshold. Needs get and patch on {@code canaries.flagger.app} and patch on its {@code status}.
     */
    public static RolloutWatcher flagger(final KubernetesSettings settings, final String namespace,
            final String name) throws InputException {
        return KubernetesRouting.flagger(KubernetesApi.connect(settings), namespace, name);
    }

    /**
     * Follows the Argo Rollouts {@code Rollout} ({@code argoproj.io/v1alpha1}) {@code namespace/name}. Promote and
     * abort write what {@code kubectl argo rollouts promote} and {@code abort} write. Needs get and patch on
     * {@code rollouts.argoproj.io} and patch on its {@code status}.
     */
    public static RolloutWatcher argoRollouts(final KubernetesSettings settings, final String namespace,
            final String name) throws InputException {
        return KubernetesRouting.argoRollouts(KubernetesApi.connect(settings), namespace, name);
    }
}
