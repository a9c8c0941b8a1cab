package io.mlgitops.canary;

import io.mlgitops.report.Message;
import io.mlgitops.report.Report;
import io.mlgitops.report.Status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the canary report: the steps with their decisions, and the report envelope. */
final class CanaryReports {
    static final String KIND = "canary";

    private CanaryReports() {
    }

    /**
     * Each step with the decisions made while it ran. An analysis that ends a step counts for that step, not for the
     * next one, which starts at the same instant.
     */
    static List<CanaryResults.StepResult> steps(final RolloutState state) {
        List<CanaryResults.StepResult> steps = new ArrayList<>();
        for (RolloutState.StepRecord step : state.getSteps()) {
            List<Decision> during = state.getDecisions().stream()
                    .filter(decision -> decision.time().isAfter(step.startedAt())
                            && (step.endedAt() == null || !decision.time().isAfter(step.endedAt())))
                    .toList();
            steps.add(new CanaryResults.StepResult(step.weight(), step.startedAt(), step.endedAt(), during));
        }
        return steps;
    }

    static Report<CanaryResults> report(final CanaryResults results, final Instant started, final Instant finished,
            final List<Message> messages, final RouteTargets targets) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("candidate", results.candidate());
        subject.put("router", results.router());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("namespace", targets.namespace());
        inputs.put("stable", targets.stable());
        inputs.put("canary", targets.canary());
        Status status = results.outcome() == CanaryOutcome.PROMOTED ? Status.PASSED : Status.FAILED;
        return new Report<>(Report.SCHEMA_VERSION, KIND, status, started.toString(), finished.toString(), subject,
                inputs, results, messages, "");
    }
}
