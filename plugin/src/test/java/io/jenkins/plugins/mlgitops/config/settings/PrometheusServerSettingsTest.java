package io.jenkins.plugins.mlgitops.config.settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The configured Prometheus: its checks, and which call gets its URL, credential and scrape interval. */
class PrometheusServerSettingsTest {
    private static final PrometheusServerSettings CONFIGURED = new PrometheusServerSettings(
            "http://prometheus.monitoring:9090/", "prom-token", "30s");

    @Test
    void shouldCheckUrlAndScrapeInterval() {
        assertThat(PrometheusServerSettings.checkUrl("https://prometheus.example.com")).isEqualTo(Validation.ok());
        assertThat(PrometheusServerSettings.checkUrl("http://prometheus:9090").kind())
                .isEqualTo(Validation.Kind.WARNING);
        assertThat(PrometheusServerSettings.checkUrl(null).message())
                .isEqualTo("Give Prometheus' URL, e.g. http://prometheus.monitoring:9090");
        assertThat(PrometheusServerSettings.checkScrapeInterval("15s")).isEqualTo(Validation.ok());
        assertThat(PrometheusServerSettings.checkScrapeInterval(" ")).isEqualTo(Validation.ok());
        assertThat(PrometheusServerSettings.checkScrapeInterval("0s").message())
                .isEqualTo("scrapeInterval must be positive, e.g. 15s.");
        Validation wrong = PrometheusServerSettings.checkScrapeInterval("often");
        assertThat(wrong.kind()).isEqualTo(Validation.Kind.ERROR);
        assertThat(wrong.message()).startsWith("scrapeInterval: ").contains("often");
    }

    @Test
    void shouldUseTheConfiguredServerWhenTheStepGivesNone() {
        assertThat(PrometheusServerSettings.choose(CONFIGURED, " ", null)).isEqualTo(
                new PrometheusServerSettings.Target("http://prometheus.monitoring:9090/", "prom-token", "30s"));
    }

    @Test
    void shouldSendTheCredentialOnlyToTheConfiguredServer() {
        assertThat(PrometheusServerSettings.choose(CONFIGURED, "http://prometheus.monitoring:9090", "10s"))
                .isEqualTo(new PrometheusServerSettings.Target("http://prometheus.monitoring:9090", "prom-token",
                        "10s"));
        assertThat(PrometheusServerSettings.choose(CONFIGURED, "https://other.example.com", null)).isEqualTo(
                new PrometheusServerSettings.Target("https://other.example.com", null, "30s"));
    }

    @Test
    void shouldLeaveEverythingToTheStepWithoutConfiguration() {
        assertThat(PrometheusServerSettings.choose(null, null, null))
                .isEqualTo(new PrometheusServerSettings.Target(null, null, null));
        assertThat(PrometheusServerSettings.choose(null, " http://p:9090 ", "5s"))
                .isEqualTo(new PrometheusServerSettings.Target("http://p:9090", null, "5s"));
    }
}
