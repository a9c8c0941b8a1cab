package io.mlgitops.canary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A router in memory that records every weight it is given and keeps its state like an annotation would. */
final class FakeRouter implements TrafficRouter {
    private final List<Integer> weights = new ArrayList<>();
    private int weight;
    private String state;

    @Override
    public String description() {
        return "fake route ml/churn";
    }

    @Override
    public RouteTargets targets() {
        return new RouteTargets("ml", "churn-stable", "churn-canary");
    }

    @Override
    public int weight() {
        return weight;
    }

    @Override
    public void setWeight(final int canaryWeight) {
        weight = canaryWeight;
        weights.add(canaryWeight);
    }

    List<Integer> weights() {
        return weights;
    }

    String savedState() {
        return state;
    }

    @Override
    public RolloutStateStore stateStore() {
        return new RolloutStateStore() {
            @Override
            public Optional<String> load() {
                return Optional.ofNullable(state);
            }

            @Override
            public void save(final String json) {
                state = json;
            }

            @Override
            public void clear() {
                state = null;
            }
        };
    }

    @Override
    public void close() {
        // nothing to release
    }
}
