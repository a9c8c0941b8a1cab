/**
 * The Kubernetes side of the canary: routers that patch Istio, Gateway API, SMI and KServe objects through the API
 * (mode {@code direct}), the rollout state in an annotation of the routed object, and watchers of Flagger and Argo
 * Rollouts. Other slices reach them through {@link io.mlgitops.canary.KubernetesRouters}.
 */
package io.mlgitops.canary.kubernetes;
