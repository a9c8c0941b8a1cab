package io.mlgitops.canary.local;

import io.mlgitops.canary.Variant;

/**
 * The labels every metric of one server carries.
 *
 * @param variant   stable or canary
 * @param namespace the {@code destination_workload_namespace}
 * @param workload  the {@code destination_workload}
 * @param model     the model name
 * @param version   the model version
 */
record ServerLabels(Variant variant, String namespace, String workload, String model, String version) {
}
