package io.mlgitops.canary;

import io.mlgitops.net.HttpSettings;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Prometheus is and how to query it.
 *
 * @param url              the server's base URL (the part before {@code /api/v1}), e.g.
 *                         {@code http://prometheus.istio-system:9090}
 * @param http             timeouts and retries
 * @param scrapeInterval   how often Prometheus scrapes the model servers: a series' step is at least twice this, so
 *                         that every {@code rate} over a step sees two samples
 * @param usernameVariable the secret holding the HTTP Basic user name
 * @param passwordVariable the secret holding its password
 * @param tokenVariable    the secret holding a bearer token (used when there is no user name)
 */
public record PrometheusSettings(URI url, HttpSettings http, Duration scrapeInterval, String usernameVariable,
        String passwordVariable, String tokenVariable) {
    /** 5 s to connect, 30 s per query, 3 attempts with backoff from 0.5 s up to 4 s. */
    public static final HttpSettings HTTP_DEFAULTS = new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(30),
            3, Duration.ofMillis(500), Duration.ofSeconds(4));

    public PrometheusSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(scrapeInterval, "scrapeInterval");
        Objects.requireNonNull(usernameVariable, "usernameVariable");
        Objects.requireNonNull(passwordVariable, "passwordVariable");
        Objects.requireNonNull(tokenVariable, "tokenVariable");
        if (scrapeInterval.isNegative() || scrapeInterval.isZero()) {
            throw new IllegalArgumentException("scrapeInterval must be positive: " + scrapeInterval);
        }
    }

    /**
     * {@link #HTTP_DEFAULTS}, Prometheus' default scrape interval of 15 s, and credentials from
     * {@code PROMETHEUS_USERNAME}/{@code PROMETHEUS_PASSWORD} or {@code PROMETHEUS_TOKEN}.
     */
    public static PrometheusSettings of(final URI url) {
        return new PrometheusSettings(url, HTTP_DEFAULTS, Duration.ofSeconds(15), "PROMETHEUS_USERNAME",
                "PROMETHEUS_PASSWORD", "PROMETHEUS_TOKEN");
    }

    public PrometheusSettings withHttp(final HttpSettings newHttp) {
        return new PrometheusSettings(url, newHttp, scrapeInterval, usernameVariable, passwordVariable,
                tokenVariable);
    }

    public PrometheusSettings withScrapeInterval(final Duration interval) {
        return new PrometheusSettings(url, http, interval, usernameVariable, passwordVariable, tokenVariable);
    }

    public PrometheusSettings withCredentialVariables(final String username, final String password,
            final String token) {
        return new PrometheusSettings(url, http, scrapeInterval, username, password, token);
    }
}
