package io.mlgitops.canary;

import java.util.Objects;

/**
 * What a direct Kubernetes router drives: one object, the part of it that routes, and its stable and canary
 * backends. Built with {@link #of(String, String)} and the {@code with...} methods; what each part means depends on
 * the router (see {@link KubernetesRouters}).
 *
 * @param namespace      the object's namespace
 * @param name           the object's name
 * @param section        the name of the HTTP route (Istio {@code spec.http[].name}) or rule (Gateway API
 *                       {@code spec.rules[].name}); {@code null} for the first one
 * @param stable         the stable backend: Istio destination host (and subset), Gateway API backendRef name, SMI
 *                       backend service; {@code null} for KServe
 * @param canary         the canary backend, like {@code stable}
 * @param apiVersion     the API version to use ({@code v1}, or {@code networking.istio.io/v1beta1}); {@code null} to
 *                       use the first version under which the object is found
 * @param stableWorkload the stable workload name for metric queries; {@code null} for the router's default
 * @param canaryWorkload the canary workload name for metric queries; {@code null} for the router's default
 */
public record KubernetesRoute(String namespace, String name, String section, Backend stable, Backend canary,
        String apiVersion, String stableWorkload, String canaryWorkload) {
    public KubernetesRoute {
        requireName(namespace, "namespace");
        requireName(name, "name");
    }

    /** The object {@code namespace/name}, its first route or rule, no backends, the API version detected. */
    public static KubernetesRoute of(final String namespace, final String name) {
        return new KubernetesRoute(namespace, name, null, null, null, null, null, null);
    }

    /** The HTTP route or rule of that name instead of the first one. */
    public KubernetesRoute withSection(final String routeOrRule) {
        return new KubernetesRoute(namespace, name, routeOrRule, stable, canary, apiVersion, stableWorkload,
                canaryWorkload);
    }

    public KubernetesRoute withBackends(final Backend stableBackend, final Backend canaryBackend) {
        return new KubernetesRoute(namespace, name, section, stableBackend, canaryBackend, apiVersion,
                stableWorkload, canaryWorkload);
    }

    public KubernetesRoute withApiVersion(final String version) {
        return new KubernetesRoute(namespace, name, section, stable, canary, version, stableWorkload,
                canaryWorkload);
    }

    /** Workload names for metric queries instead of the router's defaults. */
    public KubernetesRoute withWorkloads(final String stableName, final String canaryName) {
        return new KubernetesRoute(namespace, name, section, stable, canary, apiVersion, stableName, canaryName);
    }

    private static void requireName(final String value, final String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    /**
     * One of the two weighted backends.
     *
     * @param name   the Istio destination host (a short name matches a fully qualified host that starts with it and
     *               a dot), the Gateway API backendRef name, or the SMI backend service
     * @param subset the Istio destination subset, {@code null} for any; only for Istio
     */
    public record Backend(String name, String subset) {
        public Backend {
            requireName(name, "backend name");
        }

        public static Backend named(final String name) {
            return new Backend(name, null);
        }

        /** An Istio destination told apart by its subset. */
        public static Backend subset(final String host, final String subset) {
            return new Backend(host, Objects.requireNonNull(subset, "subset"));
        }

        /** In words, for messages: {@code 'churn'} or {@code 'churn' subset 'v2'}. */
        public String describe() {
            return "'" + name + "'" + (subset == null ? "" : " subset '" + subset + "'");
        }
    }
}
