package io.mlgitops.canary;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.mlgitops.canary.InMemoryMetrics.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class AnalystTest {
    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final RouteTargets TARGETS = new RouteTargets("ml-serving", "churn-model", "churn-model-canary");
    private static final double[] STABLE_LATENCY = {100, 102, 98, 101, 99, 103};
    private static final double[] HIGHER_LATENCY = {130, 135, 128, 140, 133, 131};
    private static final double[] CANARY_ACCURACY = {0.79, 0.81, 0.80, 0.82, 0.78, 0.805};
    private static final double[] STABLE_ACCURACY = {0.801, 0.791, 0.815, 0.811, 0.785, 0.795};

    private final InMemoryMetrics metrics = new InMemoryMetrics();

    @Test
    void shouldPassACanaryWithinItsThreshold() {
        metrics.set("request-success-rate", of(99.5, 480), of(99.7, 9500));

        Decision decision = analyseOne(successRate(false));

        assertThat(decision.line()).isEqualTo("2026-05-04T10:00:00Z weight=5% request-success-rate canary=99.50 "
                + "stable=99.70 >= 99 samples=480 -> PASS: canary 99.5 meets >= 99");
    }

    @Test
    void shouldFailACanaryBelowItsMinimumOrAboveItsMaximum() {
        metrics.set("request-success-rate", of(95, 480), of(99.7, 9500))
                .set("request-duration", of(620, 480), of(180, 9500));
        CheckSpec latency = new CheckSpec("request-duration", query("request-duration"), new Threshold(null, 500.0),
                null, false, null);

        AnalysisRound round = analyst(List.of(successRate(false), latency), 20).analyse(5, WINDOW);

        assertThat(round.decisions()).extracting(Decision::decision, Decision::threshold, Decision::reason)
                .containsExactly(
                        tuple(Verdict.FAIL, ">= 99", "canary 95 is below the minimum 99"),
                        tuple(Verdict.FAIL, "<= 500", "canary 620 is above the maximum 500"));
        assertThat(round.failed()).isEqualTo(2);
    }

    @Test
    void shouldFailACanarySignificantlyWorseThanStableBeyondTheBound() {
        metrics.set("request-duration", of(134, 480, HIGHER_LATENCY), of(100, 9500, STABLE_LATENCY));

        Decision decision = analyseOne(latencyComparison(0.1));

        // 6 canary points all above 6 stable points: exact one-sided p = 1 / C(12, 6) = 1/924
        assertThat(decision.line()).isEqualTo("2026-05-04T10:00:00Z weight=5% request-duration canary=134.0 "
                + "stable=100.0 Mann-Whitney p=0.00108 < 0.05, +34% > +10% samples=480 -> FAIL: canary is "
                + "significantly higher than stable (p=0.00108 < 0.05) by +34%, beyond the allowed +10%");
    }

    @Test
    void shouldPassACanaryThatIsNotSignificantlyWorse() {
        metrics.set("request-duration", of(115, 480, 100, 103, 99, 101, 98, 102),
                of(100, 9500, 101.5, 99.5, 100.5, 102.5, 98.5, 103.5));

        Decision decision = analyseOne(latencyComparison(0.1));

        // scipy.stats.mannwhitneyu(canary, stable, alternative='greater') gives p = 0.7056277056277056
        assertThat(decision.decision()).isEqualTo(Verdict.PASS);
        assertThat(decision.threshold()).isEqualTo("Mann-Whitney p=0.706 >= 0.05");
        assertThat(decision.reason()).isEqualTo("no significant increase against stable (p=0.706 >= 0.05)");
    }

    @Test
    void shouldPassASignificantChangeWithinTheBound() {
        metrics.set("request-duration", of(104, 480, HIGHER_LATENCY), of(100, 9500, STABLE_LATENCY));

        Decision decision = analyseOne(latencyComparison(0.1));

        assertThat(decision.decision()).isEqualTo(Verdict.PASS);
        assertThat(decision.threshold()).isEqualTo("Mann-Whitney p=0.00108 < 0.05, +4% within +10%");
        assertThat(decision.reason()).isEqualTo("the change against stable is significant (p=0.00108 < 0.05) but "
                + "its size, +4%, is within the allowed +10%");
    }

    @Test
    void shouldNotBlameTheCanaryForAMetricThatIsBadForBoth() {
        metrics.set("model-accuracy", of(0.8, 300, CANARY_ACCURACY), of(0.8, 6000, STABLE_ACCURACY));
        Comparison lower = new Comparison(Comparison.Direction.DECREASE, null, 0.02, 0.05);
        CheckSpec compared = new CheckSpec("model-accuracy", query("model-accuracy"), null, lower, false, null);
        CheckSpec both = new CheckSpec("model-accuracy", query("model-accuracy"), new Threshold(0.9, null), lower,
                false, null);

        Decision comparison = analyseOne(compared);
        Decision thresholdAndComparison = analyseOne(both);

        // scipy.stats.mannwhitneyu(canary, stable, alternative='less') gives p = 0.5313852813852814
        assertThat(comparison.decision()).isEqualTo(Verdict.PASS);
        assertThat(comparison.reason()).isEqualTo("no significant decrease against stable (p=0.531 >= 0.05)");
        assertThat(thresholdAndComparison.line()).isEqualTo("2026-05-04T10:00:00Z weight=5% model-accuracy "
                + "canary=0.8000 stable=0.8000 >= 0.9; Mann-Whitney p=0.531 >= 0.05 samples=300 -> FAIL: canary 0.8 "
                + "is below the minimum 0.9; no significant decrease against stable (p=0.531 >= 0.05)");
    }

    @Test
    void shouldFailAChangeEitherWayWithTheBoundOfItsDirection() {
        metrics.set("prediction-confidence", of(0.6, 480, 0.6, 0.61, 0.59, 0.62, 0.58, 0.605),
                of(0.8, 9500, 0.8, 0.81, 0.79, 0.82, 0.78, 0.805));
        Comparison either = new Comparison(Comparison.Direction.EITHER, 0.5, 0.1, 0.05);

        Decision decision = analyseOne(new CheckSpec("prediction-confidence", query("prediction-confidence"), null,
                either, false, null));

        // two-sided exact p = 2 / 924
        assertThat(decision.threshold()).isEqualTo("Mann-Whitney p=0.00216 < 0.05, -25% < -10%");
        assertThat(decision.reason()).isEqualTo("canary is significantly lower than stable (p=0.00216 < 0.05) by "
                + "-25%, beyond the allowed -10%");
    }

    @Test
    void shouldTreatAnyChangeFromAStableZeroAsUnbounded() {
        metrics.set("error-rate", of(0.02, 480, 0.01, 0.02, 0.03, 0.02, 0.01, 0.04), of(0, 9500, 0, 0, 0, 0, 0, 0));
        Comparison increase = new Comparison(Comparison.Direction.INCREASE, 5.0, null, 0.05);

        Decision decision = analyseOne(new CheckSpec("error-rate", query("error-rate"), null, increase, false, null));

        assertThat(decision.decision()).isEqualTo(Verdict.FAIL);
        assertThat(decision.threshold()).endsWith("+inf% > +500%");
    }

    @Test
    void shouldHoldWithNoDataWhenTheCanaryHasTooFewSamples() {
        metrics.set("request-success-rate", of(50, 3), of(99.7, 9500));

        Decision decision = analyseOne(successRate(false));

        assertThat(decision.line()).isEqualTo("2026-05-04T10:00:00Z weight=5% request-success-rate canary=50.00 "
                + "stable=99.70 >= 99 samples=3 -> NO_DATA: 3 canary samples in the 1m window, 20 needed");
    }

    @Test
    void shouldTakeTheCheckOwnMinimumOfSamples() {
        metrics.set("request-success-rate", of(50, 30), of(99.7, 9500));
        CheckSpec demanding = new CheckSpec("request-success-rate", query("request-success-rate"),
                new Threshold(99.0, null), null, false, 100);

        Decision decision = analyseOne(demanding);

        assertThat(decision.decision()).isEqualTo(Verdict.NO_DATA);
        assertThat(decision.reason()).isEqualTo("30 canary samples in the 1m window, 100 needed");
    }

    @Test
    void shouldHoldWithNoDataWithoutTrafficOrValue() {
        metrics.set("request-success-rate", Measurement.none(), of(99.7, 9500))
                .set("model-accuracy", of(Double.NaN, 40), of(0.9, 900));
        CheckSpec accuracy = new CheckSpec("model-accuracy", query("model-accuracy"), new Threshold(0.85, null), null,
                false, null);

        AnalysisRound round = analyst(List.of(successRate(false), accuracy), 20).analyse(1, WINDOW);

        assertThat(round.decisions()).extracting(Decision::decision, Decision::canary, Decision::reason)
                .containsExactly(
                        tuple(Verdict.NO_DATA, null, "0 canary samples in the 1m window, 20 needed"),
                        tuple(Verdict.NO_DATA, null, "no canary value in the 1m window despite 40 samples"));
        assertThat(round.noData()).isEqualTo(2);
        assertThat(round.failed()).isZero();
    }

    @Test
    void shouldNeedEnoughStableSamplesAndPointsToCompare() {
        metrics.set("request-duration", of(134, 480, HIGHER_LATENCY), of(100, 5, STABLE_LATENCY))
                .set("model-accuracy", of(0.7, 480, 0.7, 0.71), of(0.9, 9000, 0.9, 0.91));
        Comparison lower = new Comparison(Comparison.Direction.DECREASE, null, 0.02, 0.05);
        CheckSpec accuracy = new CheckSpec("model-accuracy", query("model-accuracy"), null, lower, false, null);

        AnalysisRound round = analyst(List.of(latencyComparison(0.1), accuracy), 20).analyse(5, WINDOW);

        assertThat(round.decisions()).extracting(Decision::decision, Decision::threshold, Decision::reason)
                .containsExactly(
                        tuple(Verdict.NO_DATA, "Mann-Whitney increase, alpha 0.05, allowed +10%",
                                "5 stable samples in the 1m window, 20 needed"),
                        tuple(Verdict.NO_DATA, "Mann-Whitney decrease, alpha 0.05, allowed -2%",
                                "2 canary and 2 stable points cannot show a difference at alpha 0.05 (smallest "
                                        + "possible p=0.167)"));
    }

    @Test
    void shouldLeaveNaNPointsOutOfTheComparison() {
        metrics.set("request-duration", of(134, 480, 130, Double.NaN, 135, 128, 140, 133, 131, Double.NaN),
                of(100, 9500, STABLE_LATENCY));

        Decision decision = analyseOne(latencyComparison(0.1));

        assertThat(decision.threshold()).startsWith("Mann-Whitney p=0.00108 < 0.05");
    }

    @Test
    void shouldReportProviderFailuresAsErrorsNotFailures() {
        metrics.fail("request-success-rate", Variant.CANARY, "Prometheus at http://prometheus:9090 answered 503")
                .set("request-success-rate", Variant.STABLE, of(99.7, 9500))
                .set("request-duration", Variant.CANARY, of(134, 480, HIGHER_LATENCY))
                .fail("request-duration", Variant.STABLE, "Prometheus at http://prometheus:9090 timed out")
                .breakDown("model-accuracy", Variant.CANARY, new IllegalStateException("no result vector"));
        CheckSpec accuracy = new CheckSpec("model-accuracy", query("model-accuracy"), new Threshold(0.85, null), null,
                false, null);

        AnalysisRound round = analyst(List.of(successRate(true), latencyComparison(0.1), accuracy), 20)
                .analyse(25, WINDOW);

        assertThat(round.decisions()).extracting(Decision::decision, Decision::samples, Decision::reason)
                .containsExactly(
                        tuple(Verdict.ERROR, 0L, "canary measurement failed: Prometheus at http://prometheus:9090 "
                                + "answered 503"),
                        tuple(Verdict.ERROR, 480L, "stable measurement failed: Prometheus at "
                                + "http://prometheus:9090 timed out"),
                        tuple(Verdict.ERROR, 0L, "canary measurement failed: IllegalStateException: no result vector"));
        assertThat(round.errors()).isEqualTo(3);
        assertThat(round.failed()).isZero();
        assertThat(round.failedCritical()).isZero();
    }

    @Test
    void shouldJudgeAThresholdWithoutTheStableVersion() {
        metrics.set("request-success-rate", Variant.CANARY, of(99.5, 480))
                .fail("request-success-rate", Variant.STABLE, "Prometheus at http://prometheus:9090 answered 503");

        Decision decision = analyseOne(successRate(false));

        assertThat(decision.decision()).isEqualTo(Verdict.PASS);
        assertThat(decision.stable()).isNull();
    }

    @Test
    void shouldCountFailedCriticalChecksApart() {
        metrics.set("request-success-rate", of(95, 480), of(99.7, 9500))
                .set("request-duration", of(134, 480, HIGHER_LATENCY), of(100, 9500, STABLE_LATENCY))
                .set("model-accuracy", of(0.9, 3), of(0.9, 900));
        CheckSpec accuracy = new CheckSpec("model-accuracy", query("model-accuracy"), new Threshold(0.85, null), null,
                true, null);

        AnalysisRound round = analyst(List.of(successRate(true), latencyComparison(0.1), accuracy), 20)
                .analyse(25, WINDOW);

        assertThat(round.failed()).isEqualTo(2);
        assertThat(round.failedCritical()).isEqualTo(1);
        assertThat(round.noData()).isEqualTo(1);
        assertThat(round.errors()).isZero();
        assertThat(round.passed()).isFalse();
        assertThat(round.criticalChecks()).containsExactlyInAnyOrder("request-success-rate", "model-accuracy");
        assertThat(round.time()).isEqualTo(NOW);
        assertThat(round.weight()).isEqualTo(25);
    }

    @Test
    void shouldMeasureBothVariantsOverTheWindowEndingNow() {
        metrics.set("request-success-rate", of(99.5, 480), of(99.7, 9500));

        AnalysisRound round = analyst(List.of(successRate(false)), 20).analyse(5, Duration.ofSeconds(90));

        assertThat(metrics.requests()).containsExactly(
                "request-success-rate/canary@churn-model-canary 2026-05-04T10:00:00Z PT1M30S",
                "request-success-rate/stable@churn-model 2026-05-04T10:00:00Z PT1M30S");
        assertThat(round.passed()).isTrue();
    }

    @Test
    void shouldRejectDuplicateOrMissingChecks() {
        assertThatThrownBy(() -> analyst(List.of(successRate(false), successRate(true)), 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Check names must be distinct, got request-success-rate, request-success-rate");
        assertThatThrownBy(() -> analyst(List.of(), 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> analyst(List.of(successRate(false)), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Decision analyseOne(final CheckSpec check) {
        AnalysisRound round = analyst(List.of(check), 20).analyse(5, WINDOW);
        assertThat(round.decisions()).hasSize(1);
        return round.decisions().get(0);
    }

    private Analyst analyst(final List<CheckSpec> checks, final int minSamples) {
        return new Analyst(checks, minSamples, metrics, TARGETS, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static CheckSpec successRate(final boolean critical) {
        return new CheckSpec("request-success-rate", query("request-success-rate"), new Threshold(99.0, null), null,
                critical, null);
    }

    private static CheckSpec latencyComparison(final double maxIncrease) {
        return new CheckSpec("request-duration", query("request-duration"), null,
                new Comparison(Comparison.Direction.INCREASE, maxIncrease, null, 0.05), false, null);
    }

    static MetricQuery query(final String name) {
        return new MetricQuery(name, "value of " + name, "samples of " + name);
    }
}
