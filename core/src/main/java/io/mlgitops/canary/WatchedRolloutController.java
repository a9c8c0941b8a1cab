package io.mlgitops.canary;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.net.Sleeper;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a rollout that Flagger or Argo Rollouts drives: every change of its state goes to the log and the report,
 * its failure fails the run, and our timeout aborts it through the controller's own field. The same report shape as
 * a rollout we drive: each state change is a decision line of the check {@code rollout}.
 */
public final class WatchedRolloutController {
    static final String CHECK = "rollout";

    private final RolloutWatcher watcher;
    private final String candidate;
    private final Duration pollInterval;
    private final Duration timeout;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ReportLog log;

    public WatchedRolloutController(final RolloutWatcher watcher, final String candidate, final Duration pollInterval,
            final Duration timeout, final Clock clock, final Sleeper sleeper, final ReportLog log) {
        this.watcher = watcher;
        this.candidate = candidate;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
        this.clock = clock;
        this.sleeper = sleeper;
        this.log = log;
    }

    /**
     * Follows the rollout to its end, or until the timeout.
     *
     * @param promote ask the controller to promote now (skip the remaining analysis)
     * @param abort   ask the controller to abort now
     */
    public Report<CanaryResults> run(final boolean promote, final boolean abort) throws MlGitOpsException {
        Instant started = clock.instant();
        if (abort) {
            watcher.abort();
            log.info("Asked " + watcher.description() + " to abort.");
        }
        else if (promote) {
            watcher.promote();
            log.info("Asked " + watcher.description() + " to promote.");
        }
        List<Decision> decisions = new ArrayList<>();
        List<CanaryResults.StepResult> steps = new ArrayList<>();
        String last = null;
        Instant stepStart = started;
        int stepWeight = -1;
        while (true) {
            RolloutSnapshot snapshot = watcher.snapshot();
            Instant now = clock.instant();
            if (!snapshot.summary().equals(last)) {
                last = snapshot.summary();
                Decision line = new Decision(now, snapshot.canaryWeight(), CHECK, (double) snapshot.canaryWeight(),
                        null, snapshot.phase(), 0, verdict(snapshot), last);
                decisions.add(line);
                log.info(watcher.description() + ": " + last);
            }
            if (snapshot.canaryWeight() != stepWeight) {
                closeStep(steps, stepWeight, stepStart, now, decisions);
                stepWeight = snapshot.canaryWeight();
                stepStart = now;
            }
            if (snapshot.succeeded() || snapshot.failed()) {
                closeStep(steps, stepWeight, stepStart, now, decisions);
                CanaryOutcome outcome = snapshot.succeeded() ? CanaryOutcome.PROMOTED : CanaryOutcome.ROLLED_BACK;
                return report(started, outcome, snapshot.summary(), snapshot.canaryWeight(), steps, decisions);
            }
            if (!now.isBefore(started.plus(timeout))) {
                watcher.abort();
                log.warning("Timed out after " + timeout + "; asked " + watcher.description() + " to abort.");
                closeStep(steps, stepWeight, stepStart, now, decisions);
                return report(started, CanaryOutcome.ROLLED_BACK, "the rollout did not finish within " + timeout
                        + "; aborted", snapshot.canaryWeight(), steps, decisions);
            }
            pause();
        }
    }

    private static Verdict verdict(final RolloutSnapshot snapshot) {
        return snapshot.failed() ? Verdict.FAIL : Verdict.PASS;
    }

    private static void closeStep(final List<CanaryResults.StepResult> steps, final int weight, final Instant start,
            final Instant end, final List<Decision> decisions) {
        if (weight < 0) {
            return;
        }
        List<Decision> during = decisions.stream().filter(decision -> decision.weight() == weight
                && !decision.time().isBefore(start) && !decision.time().isAfter(end)).toList();
        steps.add(new CanaryResults.StepResult(weight, start, end, during));
    }

    private void pause() throws InputException {
        try {
            sleeper.sleep(pollInterval);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InputException("Interrupted while following " + watcher.description(), interrupted);
        }
    }

    private Report<CanaryResults> report(final Instant started, final CanaryOutcome outcome, final String reason,
            final int weight, final List<CanaryResults.StepResult> steps, final List<Decision> decisions) {
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("totalMs", Duration.between(started, clock.instant()).toMillis());
        CanaryResults results = new CanaryResults(outcome, reason, watcher.description(), candidate, false, weight,
                steps, decisions, null, null, timings);
        return CanaryReports.report(results, started, clock.instant(), log.messages(),
                new RouteTargets("-", "-", "-"));
    }
}
