package io.mlgitops.canary.local;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.canary.BuiltInChecks;
import io.mlgitops.canary.Faults;
import io.mlgitops.canary.Measurement;
import io.mlgitops.canary.MetricQuery;
import io.mlgitops.canary.RouteTargets;
import io.mlgitops.canary.Variant;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.testing.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The local provider on real servers (champion.onnx stable, candidate.onnx canary) with a manual clock: every value
 * is checked against the predictions ONNX Runtime made for the same rows when the examples were generated.
 */
class LocalMetricProviderTest {
    private static final RouteTargets TARGETS = new RouteTargets("local", "churn-stable", "churn-canary");
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private static ModelRunner champion;
    private static ModelRunner candidate;
    private static Dataset rows;
    private static long[] reference;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
    private ModelServer stable;
    private ModelServer canary;
    private LocalMetricProvider provider;

    @BeforeAll
    static void openModels() throws MlGitOpsException {
        champion = Churn.runner("champion");
        candidate = Churn.runner("candidate");
        rows = Churn.rows();
        reference = PredictionBins.histogram(champion.predict(rows, PredictionRequest.forTarget(Churn.TARGET),
                ProgressListener.NONE).probabilities().orElseThrow());
    }

    @AfterAll
    static void closeModels() {
        champion.close();
        candidate.close();
    }

