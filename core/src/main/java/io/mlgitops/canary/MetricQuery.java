package io.mlgitops.canary;

import java.util.Objects;

/**
 * How a metric is measured: a PromQL template for the value and one for the number of samples behind it. Templates
 * may use {@code {{namespace}}}, {@code {{stable}}}, {@code {{canary}}}, {@code {{target}}} (the variant's own
 * workload name) and {@code {{interval}}} (the window, e.g. {@code 60s}).
 *
 * @param name           the check name ({@code request-success-rate}, {@code model-accuracy}, or a custom one)
 * @param valueQuery     PromQL of the value of one variant
 * @param samplesQuery   PromQL of the number of observations behind it
 */
public record MetricQuery(String name, String valueQuery, String samplesQuery) {
    public MetricQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueQuery, "valueQuery");
        Objects.requireNonNull(samplesQuery, "samplesQuery");
    }
}
