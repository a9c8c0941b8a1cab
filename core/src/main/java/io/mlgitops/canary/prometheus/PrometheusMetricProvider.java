package io.mlgitops.canary.prometheus;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.canary.Measurement;
import io.mlgitops.canary.MetricProvider;
import io.mlgitops.canary.MetricQuery;
import io.mlgitops.canary.PrometheusSettings;
import io.mlgitops.canary.RouteTargets;
import io.mlgitops.canary.Variant;
import io.mlgitops.gitops.Template;
import io.mlgitops.net.HttpCredentials;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.Urls;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Measures checks with Prometheus (see {@link io.mlgitops.canary.MetricProviders#prometheus}). Templates get
 * {@code {{namespace}}}, {@code {{stable}}}, {@code {{canary}}}, {@code {{target}}} (the measured variant's workload)
 * and {@code {{interval}}} (the window, or the step in the series query, as a PromQL duration such as {@code 60s}).
 */
public final class PrometheusMetricProvider implements MetricProvider {
    static final String UNREACHABLE_HINT = "Is Prometheus running? Check --prometheus-url.";
    private static final int SERIES_POINTS = 10;

    private final PrometheusApi api;
    private final Duration minStep;

    PrometheusMetricProvider(final PrometheusApi api, final Duration scrapeInterval) {
        this.api = api;
        this.minStep = scrapeInterval.multipliedBy(2);
    }

    /** See {@link io.mlgitops.canary.MetricProviders#prometheus}. */
    public static PrometheusMetricProvider create(final PrometheusSettings settings, final SecretSource secrets)
            throws InputException {
        return create(settings, secrets, new HttpExecutor(settings.http(), UNREACHABLE_HINT));
    }

    static PrometheusMetricProvider create(final PrometheusSettings settings, final SecretSource secrets,
            final HttpExecutor http) throws InputException {
        URI url = settings.url();
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())
                || url.getHost() == null) {
            throw new InputException(String.format("The Prometheus URL '%s' is not an http(s) URL with a host. Give "
                    + "the server's base URL, e.g. http://prometheus.istio-system:9090.", Urls.redact(url.toString())));
        }
        HttpCredentials credentials = HttpCredentials.from(secrets, settings.usernameVariable(),
                settings.passwordVariable(), settings.tokenVariable());
        return new PrometheusMetricProvider(new PrometheusApi(url, http, credentials), settings.scrapeInterval());
    }

    @Override
    public Measurement measure(final MetricQuery query, final RouteTargets targets, final Variant variant,
            final Instant end, final Duration window) throws InputException {
        String check = query.name();
        OptionalDouble value = api.instant(check, render(check, query.valueQuery(), targets, variant, window), end);
        if (value.isEmpty() || Double.isNaN(value.getAsDouble())) {
            return Measurement.none();
        }
        OptionalDouble samples = api.instant(check, render(check, query.samplesQuery(), targets, variant, window),
                end);
        Duration step = step(window);
        List<Double> series = api.range(check, render(check, query.valueQuery(), targets, variant, step),
                end.minus(window).plus(step), end, step);
        long count = samples.isPresent() && !Double.isNaN(samples.getAsDouble())
                ? Math.round(samples.getAsDouble()) : 0;
        return new Measurement(value.getAsDouble(), series, count);
    }

    /** A tenth of the window, at least twice the scrape interval, at most the window; whole milliseconds. */
    Duration step(final Duration window) {
        Duration step = window.dividedBy(SERIES_POINTS);
        if (step.compareTo(minStep) < 0) {
            step = minStep;
        }
        if (step.compareTo(window) > 0) {
            step = window;
        }
        return Duration.ofMillis(Math.max(1, step.toMillis()));
    }

    private static String render(final String check, final String template, final RouteTargets targets,
            final Variant variant, final Duration interval) throws InputException {
        try {
            return Template.render(template, Map.of("namespace", targets.namespace(), "stable", targets.stable(),
                    "canary", targets.canary(), "target", targets.name(variant), "interval",
                    promDuration(interval)));
        }
        catch (InputException badTemplate) {
            throw new InputException("Check '" + check + "': " + badTemplate.getMessage(), badTemplate);
        }
    }

    /** A PromQL duration: whole seconds as {@code 60s}, otherwise milliseconds as {@code 1500ms}. */
    static String promDuration(final Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    @Override
    public void close() {
        // the JDK's HTTP client needs no closing
    }
}
