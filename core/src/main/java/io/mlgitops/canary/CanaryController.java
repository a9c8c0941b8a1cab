package io.mlgitops.canary;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.gitops.PromotionResults;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.net.Sleeper;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shifts traffic to the candidate step by step, analyses it at every interval, and ends every run promoted, rolled
 * back, or frozen — never pending: a global timeout rolls back. The state is saved after every change through the
 * router's state store, so a rerun of the same rollout resumes where it was.
 *
 * <p>Policy at each analysis: a failed critical check rolls back at once; failed analyses count up to the failure
 * limit; metric-source errors count apart, and only so many in a row roll back; an analysis without enough data
 * follows the no-data policy (by default the step is held, up to the maximum extension). A step advances when it has
 * run its duration (held time not counted) and its last analysis passed.</p>
 */
public final class CanaryController {
    private final CanarySettings settings;
    private final TrafficRouter router;
    private final Analyst analyst;
    private final CanaryActions actions;
    private final Webhooks webhooks;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ReportLog log;
    private final RolloutStates states;
    private final Map<String, Long> timings = new LinkedHashMap<>();

    /**
     * @param analyst the analysis of each interval
     * @param actions what a full rollback and a promotion do beyond traffic
     * @param http    timeouts and retries of the webhooks
     * @param sleeper waits between analyses (tests advance a clock instead)
     */
    public CanaryController(final CanarySettings settings, final TrafficRouter router, final Analyst analyst,
            final CanaryActions actions, final HttpSettings http, final Clock clock, final Sleeper sleeper,
            final ReportLog log) {
        this.settings = settings;
        this.router = router;
        this.analyst = analyst;
        this.actions = actions;
        this.webhooks = new Webhooks(settings.webhooks(), new HttpExecutor(http, "Is the webhook's server up?"),
                log);
        this.clock = clock;
        this.sleeper = sleeper;
        this.log = log;
        this.states = new RolloutStates(router.stateStore(), router.description());
    }

    /**
     * Runs the rollout to its end.
     *
     * @param abort roll back whatever rollout is in progress on the router instead of progressing it
     * @throws MlGitOpsException when the router, the metric source or the promotion engine cannot be used
     */
    public Report<CanaryResults> run(final boolean abort) throws MlGitOpsException {
        Beginning beginning = begin(abort, false);
        return beginning.ended != null ? beginning.ended : beginning.run.progress(beginning.state);
    }

    /**
     * Advances the rollout by at most one analysis: a rollout without a stored state starts (its first step's weight
     * is set and saved); a stored one is analysed once over the last interval and judged, and then steps on, ends or
     * stays where it is. The state is saved, so the next call, in this process or another, continues from it. This is
     * the unit of work of a caller that schedules the rounds itself (a Jenkins step on a timer).
     *
     * @param waitForWindow wait one analysis interval before analysing: for a metric source that measures only while
     *                      this process runs (the local router); a caller that waited for the interval itself
     *                      passes {@code false}, and the analysis covers the interval that just ended
     * @throws MlGitOpsException when the router, the metric source or the promotion engine cannot be used
     */
    public CanaryProgress advance(final boolean waitForWindow) throws MlGitOpsException {
        return advance(waitForWindow, false);
    }

    /**
     * As {@link #advance(boolean)}; with {@code continueOnly} a round never starts a rollout: without a stored state
     * (the rollout ended, or its state was removed) it fails instead, so that a round repeated after a lost answer
     * does not start the rollout again.
     *
     * @throws InputException with {@code continueOnly} when no rollout of the candidate is stored
     */
    public CanaryProgress advance(final boolean waitForWindow, final boolean continueOnly)
            throws MlGitOpsException {
        if (continueOnly && states.load().isEmpty()) {
            throw new InputException("No rollout of " + settings.candidate() + " is stored on "
                    + router.description() + ": it ended already (see the build log) or its state was removed. "
                    + "Nothing was changed.");
        }
        Beginning beginning = begin(false, true);
        if (beginning.ended != null) {
            return ended(beginning.ended, List.of());
        }
        RolloutState state = beginning.state;
        if (beginning.fresh) {
            return inProgress(state, List.of());
        }
        int known = state.getDecisions().size();
        Optional<Report<CanaryResults>> ended = beginning.run.analyseOnce(state, waitForWindow);
        List<Decision> made = List.copyOf(state.getDecisions().subList(known, state.getDecisions().size()));
        if (ended.isPresent()) {
            return ended(ended.get(), made);
        }
        return inProgress(state, made);
    }

