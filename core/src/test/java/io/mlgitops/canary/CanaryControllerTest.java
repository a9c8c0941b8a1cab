package io.mlgitops.canary;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.gitops.PromotionResults;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportLog;
import io.mlgitops.report.Status;
import io.mlgitops.testing.LocalHttpServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The canary controller's policy with a router in memory, a scripted metric source and a clock that moves only when
 * the controller waits: minutes of rollout run in milliseconds.
 */
class CanaryControllerTest {
    private static final Instant START = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final MetricQuery SUCCESS = new MetricQuery("request-success-rate", "success", "requests");

    private final SleepingClock clock = new SleepingClock(START);
    private final FakeRouter router = new FakeRouter();
    private final List<String> actionsCalled = new ArrayList<>();

    /** The canary's success rate over time, and its sample count; the stable version always has 99.9 %. */
    private Function<Instant, Measurement> canary = time -> new Measurement(99.9, List.of(), 500);

    private final MetricProvider scripted = new MetricProvider() {
        @Override
        public Measurement measure(final MetricQuery query, final RouteTargets targets, final Variant variant,
                final Instant end, final Duration window) throws MlGitOpsException {
            if (variant == Variant.STABLE) {
                return new Measurement(99.9, List.of(), 5000);
            }
            Measurement measurement = canary.apply(end);
            if (measurement == null) {
                throw new InputException("Prometheus at http://prometheus:9090 is not reachable");
            }
            return measurement;
        }

        @Override
        public void close() {
            // nothing to release
        }
    };

    private final CanaryActions actions = new CanaryActions() {
        @Override
        public Optional<Report<PromotionResults>> rollBack(final String reason) {
            actionsCalled.add("rollback: " + reason);
            return Optional.empty();
        }

        @Override
        public Optional<Report<PromotionResults>> promote() {
            actionsCalled.add("promote");
            return Optional.empty();
        }
    };

    private CanarySettings settings(final RollbackMode mode, final NoDataPolicy noData, final int failureLimit,
            final Map<WebhookType, URI> webhooks, final boolean dryRun) {
        CheckSpec success = new CheckSpec("request-success-rate", SUCCESS, new Threshold(99.0, null), null, false,
                null);
        return new CanarySettings("models:/churn/7", CanarySettings.DEFAULT_STEPS, Duration.ofMinutes(1), INTERVAL,
                List.of(success), 100, noData, Duration.ofMinutes(2), failureLimit, 3, mode, false, webhooks, dryRun,
                Duration.ofHours(1));
    }

    private CanarySettings settings() {
        return settings(RollbackMode.FULL, NoDataPolicy.HOLD, 1, Map.of(), false);
    }

    private Report<CanaryResults> run(final CanarySettings settings, final boolean abort) throws MlGitOpsException {
        Analyst analyst = new Analyst(settings.checks(), settings.minSamples(), scripted, router.targets(), clock);
        return new CanaryController(settings, router, analyst, actions, HttpSettings.DEFAULTS, clock, clock,
                new ReportLog(ProgressListener.NONE)).run(abort);
    }

    private static Function<Instant, Measurement> breachAt(final Instant breach) {
        return time -> time.isBefore(breach) ? new Measurement(99.9, List.of(), 500)
                : new Measurement(80.0, List.of(), 500);
    }

