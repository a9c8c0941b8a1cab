package io.mlgitops.metrics;

/** The descriptive half of a {@link Metric}: its name, direction and whether it needs probabilities. */
abstract class NamedMetric implements Metric {
    private final String name;
    private final Direction direction;
    private final boolean needsProbabilities;

    NamedMetric(final String name, final Direction direction, final boolean needsProbabilities) {
        this.name = name;
        this.direction = direction;
        this.needsProbabilities = needsProbabilities;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Direction direction() {
        return direction;
    }

    @Override
    public final boolean needsProbabilities() {
        return needsProbabilities;
    }

    @Override
    public String toString() {
        return name;
    }
}