    private CanaryProgress ended(final Report<CanaryResults> report, final List<Decision> made) {
        CanaryResults results = report.results();
        int step = results.steps().size();
        return new CanaryProgress(Optional.of(report), settings.candidate(), step, settings.steps().size(),
                results.finalWeight(), made);
    }

    private CanaryProgress inProgress(final RolloutState state, final List<Decision> decisions) {
        return new CanaryProgress(Optional.empty(), settings.candidate(), state.getStepIndex() + 1,
                settings.steps().size(), state.getWeight(), decisions);
    }

    /** The start of a run: either its end already (aborted, frozen, refused) or the state to progress. */
    private record Beginning(CanaryRun run, RolloutState state, Report<CanaryResults> ended, boolean fresh) {
    }

    private Beginning begin(final boolean abort, final boolean quietResume) throws MlGitOpsException {
        Instant started = clock.instant();
        Optional<RolloutState> saved = states.load();
        if (saved.isPresent() && !saved.get().getCandidate().equals(settings.candidate())) {
            throw new InputException(String.format("A rollout of %s is in progress on %s (step %d, weight %d%%). "
                    + "Finish it, or roll it back with --abort for that candidate, before starting %s.",
                    saved.get().getCandidate(), router.description(), saved.get().getStepIndex() + 1,
                    saved.get().getWeight(), settings.candidate()));
        }
        CanaryRun run = new CanaryRun(started);
        if (abort) {
            RolloutState state = saved.orElseGet(() -> RolloutState.start(settings.candidate(), started));
            return new Beginning(run, state, run.fail(state, "aborted on request (--abort)",
                    RollbackMode.FULL == settings.rollbackMode() ? RollbackMode.FULL : RollbackMode.TRAFFIC_ONLY),
                    false);
        }
        if (saved.isPresent() && saved.get().getPhase() == RolloutState.Phase.FROZEN) {
            log.warning(String.format("The rollout of %s on %s is frozen at %d%% since it failed; a human decides: "
                    + "run again with --abort to roll it back.", settings.candidate(), router.description(),
                    saved.get().getWeight()));
            return new Beginning(run, saved.get(), run.report(saved.get(), CanaryOutcome.FROZEN,
                    "frozen by an earlier run", null, null), false);
        }
        RolloutState state;
        if (saved.isPresent()) {
            state = saved.get();
            if (!quietResume) {
                log.info(String.format("Resuming the rollout of %s on %s at step %d (weight %d%%).", settings.candidate(),
                        router.description(), state.getStepIndex() + 1, state.getWeight()));
            }
            if (router.weight() != state.getWeight()) {
                setWeight(state.getWeight());
            }
        }
        else {
            if (!settings.dryRun() && !webhooks.call(WebhookType.PRE_ROLLOUT, settings.candidate(), started,
                    Map.of())) {
                RolloutState untouched = RolloutState.start(settings.candidate(), started);
                return new Beginning(run, untouched, run.report(untouched, CanaryOutcome.ROLLED_BACK,
                        "the pre-rollout webhook did not answer 2xx: no traffic was moved", null, null), false);
            }
            state = RolloutState.start(settings.candidate(), started);
            enterStep(state, 0);
            return new Beginning(run, state, null, true);
        }
        return new Beginning(run, state, null, false);
    }

    private void enterStep(final RolloutState state, final int index) throws MlGitOpsException {
        int weight = settings.steps().get(index);
        state.enterStep(index, weight, clock.instant());
        setWeight(weight);
        save(state);
        log.info(String.format("Step %d of %d: %d%% of the traffic to %s.", index + 1, settings.steps().size(), weight,
                settings.candidate()));
        if (!settings.dryRun()) {
            webhooks.call(WebhookType.ROLLOUT, settings.candidate(), clock.instant(), Map.of("weight", weight));
        }
    }

    private void setWeight(final int weight) throws MlGitOpsException {
        if (settings.dryRun()) {
            log.info("Dry run: would set the canary weight to " + weight + "% on " + router.description() + ".");
            return;
        }
        router.setWeight(weight);
    }

    private void save(final RolloutState state) throws MlGitOpsException {
        if (!settings.dryRun()) {
            states.save(state);
        }
    }