    @Test
    void shouldTakeAHealthyCandidateThroughEveryStep() throws MlGitOpsException {
        Report<CanaryResults> report = run(settings(), false);

        assertThat(report.status()).isEqualTo(Status.PASSED);
        assertThat(report.results().outcome()).isEqualTo(CanaryOutcome.PROMOTED);
        assertThat(router.weights()).containsExactly(1, 5, 25, 100);
        assertThat(report.results().finalWeight()).isEqualTo(100);
        assertThat(report.results().steps()).extracting(CanaryResults.StepResult::weight)
                .containsExactly(1, 5, 25, 100);
        assertThat(report.results().steps()).allSatisfy(step -> assertThat(step.decisions()).hasSize(2));
        assertThat(report.results().decisions()).hasSize(8)
                .allSatisfy(decision -> assertThat(decision.decision()).isEqualTo(Verdict.PASS));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(4)));
        assertThat(router.savedState()).as("the state is removed once the rollout has ended").isNull();
        assertThat(report.kind()).isEqualTo("canary");
    }

    @Test
    void shouldRollBackWithinOneIntervalOfABreach() throws MlGitOpsException {
        Instant breach = START.plus(Duration.ofMinutes(2)).plusSeconds(10);
        canary = breachAt(breach);

        Report<CanaryResults> report = run(settings(), false);

        assertThat(report.results().outcome()).isEqualTo(CanaryOutcome.ROLLED_BACK);
        assertThat(router.weights()).containsExactly(1, 5, 25, 0);
        assertThat(clock.instant()).isBefore(breach.plus(INTERVAL));
        assertThat(report.results().reason()).contains("request-success-rate", "80");
        assertThat(actionsCalled).singleElement().asString().startsWith("rollback: 1 failed analysis");
        assertThat(report.results().finalWeight()).isZero();
        assertThat(report.results().timings()).containsKey("breachToZeroTrafficMs");
        assertThat(router.savedState()).isNull();
        assertThat(report.status()).isEqualTo(Status.FAILED);
    }

    @Test
    void shouldRollBackTrafficOnlyWhenAsked() throws MlGitOpsException {
        canary = breachAt(START);

        Report<CanaryResults> report = run(settings(RollbackMode.TRAFFIC_ONLY, NoDataPolicy.HOLD, 1, Map.of(),
                false), false);

        assertThat(report.results().outcome()).isEqualTo(CanaryOutcome.ROLLED_BACK);
        assertThat(router.weights()).containsExactly(1, 0);
        assertThat(actionsCalled).isEmpty();
    }

    @Test
    void shouldHoldTheStepWhileTrafficIsTooLow() throws MlGitOpsException {
        Instant trafficArrives = START.plus(Duration.ofMinutes(1)).plusSeconds(45);
        canary = time -> new Measurement(time.isBefore(trafficArrives) ? 100.0 : 99.9, List.of(),
                time.isBefore(trafficArrives) ? 3 : 500);

        Report<CanaryResults> report = run(settings(), false);

        assertThat(report.results().outcome()).isEqualTo(CanaryOutcome.PROMOTED);
        assertThat(report.results().decisions()).filteredOn(decision -> decision.decision() == Verdict.NO_DATA)
                .hasSize(3).allSatisfy(decision -> assertThat(decision.reason()).contains("3"));
        assertThat(report.results().steps().get(0).endedAt())
                .isEqualTo(START.plus(Duration.ofMinutes(2).plusSeconds(30)));
    }

    @Test
    void shouldFailWhenTheDataNeverComesWithinTheMaximumExtension() throws MlGitOpsException {
        canary = time -> new Measurement(100.0, List.of(), 2);

        Report<CanaryResults> report = run(settings(), false);

        assertThat(report.results().outcome()).isEqualTo(CanaryOutcome.ROLLED_BACK);
        assertThat(report.results().reason()).contains("no data", "maximum step extension");
        assertThat(router.weights()).containsExactly(1, 0);
    }

    @Test
    void shouldNotBlameTheCanaryForAShortMetricOutage() throws MlGitOpsException {
        Instant outageStart = START.plus(Duration.ofMinutes(1));
        Instant outageEnd = outageStart.plus(Duration.ofMinutes(1));
        canary = time -> !time.isBefore(outageStart) && time.isBefore(outageEnd) ? null
                : new Measurement(99.9, List.of(), 500);

        Report<CanaryResults> report = run(settings(), false);

        assertThat(report.results().outcome()).isEqualTo(CanaryOutcome.PROMOTED);
        assertThat(report.results().decisions()).filteredOn(decision -> decision.decision() == Verdict.ERROR)
                .hasSize(2);
        assertThat(report.messages()).anySatisfy(message -> assertThat(message.text())
                .contains("metric source failed (2 of 3 in a row)"));
    }

    @Test
    void shouldRollBackWhenTheMetricSourceStaysDown() throws MlGitOpsException {
        canary = time -> null;

        Report<CanaryResults> report = run(settings(), false);

        assertThat(report.results().outcome()).isEqualTo(CanaryOutcome.ROLLED_BACK);
        assertThat(report.results().reason()).contains("metric source failed 3 times in a row", "not reachable");
    }

    @Test
    void shouldResumeAKilledRunFromItsSavedState() throws MlGitOpsException {
        clock.killAt(START.plus(Duration.ofMinutes(2)).plusSeconds(30));
        assertThatThrownBy(() -> run(settings(), false)).hasMessageContaining("killed");
        assertThat(router.savedState()).contains("\"stepIndex\":2", "\"weight\":25");

        Report<CanaryResults> resumed = run(settings(), false);

        assertThat(resumed.results().outcome()).isEqualTo(CanaryOutcome.PROMOTED);
        assertThat(router.weights()).containsExactly(1, 5, 25, 100);
        assertThat(resumed.results().steps()).extracting(CanaryResults.StepResult::weight)
                .containsExactly(1, 5, 25, 100);
        assertThat(resumed.messages().get(0).text()).contains("Resuming", "step 3 (weight 25%)");
    }

    @Test
    void shouldHoldTheWeightWhenFrozenUntilAHumanAborts() throws MlGitOpsException {
        canary = breachAt(START.plus(Duration.ofSeconds(90)));
        CanarySettings freeze = settings(RollbackMode.FREEZE, NoDataPolicy.HOLD, 1, Map.of(), false);

        Report<CanaryResults> frozen = run(freeze, false);
        Report<CanaryResults> stillFrozen = run(freeze, false);
        Report<CanaryResults> aborted = run(freeze, true);

        assertThat(frozen.results().outcome()).isEqualTo(CanaryOutcome.FROZEN);
        assertThat(frozen.results().finalWeight()).isEqualTo(5);
        assertThat(stillFrozen.results().outcome()).isEqualTo(CanaryOutcome.FROZEN);
        assertThat(stillFrozen.messages()).anySatisfy(message -> assertThat(message.text()).contains("--abort"));
        assertThat(aborted.results().outcome()).isEqualTo(CanaryOutcome.ROLLED_BACK);
        assertThat(router.weights()).containsExactly(1, 5, 0);
        assertThat(router.savedState()).isNull();
    }

    @Test
    void shouldRollBackWhenTheRolloutTakesTooLong() throws MlGitOpsException {
        canary = time -> new Measurement(100.0, List.of(), 2);
        CanarySettings slow = new CanarySettings("models:/churn/7", CanarySettings.DEFAULT_STEPS,
                Duration.ofMinutes(1), INTERVAL, settings().checks(), 100, NoDataPolicy.HOLD, Duration.ofHours(9), 1,
                3, RollbackMode.TRAFFIC_ONLY, false, Map.of(), false, Duration.ofMinutes(10));

        Report<CanaryResults> report = run(slow, false);

        assertThat(report.results().outcome()).isEqualTo(CanaryOutcome.ROLLED_BACK);
        assertThat(report.results().reason()).contains("did not finish within PT10M");
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(10)));
    }

    @Test
    void shouldMeasureAndDecideButNeverActInADryRun() throws MlGitOpsException {
        canary = breachAt(START.plus(Duration.ofSeconds(90)));

        Report<CanaryResults> report = run(settings(RollbackMode.FULL, NoDataPolicy.HOLD, 1, Map.of(), true), false);

        assertThat(report.results().outcome()).isEqualTo(CanaryOutcome.ROLLED_BACK);
        assertThat(report.results().dryRun()).isTrue();
        assertThat(router.weights()).isEmpty();
        assertThat(router.savedState()).isNull();
        assertThat(actionsCalled).isEmpty();
        assertThat(report.messages()).anySatisfy(message -> assertThat(message.text())
                .contains("Dry run: would set the canary weight to 5%"));
    }

    @Test
    void shouldNotStartWhenThePreRolloutHookRefuses() throws MlGitOpsException {
        try (LocalHttpServer hooks = LocalHttpServer.start()
                .on("/pre", request -> LocalHttpServer.Response.text(412, "load test failed"))
                .on("/step", request -> LocalHttpServer.Response.text(200, "ok"))) {
            Map<WebhookType, URI> webhooks = Map.of(WebhookType.PRE_ROLLOUT, hooks.uri("/pre"),
                    WebhookType.ROLLOUT, hooks.uri("/step"));

            Report<CanaryResults> report = run(settings(RollbackMode.FULL, NoDataPolicy.HOLD, 1, webhooks, false),
                    false);

            assertThat(report.results().outcome()).isEqualTo(CanaryOutcome.ROLLED_BACK);
            assertThat(report.results().reason()).contains("pre-rollout webhook");
            assertThat(router.weights()).isEmpty();
            assertThat(hooks.requests()).singleElement().satisfies(request ->
                    assertThat(request.body()).contains("\"type\":\"pre-rollout\"", "models:/churn/7"));
        }
    }

    @Test
    void shouldRefuseToStartOverAnotherCandidatesRollout() throws MlGitOpsException {
        clock.killAt(START.plus(Duration.ofSeconds(30)));
        assertThatThrownBy(() -> run(settings(), false)).hasMessageContaining("killed");
        CanarySettings other = new CanarySettings("models:/churn/8", CanarySettings.DEFAULT_STEPS,
                Duration.ofMinutes(1), INTERVAL, settings().checks(), 100, NoDataPolicy.HOLD, Duration.ofMinutes(2),
                1, 3, RollbackMode.FULL, false, Map.of(), false, Duration.ofHours(1));

        assertThatThrownBy(() -> run(other, false)).isInstanceOf(InputException.class)
                .hasMessageContaining("A rollout of models:/churn/7 is in progress on fake route ml/churn");
    }

    /** A new controller for each round, as a process that runs one round and exits would have. */
    private CanaryProgress round(final CanarySettings settings, final boolean waitForWindow)
            throws MlGitOpsException {
        Analyst analyst = new Analyst(settings.checks(), settings.minSamples(), scripted, router.targets(), clock);
        return new CanaryController(settings, router, analyst, actions, HttpSettings.DEFAULTS, clock, clock,
                new ReportLog(ProgressListener.NONE)).advance(waitForWindow);
    }

    @Test
    void shouldAdvanceOneAnalysisPerRoundAndContinueFromTheStoredState() throws MlGitOpsException {
        CanaryProgress first = round(settings(), false);

        assertThat(first.ended()).isFalse();
        assertThat(first.step()).isEqualTo(1);
        assertThat(first.weight()).isEqualTo(1);
        assertThat(first.decisions()).isEmpty();
        assertThat(router.savedState()).contains("\"weight\":1");
        assertThat(clock.instant()).as("the round itself does not wait").isEqualTo(START);

        List<CanaryProgress> rounds = new ArrayList<>();
        CanaryProgress progress = first;
        while (!progress.ended()) {
            clock.sleep(INTERVAL);
            progress = round(settings(), false);
            rounds.add(progress);
        }

        assertThat(rounds).hasSize(8);
        assertThat(rounds.get(0).decisions()).singleElement()
                .satisfies(decision -> assertThat(decision.decision()).isEqualTo(Verdict.PASS));
        assertThat(rounds.get(1).weight()).isEqualTo(5);
        assertThat(router.weights()).containsExactly(1, 5, 25, 100);
        Report<CanaryResults> report = progress.report().orElseThrow();
        assertThat(report.results().outcome()).isEqualTo(CanaryOutcome.PROMOTED);
        assertThat(report.results().decisions()).hasSize(8);
        assertThat(router.savedState()).isNull();
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(4)));
    }

    @Test
    void shouldWaitForTheWindowInARoundWhenAsked() throws MlGitOpsException {
        round(settings(), true);

        CanaryProgress second = round(settings(), true);

        assertThat(clock.instant()).isEqualTo(START.plus(INTERVAL));
        assertThat(second.decisions()).hasSize(1);
        assertThat(second.ended()).isFalse();
    }

    @Test
    void shouldEndARoundRolledBackOnABreachAndEnforceTheTimeout() throws MlGitOpsException {
        canary = breachAt(START.plus(Duration.ofSeconds(70)));
        round(settings(), false);
        CanaryProgress progress;
        do {
            clock.sleep(INTERVAL);
            progress = round(settings(), false);
        }
        while (!progress.ended());

        assertThat(progress.report().orElseThrow().results().outcome()).isEqualTo(CanaryOutcome.ROLLED_BACK);
        assertThat(progress.weight()).isZero();
        assertThat(router.weights()).containsExactly(1, 5, 0);

        canary = time -> new Measurement(99.9, List.of(), 500);
        round(settings(), false);
        clock.sleep(Duration.ofHours(2));
        CanaryProgress late = round(settings(), false);
        assertThat(late.report().orElseThrow().results().reason()).contains("did not finish within");
    }

    @Test
    void shouldReportAFrozenRolloutAsEndedInARound() throws MlGitOpsException {
        canary = breachAt(START);
        round(settings(RollbackMode.FREEZE, NoDataPolicy.HOLD, 1, Map.of(), false), false);
        clock.sleep(INTERVAL);
        CanaryProgress frozen = round(settings(RollbackMode.FREEZE, NoDataPolicy.HOLD, 1, Map.of(), false), false);
        CanaryProgress again = round(settings(RollbackMode.FREEZE, NoDataPolicy.HOLD, 1, Map.of(), false), false);

        assertThat(frozen.report().orElseThrow().results().outcome()).isEqualTo(CanaryOutcome.FROZEN);
        assertThat(again.report().orElseThrow().results().outcome()).isEqualTo(CanaryOutcome.FROZEN);
        assertThat(again.weight()).isEqualTo(1);
    }

    @Test
    void shouldNotStartARolloutAgainInARoundThatOnlyContinues() throws MlGitOpsException {
        Analyst analyst = new Analyst(settings().checks(), settings().minSamples(), scripted, router.targets(), clock);
        CanaryController controller = new CanaryController(settings(), router, analyst, actions,
                HttpSettings.DEFAULTS, clock, clock, new ReportLog(ProgressListener.NONE));

        assertThatThrownBy(() -> controller.advance(false, true)).isInstanceOf(InputException.class)
                .hasMessageContaining("No rollout of models:/churn/7 is stored");
        assertThat(router.weights()).isEmpty();
    }
}
