package io.mlgitops.canary.analysis;

import io.mlgitops.canary.Measurement;

import java.util.Objects;

/**
 * What the metric provider gave for one variant: a measurement, or the message of its failure.
 *
 * @param measurement the measurement, {@code null} when the provider failed
 * @param error       the provider's message, {@code null} when it measured
 */
public record Observation(Measurement measurement, String error) {
    public static Observation measured(final Measurement measurement) {
        return new Observation(Objects.requireNonNull(measurement, "the metric provider returned no measurement"),
                null);
    }

    public static Observation failed(final String error) {
        return new Observation(null, error);
    }

    public boolean isFailure() {
        return error != null;
    }

    /** The window value, {@code null} when the provider failed or had no value. */
    Double value() {
        return measurement == null || Double.isNaN(measurement.value()) ? null : measurement.value();
    }
}