    /** One run: the step loop and its ending. */
    private final class CanaryRun {
        private final Instant started;

        CanaryRun(final Instant started) {
            this.started = started;
        }

        Report<CanaryResults> progress(final RolloutState state) throws MlGitOpsException {
            while (true) {
                Optional<Report<CanaryResults>> ended = analyseOnce(state, true);
                if (ended.isPresent()) {
                    return ended.get();
                }
            }
        }

        /** One analysis and its consequences; the report when the rollout ended. */
        Optional<Report<CanaryResults>> analyseOnce(final RolloutState state, final boolean wait)
                throws MlGitOpsException {
            Duration interval = settings.analysisInterval();
            if (!clock.instant().isBefore(state.getStartedAt().plus(settings.timeout()))) {
                return Optional.of(fail(state, "the rollout did not finish within " + settings.timeout(),
                        settings.rollbackMode()));
            }
            if (wait) {
                pause(interval);
            }
            AnalysisRound round = analyst.analyse(state.getWeight(), interval);
            round.decisions().forEach(decision -> log.info(decision.line()));
            state.getDecisions().addAll(round.decisions());
            Optional<String> failure = judge(state, round);
            if (failure.isPresent()) {
                return Optional.of(fail(state, failure.get(), settings.rollbackMode()));
            }
            if (state.isLastAnalysisPassed() && stepDone(state)) {
                if (state.getStepIndex() == settings.steps().size() - 1) {
                    return Optional.of(succeed(state));
                }
                enterStep(state, state.getStepIndex() + 1);
            }
            else {
                save(state);
            }
            return Optional.empty();
        }

        private void pause(final Duration interval) throws MlGitOpsException {
            try {
                sleeper.sleep(interval);
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new InputException("Interrupted while waiting for the next analysis; the rollout state is "
                        + "saved on " + router.description() + ": run again to resume or with --abort to roll back.",
                        interrupted);
            }
        }

        /** Applies one round to the counters; the reason to stop, when the rollout must. */
        private Optional<String> judge(final RolloutState state, final AnalysisRound round) {
            state.setLastAnalysisPassed(false);
            if (round.failedCritical() > 0) {
                return Optional.of("a critical check failed: " + firstReason(round, Verdict.FAIL));
            }
            if (round.failed() > 0) {
                state.setConsecutiveErrors(0);
                state.setFailedAnalyses(state.getFailedAnalyses() + 1);
                if (state.getFailedAnalyses() >= settings.failureLimit()) {
                    return Optional.of(String.format("%d failed analys%s (limit %d); last: %s",
                            state.getFailedAnalyses(), state.getFailedAnalyses() == 1 ? "is" : "es",
                            settings.failureLimit(), firstReason(round, Verdict.FAIL)));
                }
                return Optional.empty();
            }
            if (round.errors() > 0) {
                state.setConsecutiveErrors(state.getConsecutiveErrors() + 1);
                if (state.getConsecutiveErrors() >= settings.consecutiveErrorLimit()) {
                    return Optional.of(String.format("the metric source failed %d times in a row: %s",
                            state.getConsecutiveErrors(), firstReason(round, Verdict.ERROR)));
                }
                log.warning("The metric source failed (" + state.getConsecutiveErrors() + " of "
                        + settings.consecutiveErrorLimit() + " in a row); the step waits: "
                        + firstReason(round, Verdict.ERROR));
                return Optional.empty();
            }
            state.setConsecutiveErrors(0);
            if (round.noData() > 0) {
                return noData(state, round);
            }
            state.setLastAnalysisPassed(true);
            return Optional.empty();
        }

        private Optional<String> noData(final RolloutState state, final AnalysisRound round) {
            String reason = firstReason(round, Verdict.NO_DATA);
            switch (settings.onNoData()) {
                case PASS -> {
                    state.setLastAnalysisPassed(true);
                    return Optional.empty();
                }
                case FAIL -> {
                    state.setFailedAnalyses(state.getFailedAnalyses() + 1);
                    return state.getFailedAnalyses() >= settings.failureLimit()
                            ? Optional.of("no data (--on-no-data fail): " + reason) : Optional.empty();
                }
                default -> {
                    state.setHeldMillis(state.getHeldMillis() + settings.analysisInterval().toMillis());
                    if (state.getHeldMillis() > settings.maxStepExtension().toMillis()) {
                        return Optional.of(String.format("no data for %s beyond the maximum step extension of %s: %s",
                                Duration.ofMillis(state.getHeldMillis()), settings.maxStepExtension(), reason));
                    }
                    log.info("Holding step " + (state.getStepIndex() + 1) + " for lack of data: " + reason);
                    return Optional.empty();
                }
            }
        }

