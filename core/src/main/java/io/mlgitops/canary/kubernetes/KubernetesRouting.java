package io.mlgitops.canary.kubernetes;

import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.canary.KubernetesRoute;
import io.mlgitops.canary.KubernetesTrafficRouter;
import io.mlgitops.canary.RolloutWatcher;
import io.mlgitops.gitops.KubernetesApi;

/**
 * Creates the Kubernetes routers and watchers over a connection; {@link io.mlgitops.canary.KubernetesRouters}
 * documents each. The router or watcher owns {@code api} and closes it; routers read the object once here and fail
 * early when it is missing or shaped unexpectedly (closing {@code api} then).
 */
public final class KubernetesRouting {
    private KubernetesRouting() {
    }

    public static KubernetesTrafficRouter istio(final KubernetesApi api, final KubernetesRoute route)
            throws MlGitOpsException {
        requireBackends(api, route, "Istio", "destinations (host, and subset when both share a host)");
        return open(api, ResourceKind.VIRTUAL_SERVICE, route, ListLayout.istio(route.section(), route.stable(),
                route.canary()));
    }

    public static KubernetesTrafficRouter gatewayApi(final KubernetesApi api, final KubernetesRoute route)
            throws MlGitOpsException {
        requireBackends(api, route, "Gateway API", "backendRef names");
        requireNoSubsets(api, route, "Gateway API");
        return open(api, ResourceKind.HTTP_ROUTE, route, ListLayout.gatewayApi(route.section(), route.stable(),
                route.canary()));
    }

    public static KubernetesTrafficRouter smi(final KubernetesApi api, final KubernetesRoute route)
            throws MlGitOpsException {
        requireBackends(api, route, "SMI", "backend services");
        requireNoSubsets(api, route, "SMI");
        requireNoSection(api, route, "SMI", "a TrafficSplit has one list of backends");
        return open(api, ResourceKind.TRAFFIC_SPLIT, route, ListLayout.smi(route.stable(), route.canary()));
    }

    public static KubernetesTrafficRouter kserve(final KubernetesApi api, final KubernetesRoute route)
            throws MlGitOpsException {
        if (route.stable() != null || route.canary() != null) {
            throw refuse(api, "The KServe router takes no stable and canary backends: KServe splits traffic between "
                    + "the predictor's revisions itself.");
        }
        requireNoSection(api, route, "KServe", "an InferenceService has one predictor");
        return open(api, ResourceKind.INFERENCE_SERVICE, route, new KServeLayout());
    }

    /** Follows the Flagger {@code Canary} {@code namespace/name}; nothing is read until the first call. */
    public static RolloutWatcher flagger(final KubernetesApi api, final String namespace, final String name) {
        return new FlaggerWatcher(new KubernetesObject(api, ResourceKind.FLAGGER_CANARY, null, namespace, name));
    }

    /** Follows the Argo Rollouts {@code Rollout} {@code namespace/name}; nothing is read until the first call. */
    public static RolloutWatcher argoRollouts(final KubernetesApi api, final String namespace, final String name) {
        return new ArgoRolloutWatcher(new KubernetesObject(api, ResourceKind.ARGO_ROLLOUT, null, namespace, name));
    }

    private static KubernetesTrafficRouter open(final KubernetesApi api, final ResourceKind kind,
            final KubernetesRoute route, final WeightLayout layout) throws MlGitOpsException {
        KubernetesObject object;
        try {
            object = new KubernetesObject(api, kind, route.apiVersion(), route.namespace(), route.name());
        }
        catch (IllegalArgumentException otherGroup) {
            throw refuse(api, "The " + kind.label() + " router cannot use " + otherGroup.getMessage() + ".");
        }
        return DirectRouter.open(object, layout, route);
    }

    private static void requireBackends(final KubernetesApi api, final KubernetesRoute route, final String router,
            final String what) throws InvalidSettingsException {
        if (route.stable() == null || route.canary() == null) {
            throw refuse(api, String.format("The %s router needs the stable and canary %s of %s/%s.", router, what,
                    route.namespace(), route.name()));
        }
    }

    private static void requireNoSubsets(final KubernetesApi api, final KubernetesRoute route, final String router)
            throws InvalidSettingsException {
        if (route.stable().subset() != null || route.canary().subset() != null) {
            throw refuse(api, "Subsets are Istio's: the " + router + " router tells backends apart by name only.");
        }
    }

    private static void requireNoSection(final KubernetesApi api, final KubernetesRoute route, final String router,
            final String why) throws InvalidSettingsException {
        if (route.section() != null) {
            throw refuse(api, String.format("The %s router takes no route or rule name ('%s'): %s.", router,
                    route.section(), why));
        }
    }

    /** Closes the connection the router would have owned, and says why there is no router. */
    private static InvalidSettingsException refuse(final KubernetesApi api, final String message) {
        api.close();
        return new InvalidSettingsException(message);
    }
}
