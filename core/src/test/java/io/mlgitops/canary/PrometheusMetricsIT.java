package io.mlgitops.canary;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.data.CsvReader;
import io.mlgitops.data.Dataset;
import io.mlgitops.inference.LocalModelRunners;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.testing.PrometheusServer;
import io.mlgitops.testing.PrometheusServerExtension;
import io.mlgitops.testing.PythonProcess;
import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The built-in checks measured by a real Prometheus (1 s scrapes) on local model servers under replayed traffic:
 * champion.onnx as the stable version, candidate-degraded.onnx as a canary that also fails 20 % of its requests and
 * answers 30 ms late. An idle deployment gives no data; a third one measures how fast a breach shows.
 */
class PrometheusMetricsIT {
    @RegisterExtension
    static final PrometheusServerExtension PROMETHEUS = new PrometheusServerExtension();

    private static final Duration WINDOW = Duration.ofSeconds(15);
    private static final Duration TRAFFIC_TIME = Duration.ofSeconds(20);
    private static final double ERROR_RATE = 0.2;
    private static final Duration LATENCY = Duration.ofMillis(30);

    @TempDir
    static Path folder;

    private static final List<AutoCloseable> OPENED = new ArrayList<>();
    private static LocalServing served;
    private static LocalServing idle;
    private static LocalServing breach;
    private static MetricProvider prometheus;
    private static TrafficReplay traffic;

    @BeforeAll
    static void serveAndScrape() throws Exception {
        PrometheusServer.binary();
        Dataset rows = CsvReader.read(TestEnvironment.example("churn/test.csv"));
        ModelRunner champion = open("churn/champion.onnx");
        ModelRunner degraded = open("churn/candidate-degraded.onnx");
        served = serve("served", champion, degraded, rows);
        idle = serve("idle", champion, degraded, rows);
        breach = serve("breach", champion, champion, rows);
        List<URI> targets = new ArrayList<>();
        for (LocalServing serving : List.of(served, idle, breach)) {
            targets.add(serving.metricsEndpoint(Variant.STABLE));
            targets.add(serving.metricsEndpoint(Variant.CANARY));
        }
        PrometheusServer server = PROMETHEUS.start(targets);
        prometheus = MetricProviders.prometheus(PrometheusSettings.of(server.uri())
                .withScrapeInterval(PrometheusServer.SCRAPE_INTERVAL), name -> Optional.empty());
        OPENED.add(prometheus);
        served.inject(Variant.CANARY, new Faults(LATENCY, ERROR_RATE));
        served.router().setWeight(50);
        breach.router().setWeight(50);
        traffic = TrafficReplay.start(served.endpoint(), rows, "churned", 100);
        OPENED.add(0, traffic);
        OPENED.add(0, TrafficReplay.start(breach.endpoint(), rows, "churned", 50));
        Thread.sleep(TRAFFIC_TIME.toMillis());
    }

    private static ModelRunner open(final String example) throws InputException {
        ModelRunner runner = LocalModelRunners.onnx(TestEnvironment.example(example), "onnx:" + example, 1);
        OPENED.add(runner);
        return runner;
    }

