package io.jenkins.plugins.mlgitops.config.settings;

import io.mlgitops.gitops.Durations;

import java.time.Duration;

/**
 * The Prometheus server configured in <em>Manage Jenkins</em> for {@code mlCanary}, and the rules around it.
 *
 * @param url            the server's base URL (before {@code /api/v1})
 * @param credentialsId  the Jenkins credential for it (a token, or user name and password), or {@code null}
 * @param scrapeInterval how often Prometheus scrapes the model servers ({@code 15s}), or {@code null}
 */
public record PrometheusServerSettings(String url, String credentialsId, String scrapeInterval) {
    /** The server's URL: http or https with a host; plain http only earns a warning. */
    public static Validation checkUrl(final String url) {
        return Urls.check("Prometheus' URL", "http://prometheus.monitoring:9090", url);
    }

    /** A positive duration ({@code 15s}, {@code 1m}, {@code PT30S}); blank for the step's default. */
    public static Validation checkScrapeInterval(final String scrapeInterval) {
        if (scrapeInterval == null || scrapeInterval.isBlank()) {
            return Validation.ok();
        }
        try {
            Duration interval = Durations.parse(scrapeInterval);
            return interval.isZero() || interval.isNegative()
                    ? Validation.error("scrapeInterval must be positive, e.g. 15s.") : Validation.ok();
        }
        catch (IllegalArgumentException invalid) {
            return Validation.error("scrapeInterval: " + invalid.getMessage());
        }
    }

    /**
     * The Prometheus server of one {@code mlCanary} call: the step's {@code prometheusUrl} when given, else the
     * configured one. The configured credential goes only to the configured URL; the configured scrape interval is
     * the default of every call that gives none.
     *
     * @param configured     the configured server, or {@code null} when there is none
     * @param stepUrl        the step's {@code prometheusUrl}
     * @param stepScrape     the step's {@code scrapeInterval}
     */
    public static Target choose(final PrometheusServerSettings configured, final String stepUrl,
            final String stepScrape) {
        String scrape = Values.given(stepScrape, configured == null ? null : configured.scrapeInterval());
        if (configured == null) {
            return new Target(Values.given(stepUrl, null), null, scrape);
        }
        String url = Values.given(stepUrl, configured.url());
        String credentialsId = Urls.same(url, configured.url()) ? Values.given(configured.credentialsId(), null)
                : null;
        return new Target(url, credentialsId, scrape);
    }

    /**
     * The Prometheus server one call queries.
     *
     * @param url            the URL, or {@code null} when neither the step nor the configuration gives one
     * @param credentialsId  the configured credential to resolve, or {@code null} for the build's
     *                       {@code PROMETHEUS_TOKEN} or {@code PROMETHEUS_USERNAME}/{@code PROMETHEUS_PASSWORD}
     * @param scrapeInterval the scrape interval, or {@code null} for the engine's default (15 s)
     */
    public record Target(String url, String credentialsId, String scrapeInterval) {
    }
}
