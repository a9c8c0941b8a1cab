package io.mlgitops.canary.kubernetes;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.util.List;

/**
 * A custom resource the routers and watchers use, with the API versions to look for it under, in order. Named fully,
 * so that no API discovery call (and no permission for it) is needed.
 *
 * @param label    the kind in words, e.g. {@code Istio VirtualService}
 * @param group    the API group
 * @param kind     the kind
 * @param plural   the resource name in URLs and RBAC rules
 * @param versions the versions to try, preferred first
 */
record ResourceKind(String label, String group, String kind, String plural, List<String> versions) {
    static final ResourceKind VIRTUAL_SERVICE = new ResourceKind("Istio VirtualService", "networking.istio.io",
            "VirtualService", "virtualservices", List.of("v1", "v1beta1"));
    static final ResourceKind HTTP_ROUTE = new ResourceKind("Gateway API HTTPRoute", "gateway.networking.k8s.io",
            "HTTPRoute", "httproutes", List.of("v1", "v1beta1"));
    static final ResourceKind TRAFFIC_SPLIT = new ResourceKind("SMI TrafficSplit", "split.smi-spec.io",
            "TrafficSplit", "trafficsplits", List.of("v1alpha2", "v1alpha3", "v1alpha4"));
    static final ResourceKind INFERENCE_SERVICE = new ResourceKind("KServe InferenceService", "serving.kserve.io",
            "InferenceService", "inferenceservices", List.of("v1beta1"));
    static final ResourceKind FLAGGER_CANARY = new ResourceKind("Flagger Canary", "flagger.app", "Canary",
            "canaries", List.of("v1beta1"));
    static final ResourceKind ARGO_ROLLOUT = new ResourceKind("Argo Rollouts Rollout", "argoproj.io", "Rollout",
            "rollouts", List.of("v1alpha1"));

    ResourceKind {
        versions = List.copyOf(versions);
    }

    ResourceDefinitionContext context(final String version) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    /** The resource as RBAC rules name it, e.g. {@code virtualservices.networking.istio.io}. */
    String resource() {
        return plural + "." + group;
    }

    /**
     * The versions to try for a configured API version ({@code v1} or {@code group/v1}), or all known ones for
     * {@code null}.
     *
     * @throws IllegalArgumentException when the configured version names another group
     */
    List<String> versionsFor(final String apiVersion) {
        if (apiVersion == null || apiVersion.isBlank()) {
            return versions;
        }
        int slash = apiVersion.indexOf('/');
        if (slash >= 0 && !apiVersion.substring(0, slash).equals(group)) {
            throw new IllegalArgumentException(String.format("API version %s is not of group %s (the %s group)",
                    apiVersion, group, label));
        }
        return List.of(apiVersion.substring(slash + 1));
    }
}
