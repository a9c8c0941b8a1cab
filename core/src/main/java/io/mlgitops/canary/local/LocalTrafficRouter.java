package io.mlgitops.canary.local;

import io.mlgitops.canary.RolloutStateStore;
import io.mlgitops.canary.RouteTargets;
import io.mlgitops.canary.TrafficRouter;

/**
 * The {@code local} router: drives the in-process {@link WeightedSplit}, whose new weight applies from the next
 * request on, and keeps the rollout state in a JSON file. Closing it leaves the split to its owner.
 */
public final class LocalTrafficRouter implements TrafficRouter {
    private final WeightedSplit split;
    private final RouteTargets targets;
    private final JsonFileStateStore state;

    LocalTrafficRouter(final WeightedSplit split, final RouteTargets targets, final JsonFileStateStore state) {
        this.split = split;
        this.targets = targets;
        this.state = state;
    }

    @Override
    public String description() {
        return String.format("local split %s (stable %s, canary %s)", split.uri("/invocations"), targets.stable(),
                targets.canary());
    }

    @Override
    public RouteTargets targets() {
        return targets;
    }

    @Override
    public int weight() {
        return split.weight();
    }

    /** @throws IllegalArgumentException unless {@code 0 <= canaryWeight <= 100} */
    @Override
    public void setWeight(final int canaryWeight) {
        split.setWeight(canaryWeight);
    }

    @Override
    public RolloutStateStore stateStore() {
        return state;
    }

    @Override
    public void close() {
        // the split belongs to the local deployment
    }
}