    private static LocalServing serve(final String name, final ModelRunner stable, final ModelRunner canary,
            final Dataset reference) throws MlGitOpsException {
        String namespace = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        LocalServingSpec spec = LocalServingSpec.of(new LocalModel(stable, "churn", "1"),
                        new LocalModel(canary, "churn", "2"), folder.resolve(name + ".json"))
                .withTargets(new RouteTargets(namespace, "churn-stable", "churn-canary"))
                .withRequest(PredictionRequest.forTarget("churned"))
                .withDriftReference(reference);
        LocalServing serving = LocalServing.start(spec);
        OPENED.add(0, serving);
        return serving;
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable resource : OPENED) {
            resource.close();
        }
        OPENED.clear();
    }

    private static Measurement measure(final MetricProvider provider, final LocalServing serving,
            final String check, final Variant variant, final Instant end) throws MlGitOpsException {
        return provider.measure(BuiltInChecks.byName(check), serving.targets(), variant, end, WINDOW);
    }

    private static Measurement measure(final String check, final Variant variant) throws MlGitOpsException {
        return measure(prometheus, served, check, variant, Instant.now());
    }

    @Test
    void shouldMeasureTheInjectedErrorRate() throws MlGitOpsException {
        Measurement stable = measure(BuiltInChecks.REQUEST_SUCCESS_RATE, Variant.STABLE);
        Measurement canary = measure(BuiltInChecks.REQUEST_SUCCESS_RATE, Variant.CANARY);

        assertThat(stable.value()).isEqualTo(100.0);
        assertThat(canary.value()).isCloseTo(100 * (1 - ERROR_RATE), within(2.0));
        assertThat(stable.samples()).isBetween(600L, 900L);
        assertThat(canary.samples()).isBetween(600L, 900L);
        assertThat(canary.series()).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(value -> assertThat(value).isCloseTo(80.0, within(10.0)));
    }

    @Test
    void shouldMeasureTheInjectedLatency() throws MlGitOpsException {
        double stable = measure(BuiltInChecks.REQUEST_DURATION_P99, Variant.STABLE).value();
        double canary = measure(BuiltInChecks.REQUEST_DURATION_P99, Variant.CANARY).value();

        assertThat(stable).isLessThan(LATENCY.toMillis());
        // the upper bound leaves room for a loaded machine: the point is that the injected delay shows
        assertThat(canary).isBetween((double) LATENCY.toMillis(), 8.0 * LATENCY.toMillis());
    }

    @Test
    void shouldMeasureTheModelsOnlineAccuracyConfidenceAndDrift() throws MlGitOpsException {
        Measurement stableAccuracy = measure(BuiltInChecks.MODEL_ACCURACY, Variant.STABLE);
        Measurement canaryAccuracy = measure(BuiltInChecks.MODEL_ACCURACY, Variant.CANARY);

        // examples/churn/expected-metrics.json: accuracy 0.8177 (champion), 0.6663 (degraded) on all of test.csv
        assertThat(stableAccuracy.value()).isCloseTo(0.8177, within(0.05));
        assertThat(canaryAccuracy.value()).isCloseTo(0.6663, within(0.06));
        assertThat(canaryAccuracy.samples()).isCloseTo(Math.round(0.8 * stableAccuracy.samples()),
                within(80L));
        // mean top class probability on all of test.csv: 0.8261 (champion), 0.7636 (degraded)
        assertThat(measure(BuiltInChecks.PREDICTION_CONFIDENCE, Variant.STABLE).value())
                .isCloseTo(0.8261, within(0.03));
        assertThat(measure(BuiltInChecks.PREDICTION_CONFIDENCE, Variant.CANARY).value())
                .isCloseTo(0.7636, within(0.03));
        // PSI of the positive-class deciles against the champion's on test.csv: 0 for itself, 0.66 for the degraded
        assertThat(measure(BuiltInChecks.DATA_DRIFT_SCORE, Variant.STABLE).value()).isBetween(0.0, 0.1);
        assertThat(measure(BuiltInChecks.DATA_DRIFT_SCORE, Variant.CANARY).value()).isBetween(0.45, 0.9);
    }

    @Test
    void shouldAgreeWithTheLocalProvider() throws MlGitOpsException {
        Instant end = Instant.now();
        // the windows differ a little (Prometheus extrapolates rates to the window's edges); p99 is relative, and
        // both sides interpolate within the same histogram bucket, so a few slow requests move it by half
        Map<String, Double> tolerance = Map.of(BuiltInChecks.REQUEST_SUCCESS_RATE, 1.0,
                BuiltInChecks.REQUEST_DURATION_P99, 0.5, BuiltInChecks.MODEL_ACCURACY, 0.03,
                BuiltInChecks.DATA_DRIFT_SCORE, 0.05, BuiltInChecks.PREDICTION_CONFIDENCE, 0.01);
        for (Variant variant : Variant.values()) {
            for (String check : BuiltInChecks.names()) {
                Measurement local = measure(served.metrics(), served, check, variant, end);
                Measurement remote = measure(prometheus, served, check, variant, end);
                double allowed = check.equals(BuiltInChecks.REQUEST_DURATION_P99)
                        ? tolerance.get(check) * local.value() : tolerance.get(check);
                assertThat(remote.value()).as("%s of %s", check, variant).isCloseTo(local.value(), within(allowed));
                assertThat(remote.samples()).as("samples of %s of %s", check, variant)
                        .isCloseTo(local.samples(), within(Math.max(10, local.samples() / 10)));
            }
        }
    }

    @Test
    void shouldExportMetricsThatPromtoolAccepts() throws Exception {
        Path promtool = PrometheusServer.binary().resolveSibling("promtool");
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                served.metricsEndpoint(Variant.CANARY)).build(), HttpResponse.BodyHandlers.ofString()).body();

        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream input = check.getOutputStream()) {
            input.write(metrics.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        // the one lint finding is Istio's own name, which the built-in request checks need as it is
        check.waitFor();
        assertThat(output.strip()).isEqualTo("istio_request_duration_milliseconds use base unit \"seconds\" instead "
                + "of \"milliseconds\"");
        assertThat(metrics).contains("mlgitops_model_drift_score{");
    }

    @Test
    void shouldGiveNoDataWithoutTraffic() throws MlGitOpsException {
        for (String check : BuiltInChecks.names()) {
            for (Variant variant : Variant.values()) {
                assertThat(measure(prometheus, idle, check, variant, Instant.now())).as(check)
                        .isEqualTo(Measurement.none());
                assertThat(measure(idle.metrics(), idle, check, variant, Instant.now())).as(check)
                        .isEqualTo(Measurement.none());
            }
        }
    }

    @Test
    void shouldGiveNoDataForAnUnknownMetric() throws MlGitOpsException {
        MetricQuery unknown = new MetricQuery("custom", "sum(rate(mlgitops_no_such_metric{destination_workload="
                + "\"{{target}}\"}[{{interval}}]))", "sum(increase(mlgitops_no_such_metric[{{interval}}]))");

        assertThat(prometheus.measure(unknown, served.targets(), Variant.CANARY, Instant.now(), WINDOW))
                .isEqualTo(Measurement.none());
    }

    @Test
    void shouldExplainABadQuery() {
        MetricQuery broken = new MetricQuery("broken", "sum(rate(istio_requests_total[{{interval}}]",
                "vector(1)");

        assertThatThrownBy(() -> prometheus.measure(broken, served.targets(), Variant.CANARY, Instant.now(), WINDOW))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("/api/v1/query")
                .hasMessageContaining("check 'broken'")
                .hasMessageContaining("bad_data")
                .hasMessageContaining("sum(rate(istio_requests_total[15s]");
    }

    @Test
    void shouldReportAnUnreachableServerAsAnErrorNotAsNoData() throws InputException {
        URI down = URI.create("http://127.0.0.1:" + PythonProcess.freePort());
        HttpSettings fast = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, Duration.ofMillis(10),
                Duration.ofMillis(20));
        try (MetricProvider unreachable = MetricProviders.prometheus(PrometheusSettings.of(down).withHttp(fast),
                name -> Optional.empty())) {
            assertThatThrownBy(() -> unreachable.measure(BuiltInChecks.byName(BuiltInChecks.MODEL_ACCURACY),
                    served.targets(), Variant.CANARY, Instant.now(), WINDOW))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("Cannot reach " + down + "/api/v1/query")
                    .hasMessageContaining("connection refused")
                    .hasMessageContaining("check 'model-accuracy'")
                    .hasMessageContaining("mlgitops_model_predictions_correct_total");
        }
    }

    @Test
    void shouldShowABreachWithinSecondsAndMeasureCheaply() throws Exception {
        MetricQuery successRate = BuiltInChecks.byName(BuiltInChecks.REQUEST_SUCCESS_RATE);
        Duration window = Duration.ofSeconds(10);
        assertThat(prometheus.measure(successRate, breach.targets(), Variant.CANARY, Instant.now(), window).value())
                .isEqualTo(100.0);

        long injected = System.nanoTime();
        breach.inject(Variant.CANARY, Faults.errors(0.5));
        double[] thresholds = {99, 90, 75};
        double[] seconds = new double[thresholds.length];
        int crossed = 0;
        while (crossed < thresholds.length && System.nanoTime() - injected < Duration.ofSeconds(30).toNanos()) {
            Thread.sleep(50);
            double seen = prometheus.measure(successRate, breach.targets(), Variant.CANARY, Instant.now(), window)
                    .value();
            while (crossed < thresholds.length && seen < thresholds[crossed]) {
                seconds[crossed++] = (System.nanoTime() - injected) / 1e9;
            }
        }

        assertThat(crossed).isEqualTo(thresholds.length);
        assertThat(seconds[0]).isLessThan(3);
        System.out.printf("Breach: 50 %% errors injected into a canary at 25 rps, scraped every 1 s; success rate "
                + "over a 10 s window below 99 %% after %.2f s, below 90 %% after %.2f s, below 75 %% after %.2f s%n",
                seconds[0], seconds[1], seconds[2]);
        for (MetricProvider provider : List.of(prometheus, breach.metrics())) {
            int calls = 200;
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                provider.measure(successRate, breach.targets(), Variant.CANARY, Instant.now(), window);
            }
            System.out.printf("%s: %.3f ms per measure() of %s over %s%n", provider.getClass().getSimpleName(),
                    (System.nanoTime() - start) / 1e6 / calls, successRate.name(), window);
        }
    }
}
