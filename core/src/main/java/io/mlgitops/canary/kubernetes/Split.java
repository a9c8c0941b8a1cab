package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a routed object keeps the traffic split and what it is now: a stable and a canary weight (both rewritten so
 * that they sum to 100), or a single canary percentage (KServe).
 *
 * @param stable the stable weight, {@code null} when the object has only a canary percentage
 * @param canary the canary weight or percentage
 */
record Split(WeightField stable, WeightField canary) {
    /** The canary's share of traffic in percent, rounded. */
    int share() {
        if (stable == null) {
            return canary.effective();
        }
        int total = stable.effective() + canary.effective();
        return total == 0 ? 0 : (int) Math.round(100.0 * canary.effective() / total);
    }

    /** The operations that give the canary {@code weight} percent; empty when the object holds exactly that. */
    List<ObjectNode> operations(final int weight) {
        List<ObjectNode> operations = new ArrayList<>();
        if (stable != null && stable.differsFrom(100 - weight)) {
            operations.add(JsonPatch.add(stable.pointer(), 100 - weight));
        }
        if (canary.differsFrom(weight)) {
            operations.add(JsonPatch.add(canary.pointer(), weight));
        }
        return operations;
    }

    /** The pointers of the fields the router writes. */
    List<String> pointers() {
        return stable == null ? List.of(canary.pointer()) : List.of(stable.pointer(), canary.pointer());
    }
}
