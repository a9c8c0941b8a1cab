package io.mlgitops.canary;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.canary.prometheus.PrometheusMetricProvider;

/**
 * Creates metric providers. The local provider comes with its servers: {@link LocalServing#metrics()}.
 */
public final class MetricProviders {
    private MetricProviders() {
    }

    /**
     * Prometheus over its HTTP API. A check's value is an instant query at the window's end, its samples the samples
     * query, and its series a range query of the value with {@code {{interval}}} set to the step (a tenth of the
     * window, at least twice the scrape interval). An empty answer or NaN is no data; a refused query or an
     * unreachable server is an error naming the URL and the query.
     *
     * @throws InputException when the URL is not http(s), or only one of user name and password is set
     */
    public static MetricProvider prometheus(final PrometheusSettings settings, final SecretSource secrets)
            throws InputException {
        return PrometheusMetricProvider.create(settings, secrets);
    }
}
