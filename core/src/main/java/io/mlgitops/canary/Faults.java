package io.mlgitops.canary;

import java.time.Duration;
import java.util.Objects;

/**
 * Faults a local model server injects, for tests and the demo's regression scenario.
 *
 * @param extraLatency added to every request before it is answered
 * @param errorRate    the share of requests answered with HTTP 500 instead of a prediction, 0 to 1
 */
public record Faults(Duration extraLatency, double errorRate) {
    /** No fault. */
    public static final Faults NONE = new Faults(Duration.ZERO, 0);

    public Faults {
        Objects.requireNonNull(extraLatency, "extraLatency");
        if (extraLatency.isNegative()) {
            throw new IllegalArgumentException("extraLatency must not be negative: " + extraLatency);
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("errorRate must be between 0 and 1: " + errorRate);
        }
    }

    public static Faults latency(final Duration extra) {
        return new Faults(extra, 0);
    }

    public static Faults errors(final double rate) {
        return new Faults(Duration.ZERO, rate);
    }
}
