package io.mlgitops.canary;

import java.util.List;

/**
 * One metric of one variant over an analysis window.
 *
 * @param value   the metric over the whole window (the success rate, the p99 latency, the accuracy, ...), NaN when
 *                there was no data
 * @param series  the metric per sub-interval of the window (for example per scrape step), oldest first, for the
 *                comparative judge; may be empty
 * @param samples the observations behind the value (requests, labelled predictions); 0 when there was no traffic
 */
public record Measurement(double value, List<Double> series, long samples) {
    public Measurement {
        series = List.copyOf(series);
    }

    /** A window without data. */
    public static Measurement none() {
        return new Measurement(Double.NaN, List.of(), 0);
    }

    public boolean hasData() {
        return !Double.isNaN(value) && samples > 0;
    }
}