    private void start() throws InputException {
        stable = ModelServer.start(new ServerLabels(Variant.STABLE, "local", "churn-stable", "churn", "1"),
                champion, PredictionRequest.forTarget(null), Optional.of(reference));
        canary = ModelServer.start(new ServerLabels(Variant.CANARY, "local", "churn-canary", "churn", "2"),
                candidate, PredictionRequest.forTarget(null), Optional.of(reference));
        provider = new LocalMetricProvider(Map.of(Variant.STABLE, stable, Variant.CANARY, canary), TARGETS, clock,
                Duration.ofSeconds(1), Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        if (stable != null) {
            stable.close();
            canary.close();
        }
    }

    private static void send(final ModelServer server, final int from, final int to) throws InputException {
        for (int row = from; row < to; row++) {
            Churn.post(server.uri("/invocations"), rows, row);
        }
    }

    private Measurement measure(final String check, final Variant variant, final Duration window)
            throws InputException {
        return provider.measure(BuiltInChecks.byName(check), TARGETS, variant, clock.instant(), window);
    }

    @Test
    void shouldMeasureOnlyWhatHappenedInTheWindow() throws Exception {
        start();
        send(canary, 0, 10);
        clock.advance(TEN_SECONDS);
        provider.record();
        canary.inject(Faults.errors(0.25));
        send(canary, 10, 30);
        clock.advance(TEN_SECONDS);

        // request n of a 25 % fault fails when floor((n + 1) / 4) > floor(n / 4): rows 13, 17, 21, 25, 29
        Measurement successRate = measure(BuiltInChecks.REQUEST_SUCCESS_RATE, Variant.CANARY, TEN_SECONDS);
        assertThat(successRate.value()).isEqualTo(75.0);
        assertThat(successRate.samples()).isEqualTo(20);

        int[] served = {10, 11, 12, 14, 15, 16, 18, 19, 20, 22, 23, 24, 26, 27, 28};
        Dataset expected = Churn.predictions("candidate");
        double[] predicted = ((NumericColumn) expected.column("prediction")).toDoubles();
        double[] truth = ((NumericColumn) rows.column(Churn.TARGET)).toDoubles();
        double[] p1 = ((NumericColumn) expected.column("probability_1")).toDoubles();
        int correct = 0;
        double confidence = 0;
        for (int row : served) {
            correct += predicted[row] == truth[row] ? 1 : 0;
            confidence += Math.max(p1[row], 1 - p1[row]);
        }
        Measurement accuracy = measure(BuiltInChecks.MODEL_ACCURACY, Variant.CANARY, TEN_SECONDS);
        assertThat(accuracy.value()).isEqualTo((double) correct / served.length);
        assertThat(accuracy.samples()).isEqualTo(served.length);
        Measurement meanConfidence = measure(BuiltInChecks.PREDICTION_CONFIDENCE, Variant.CANARY, TEN_SECONDS);
        assertThat(meanConfidence.value()).isCloseTo(confidence / served.length, within(1e-6));
        assertThat(meanConfidence.samples()).isEqualTo(served.length);

        Measurement bothWindows = measure(BuiltInChecks.REQUEST_SUCCESS_RATE, Variant.CANARY, TEN_SECONDS.plus(
                TEN_SECONDS));
        assertThat(bothWindows.value()).isCloseTo(100 * 25.0 / 30, within(1e-12));
    }

    @Test
    void shouldInterpolateTheP99LatencyLikePrometheus() throws Exception {
        start();
        stable.inject(Faults.latency(Duration.ofMillis(120)));
        send(stable, 0, 5);
        clock.advance(TEN_SECONDS);

        // every request took 120 ms and a little: all in the (100, 250] bucket, rank 0.99 * 5 of 5
        Measurement p99 = measure(BuiltInChecks.REQUEST_DURATION_P99, Variant.STABLE, TEN_SECONDS);
        assertThat(p99.value()).isCloseTo(100 + 150 * 0.99, within(1e-9));
        assertThat(p99.samples()).isEqualTo(5);
    }

    @Test
    void shouldAverageTheDriftScoreOfTheWindowsSnapshots() throws Exception {
        start();
        send(canary, 0, DriftWindow.MIN_PREDICTIONS + 50);
        clock.advance(Duration.ofSeconds(1));
        provider.record();
        clock.advance(Duration.ofSeconds(1));

        Dataset expected = Churn.predictions("candidate");
        double[] p1 = ((NumericColumn) expected.column("probability_1")).toDoubles();
        long[] current = new long[PredictionBins.BINARY_BINS];
        for (int row = 0; row < DriftWindow.MIN_PREDICTIONS + 50; row++) {
            current[Math.min(9, (int) (p1[row] * 10))]++;
        }
        Measurement drift = measure(BuiltInChecks.DATA_DRIFT_SCORE, Variant.CANARY, TEN_SECONDS);
        assertThat(drift.value()).isCloseTo(DriftWindow.psi(reference, current), within(1e-12));
        assertThat(drift.samples()).isEqualTo(DriftWindow.MIN_PREDICTIONS + 50);
    }

    @Test
    void shouldSplitTheWindowIntoASeries() throws Exception {
        start();
        canary.inject(Faults.errors(0.5));
        for (int second = 0; second < 10; second++) {
            send(canary, second * 4, second * 4 + 4);
            clock.advance(Duration.ofSeconds(1));
            provider.record();
        }

        Measurement successRate = measure(BuiltInChecks.REQUEST_SUCCESS_RATE, Variant.CANARY, TEN_SECONDS);

        assertThat(successRate.series()).hasSize(10).containsOnly(50.0);
        assertThat(successRate.samples()).isEqualTo(40);
    }

    @Test
    void shouldGiveNoDataWithoutTraffic() throws Exception {
        start();
        send(stable, 0, 3);
        clock.advance(TEN_SECONDS);

        for (String check : BuiltInChecks.names()) {
            assertThat(measure(check, Variant.CANARY, TEN_SECONDS)).as(check).isEqualTo(Measurement.none());
        }
        assertThat(measure(BuiltInChecks.DATA_DRIFT_SCORE, Variant.STABLE, TEN_SECONDS))
                .as("drift before %d predictions", DriftWindow.MIN_PREDICTIONS).isEqualTo(Measurement.none());
        assertThat(measure(BuiltInChecks.MODEL_ACCURACY, Variant.STABLE, TEN_SECONDS).samples()).isEqualTo(3);
    }

    @Test
    void shouldRefuseCustomQueriesAndOtherTargets() throws Exception {
        start();
        MetricQuery custom = new MetricQuery("error-rate", "sum(rate(x[{{interval}}]))", "vector(1)");

        assertThatThrownBy(() -> provider.measure(custom, TARGETS, Variant.CANARY, clock.instant(), TEN_SECONDS))
                .isInstanceOf(InputException.class)
                .hasMessage("The local metric provider measures only the built-in checks (request-success-rate, "
                        + "request-duration, model-accuracy, data-drift-score, prediction-confidence); check "
                        + "'error-rate' has its own PromQL. Measure it with Prometheus (--prometheus-url).");
        RouteTargets other = new RouteTargets("ml", "churn-stable", "churn-canary");
        assertThatThrownBy(() -> provider.measure(BuiltInChecks.byName(BuiltInChecks.MODEL_ACCURACY), other,
                Variant.CANARY, clock.instant(), TEN_SECONDS)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("The local servers are RouteTargets[namespace=local");
    }
}
