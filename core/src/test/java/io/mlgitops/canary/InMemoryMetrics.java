package io.mlgitops.canary;

import io.mlgitops.api.errors.MlGitOpsException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A metric provider with fixed answers per query name and variant: a measurement, or a failure. It records what was
 * asked, so that tests can check the window and the targets.
 */
final class InMemoryMetrics implements MetricProvider {
    private final Map<String, Measurement> measurements = new HashMap<>();
    private final Map<String, RuntimeException> runtimeFailures = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();
    private final List<String> requests = new ArrayList<>();

    InMemoryMetrics set(final String query, final Variant variant, final Measurement measurement) {
        measurements.put(key(query, variant), measurement);
        return this;
    }

    /** Both variants of a query. */
    InMemoryMetrics set(final String query, final Measurement canary, final Measurement stable) {
        return set(query, Variant.CANARY, canary).set(query, Variant.STABLE, stable);
    }

    InMemoryMetrics fail(final String query, final Variant variant, final String message) {
        failures.put(key(query, variant), message);
        return this;
    }

    InMemoryMetrics breakDown(final String query, final Variant variant, final RuntimeException bug) {
        runtimeFailures.put(key(query, variant), bug);
        return this;
    }

    List<String> requests() {
        return requests;
    }

    @Override
    public Measurement measure(final MetricQuery query, final RouteTargets targets, final Variant variant,
            final Instant end, final Duration window) throws MlGitOpsException {
        String key = key(query.name(), variant);
        requests.add(key + "@" + targets.name(variant) + " " + end + " " + window);
        if (failures.containsKey(key)) {
            throw new MlGitOpsException(failures.get(key));
        }
        if (runtimeFailures.containsKey(key)) {
            throw runtimeFailures.get(key);
        }
        return measurements.getOrDefault(key, Measurement.none());
    }

    @Override
    public void close() {
        // nothing to release
    }

    private static String key(final String query, final Variant variant) {
        return query + "/" + variant.label();
    }

    /** A measurement with a series. */
    static Measurement of(final double value, final long samples, final double... series) {
        List<Double> points = new ArrayList<>();
        for (double point : series) {
            points.add(point);
        }
        return new Measurement(value, points, samples);
    }
}
