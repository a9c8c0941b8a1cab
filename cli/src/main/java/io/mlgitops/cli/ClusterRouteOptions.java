package io.mlgitops.cli;

import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.canary.KubernetesRoute;
import io.mlgitops.gitops.KubernetesSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** The routed object in a cluster, and how to reach the Kubernetes API. */
final class ClusterRouteOptions {
    @Option(names = "--namespace", paramLabel = "NS", description = "Namespace of the routed object.")
    private String namespace;

    @Option(names = "--target", paramLabel = "NAME", description = "The routed object: VirtualService, HTTPRoute, "
            + "TrafficSplit, InferenceService, Flagger Canary or Argo Rollout name.")
    private String target;

    @Option(names = "--route", paramLabel = "NAME", description = "The HTTP route or rule (default: the first).")
    private String route;

    @Option(names = "--stable-backend", paramLabel = "NAME|HOST/SUBSET",
            description = "The stable destination (service name, or host/subset for Istio).")
    private String stableBackend;

    @Option(names = "--canary-backend", paramLabel = "NAME|HOST/SUBSET", description = "The canary destination.")
    private String canaryBackend;

    @Option(names = "--stable-workload", paramLabel = "NAME", description = "Stable workload name in metrics.")
    private String stableWorkload;

    @Option(names = "--canary-workload", paramLabel = "NAME", description = "Canary workload name in metrics.")
    private String canaryWorkload;

    @Option(names = "--api-version", paramLabel = "VERSION", description = "API version of the routed object.")
    private String apiVersion;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig (default: $KUBECONFIG, "
            + "~/.kube/config or in-cluster).")
    private Path kubeconfig;

    @Option(names = "--kube-context", paramLabel = "NAME", description = "Kubeconfig context.")
    private String kubeContext;

    KubernetesSettings kubernetes(final String argoNamespace) {
        return new KubernetesSettings(kubeconfig, kubeContext, argoNamespace,
                KubernetesSettings.DEFAULTS.pollInterval(), KubernetesSettings.DEFAULTS.http());
    }

    String namespace() throws InvalidSettingsException {
        return require(namespace, "--namespace");
    }

    String target() throws InvalidSettingsException {
        return require(target, "--target");
    }

    KubernetesRoute route() throws InvalidSettingsException {
        try {
            KubernetesRoute routed = KubernetesRoute.of(namespace(), target());
            if (route != null) {
                routed = routed.withSection(route);
            }
            if (stableBackend != null || canaryBackend != null) {
                routed = routed.withBackends(backend(require(stableBackend, "--stable-backend")),
                        backend(require(canaryBackend, "--canary-backend")));
            }
            if (stableWorkload != null || canaryWorkload != null) {
                routed = routed.withWorkloads(require(stableWorkload, "--stable-workload"),
                        require(canaryWorkload, "--canary-workload"));
            }
            return apiVersion == null ? routed : routed.withApiVersion(apiVersion);
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidSettingsException(invalid.getMessage(), invalid);
        }
    }

    private static KubernetesRoute.Backend backend(final String text) {
        int slash = text.indexOf('/');
        return slash > 0 ? KubernetesRoute.Backend.subset(text.substring(0, slash), text.substring(slash + 1))
                : KubernetesRoute.Backend.named(text);
    }

    private static String require(final String value, final String option) throws InvalidSettingsException {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingsException("This router needs " + option + ".");
        }
        return value;
    }

    static Duration defaultPoll() {
        return KubernetesSettings.DEFAULTS.pollInterval();
    }
}
