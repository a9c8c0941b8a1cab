package io.mlgitops.canary;

import io.mlgitops.api.errors.MlGitOpsException;

import java.time.Duration;
import java.time.Instant;

/**
 * Port: measures a metric of one variant over a window ending now (Prometheus over its HTTP API, or the local
 * in-process servers).
 */
public interface MetricProvider extends AutoCloseable {
    /**
     * @param query   what to measure
     * @param targets the names to fill into the query
     * @param variant which version
     * @param end     the end of the window
     * @param window  its length
     * @return the measurement; {@link Measurement#none()} when the source has no data for it (not an error)
     * @throws MlGitOpsException when the source cannot be reached or refuses the query; the controller counts these
     *                           separately from failed checks
     */
    Measurement measure(MetricQuery query, RouteTargets targets, Variant variant, Instant end, Duration window)
            throws MlGitOpsException;

    @Override
    void close();
}