        private String firstReason(final AnalysisRound round, final Verdict verdict) {
            return round.decisions().stream().filter(decision -> decision.decision() == verdict)
                    .map(decision -> decision.check() + ": " + decision.reason()).findFirst().orElse(verdict.name());
        }

        private boolean stepDone(final RolloutState state) {
            Duration ran = Duration.between(state.getStepStartedAt(), clock.instant())
                    .minusMillis(state.getHeldMillis());
            return ran.compareTo(settings.stepDuration()) >= 0;
        }

        private Report<CanaryResults> succeed(final RolloutState state) throws MlGitOpsException {
            state.endCurrentStep(clock.instant());
            log.info(settings.candidate() + " took all traffic on " + router.description() + ".");
            PromotionResults promotion = null;
            int finalWeight = state.getWeight();
            if (!settings.dryRun()) {
                webhooks.call(WebhookType.POST_ROLLOUT, settings.candidate(), clock.instant(), Map.of("weight",
                        finalWeight));
                if (settings.promoteOnSuccess()) {
                    Optional<Report<PromotionResults>> promoted = actions.promote();
                    if (promoted.isPresent()) {
                        promotion = promoted.get().results();
                        router.setWeight(0);
                        finalWeight = 0;
                        log.info("Promoted " + settings.candidate() + " to the stable version; traffic back to the "
                                + "stable route, which now serves it.");
                    }
                }
                states.clear();
            }
            state.setWeight(finalWeight);
            return report(state, CanaryOutcome.PROMOTED, "every step passed its analysis", null, promotion);
        }

        Report<CanaryResults> fail(final RolloutState state, final String reason, final RollbackMode mode)
                throws MlGitOpsException {
            log.warning("Canary of " + settings.candidate() + " failed: " + reason);
            state.endCurrentStep(clock.instant());
            if (settings.dryRun()) {
                log.info("Dry run: would " + (mode == RollbackMode.FREEZE ? "freeze at " + state.getWeight() + "%"
                        : "set the canary weight to 0% and roll back") + ".");
                return report(state, mode == RollbackMode.FREEZE ? CanaryOutcome.FROZEN : CanaryOutcome.ROLLED_BACK,
                        reason, null, null);
            }
            if (mode == RollbackMode.FREEZE) {
                state.setPhase(RolloutState.Phase.FROZEN);
                states.save(state);
                return report(state, CanaryOutcome.FROZEN, reason,
                        new CanaryResults.RollbackResult(state.getWeight(), null, null, null), null);
            }
            long breach = System.nanoTime();
            router.setWeight(0);
            timings.put("breachToZeroTrafficMs", (System.nanoTime() - breach) / 1_000_000);
            state.setWeight(0);
            log.info("Traffic back to the stable version: 0% to " + settings.candidate() + ".");
            CanaryResults.RollbackResult rollback = new CanaryResults.RollbackResult(0, null, null, null);
            if (mode == RollbackMode.FULL) {
                Optional<Report<PromotionResults>> undone = actions.rollBack(reason);
                if (undone.isPresent()) {
                    PromotionResults results = undone.get().results();
                    rollback = new CanaryResults.RollbackResult(0, results.commit(), results.alias(),
                            results.tags().get("mlgitops.rejected"));
                }
            }
            webhooks.call(WebhookType.ROLLBACK, settings.candidate(), clock.instant(), Map.of("reason", reason));
            states.clear();
            return report(state, CanaryOutcome.ROLLED_BACK, reason, rollback, null);
        }

        Report<CanaryResults> report(final RolloutState state, final CanaryOutcome outcome, final String reason,
                final CanaryResults.RollbackResult rollback, final PromotionResults promotion) {
            timings.put("totalMs", Duration.between(started, clock.instant()).toMillis());
            CanaryResults results = new CanaryResults(outcome, reason, router.description(), settings.candidate(),
                    settings.dryRun(), state.getWeight(), CanaryReports.steps(state), state.getDecisions(), rollback,
                    promotion, timings);
            return CanaryReports.report(results, started, clock.instant(), log.messages(), router.targets());
        }
    }
}
