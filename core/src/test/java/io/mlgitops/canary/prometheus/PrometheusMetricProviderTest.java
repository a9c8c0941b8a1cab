package io.mlgitops.canary.prometheus;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.Measurement;
import io.mlgitops.canary.MetricQuery;
import io.mlgitops.canary.PrometheusSettings;
import io.mlgitops.canary.RouteTargets;
import io.mlgitops.canary.Variant;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.testing.LocalHttpServer;
import io.mlgitops.testing.LocalHttpServer.Request;
import io.mlgitops.testing.LocalHttpServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Request and answer shapes of Prometheus' query API (as documented for Prometheus 2.42, and as the real server
 * answers in PrometheusMetricsIT), served by an in-process server: what real Prometheus does not do on demand.
 */
class PrometheusMetricProviderTest {
    private static final RouteTargets TARGETS = new RouteTargets("ml", "churn-v1", "churn-v2");
    private static final Instant END = Instant.parse("2026-11-28T12:00:00.250Z");
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(1), Duration.ofMillis(2));
    private static final MetricQuery QUERY = new MetricQuery("error-rate",
            "sum(rate(errors{namespace=\"{{namespace}}\",pod=~\"{{target}}-.*\"}[{{interval}}])) / {{ stable }}",
            "sum(increase(requests{pod=~\"{{canary}}-.*\"}[{{interval}}]))");

    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private PrometheusMetricProvider provider(final Map<String, String> secrets) throws InputException {
        PrometheusSettings settings = PrometheusSettings.of(server.uri("/prom")).withHttp(FAST)
                .withScrapeInterval(Duration.ofSeconds(1));
        return PrometheusMetricProvider.create(settings, name -> Optional.ofNullable(secrets.get(name)),
                new HttpExecutor(FAST, PrometheusMetricProvider.UNREACHABLE_HINT, wait -> { },
                        new SplittableRandom(1)));
    }

    private static String vector(final String... values) {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            result.append(i == 0 ? "" : ",").append("{\"metric\":{\"pod\":\"p").append(i)
                    .append("\"},\"value\":[1795867200.25,\"").append(values[i]).append("\"]}");
        }
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + result + "]}}";
    }

    private static Map<String, String> parameters(final Request request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = request.pathAndQuery().substring(request.pathAndQuery().indexOf('?') + 1);
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Test
    void shouldQueryTheValueTheSamplesAndTheSeries() throws InputException {
        server.on("/prom/api/v1/query_range", request -> Response.json(200, "{\"status\":\"success\",\"data\":{"
                + "\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1,\"0.5\"],[2,\"NaN\"],"
                + "[3,\"0.25\"]]}]}}"));
        server.on("/prom/api/v1/query", request -> Response.json(200,
                vector(parameters(request).get("query").startsWith("sum(increase") ? "120.4" : "0.0125")));

        Measurement measurement = provider(Map.of()).measure(QUERY, TARGETS, Variant.CANARY, END, WINDOW);

        assertThat(measurement).isEqualTo(new Measurement(0.0125, List.of(0.5, 0.25), 120));
        List<Request> requests = server.requests();
        assertThat(requests).hasSize(3);
        assertThat(parameters(requests.get(0))).containsExactly(
                Map.entry("query", "sum(rate(errors{namespace=\"ml\",pod=~\"churn-v2-.*\"}[60s])) / churn-v1"),
                Map.entry("time", "1795867200.250"));
        assertThat(parameters(requests.get(1))).containsEntry("query",
                "sum(increase(requests{pod=~\"churn-v2-.*\"}[60s]))");
        assertThat(requests.get(2).pathAndQuery()).startsWith("/prom/api/v1/query_range?");
        assertThat(parameters(requests.get(2))).containsExactly(
                Map.entry("query", "sum(rate(errors{namespace=\"ml\",pod=~\"churn-v2-.*\"}[6s])) / churn-v1"),
                Map.entry("start", "1795867146.250"), Map.entry("end", "1795867200.250"),
                Map.entry("step", "6.000"));
        assertThat(requests.get(0).authorization()).isNull();
    }

    @Test
    void shouldTakeNoSeriesOrNanAsNoData() throws InputException {
        server.on("/prom/api/v1/query", request -> Response.json(200,
                request.pathAndQuery().contains("stable") ? vector("NaN") : vector()));
        PrometheusMetricProvider provider = provider(Map.of());

        assertThat(provider.measure(QUERY, TARGETS, Variant.STABLE, END, WINDOW)).isEqualTo(Measurement.none());
        MetricQuery nan = new MetricQuery("nan", "stable", "vector(1)");
        assertThat(provider.measure(nan, TARGETS, Variant.STABLE, END, WINDOW)).isEqualTo(Measurement.none());
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void shouldReadScalarsAndInfinity() throws InputException {
        server.on("/prom/api/v1/query_range", request -> Response.json(200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}"));
        server.on("/prom/api/v1/query", request -> Response.json(200, parameters(request).get("query")
                .equals("vector(3)") ? "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\","
                + "\"result\":[1795867200.25,\"3\"]}}" : vector("+Inf")));

        Measurement measurement = provider(Map.of()).measure(new MetricQuery("p99", "histogram", "vector(3)"),
                TARGETS, Variant.CANARY, END, WINDOW);

        assertThat(measurement).isEqualTo(new Measurement(Double.POSITIVE_INFINITY, List.of(), 3));
    }

    @Test
    void shouldRefuseAnAnswerOfSeveralSeries() {
        server.on("/prom/api/v1/query", request -> Response.json(200, vector("1", "2")));

        assertThatThrownBy(() -> provider(Map.of()).measure(QUERY, TARGETS, Variant.CANARY, END, WINDOW))
                .isInstanceOf(InputException.class)
                .hasMessage("Prometheus at " + server.uri("/prom/api/v1/query") + " answered the query of check "
                        + "'error-rate' with 2 series ({\"pod\":\"p0\"}, {\"pod\":\"p1\"}, ...); expected one. "
                        + "Aggregate the query to one series, e.g. with sum(...): sum(rate(errors{namespace=\"ml\","
                        + "pod=~\"churn-v2-.*\"}[60s])) / churn-v1");
    }

    @Test
    void shouldExplainARefusedQuery() {
        server.on("/prom/api/v1/query", request -> Response.json(422, "{\"status\":\"error\",\"errorType\":"
                + "\"execution\",\"error\":\"query processing would load too many samples into memory\"}"));

        assertThatThrownBy(() -> provider(Map.of()).measure(QUERY, TARGETS, Variant.CANARY, END, WINDOW))
                .isInstanceOf(InputException.class)
                .hasMessage("Prometheus at " + server.uri("/prom/api/v1/query") + " refused the query of check "
                        + "'error-rate' (execution: query processing would load too many samples into memory). "
                        + "Fix the PromQL: sum(rate(errors{namespace=\"ml\",pod=~\"churn-v2-.*\"}[60s])) / churn-v1");
    }

    @Test
    void shouldRetryAnUnavailableServer() throws InputException {
        server.on("/prom/api/v1/query", request -> Response.json(200, vector()));
        server.failNext(2, Response.text(503, "Service Unavailable"));

        assertThat(provider(Map.of()).measure(QUERY, TARGETS, Variant.CANARY, END, WINDOW))
                .isEqualTo(Measurement.none());
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void shouldSendCredentialsAndNameOnlyTheirVariables() {
        server.on("/prom/api/v1/query", request -> Response.json(401, "Unauthorized"));

        assertThatThrownBy(() -> provider(Map.of("PROMETHEUS_TOKEN", "s3cret-token"))
                .measure(QUERY, TARGETS, Variant.CANARY, END, WINDOW))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(server.uri("/prom/api/v1/query") + " rejected the bearer token from "
                        + "PROMETHEUS_TOKEN (HTTP 401).")
                .hasMessageContaining("Query of check 'error-rate'")
                .hasMessageNotContaining("s3cret");
        assertThat(server.requests().get(0).authorization()).isEqualTo("Bearer s3cret-token");
    }

    @Test
    void shouldSendBasicCredentials() throws InputException {
        server.on("/prom/api/v1/query", request -> Response.json(200, vector()));

        provider(Map.of("PROMETHEUS_USERNAME", "grafana", "PROMETHEUS_PASSWORD", "pw"))
                .measure(QUERY, TARGETS, Variant.CANARY, END, WINDOW);

        assertThat(server.requests().get(0).authorization()).isEqualTo("Basic Z3JhZmFuYTpwdw==");
    }

    @Test
    void shouldNameTheCheckWithAnUnknownPlaceholder() {
        MetricQuery typo = new MetricQuery("typo", "rate(x{pod=\"{{workload}}\"}[{{interval}}])", "vector(1)");

        assertThatThrownBy(() -> provider(Map.of()).measure(typo, TARGETS, Variant.CANARY, END, WINDOW))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("Check 'typo': Unknown placeholder {{workload}} in")
                .hasMessageEndingWith("Known placeholders: {{canary}}, {{interval}}, {{namespace}}, {{stable}}, "
                        + "{{target}}.");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void shouldRefuseAUrlThatIsNotHttp() {
        PrometheusSettings settings = PrometheusSettings.of(URI.create("prometheus:9090"));

        assertThatThrownBy(() -> PrometheusMetricProvider.create(settings, name -> Optional.empty()))
                .isInstanceOf(InputException.class)
                .hasMessage("The Prometheus URL 'prometheus:9090' is not an http(s) URL with a host. Give the "
                        + "server's base URL, e.g. http://prometheus.istio-system:9090.");
    }

    @Test
    void shouldStepATenthOfTheWindowButAtLeastTwoScrapes() throws InputException {
        PrometheusMetricProvider provider = PrometheusMetricProvider.create(PrometheusSettings.of(
                server.uri("/")), name -> Optional.empty());

        assertThat(provider.step(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(1));
        assertThat(provider.step(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(30));
        assertThat(provider.step(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
        assertThat(PrometheusMetricProvider.promDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}
