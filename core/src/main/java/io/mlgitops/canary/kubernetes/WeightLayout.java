package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.RouteTargets;

/** Where one kind of routed object keeps its weights, and what its stable and canary workloads are called. */
interface WeightLayout {
    /**
     * The weight fields in this object and their values.
     *
     * @throws InputException when the object lacks them or has them in an unexpected shape; the message names the
     *                        object, the field and the fix
     */
    Split locate(KubernetesObject object, JsonNode current) throws InputException;

    /** The default names for metric queries, from the router's options or the object as last read. */
    RouteTargets targets(String namespace, JsonNode current);
}
