package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.benchmark.BenchmarkResults;
import io.mlgitops.benchmark.GateResult;
import io.mlgitops.benchmark.MetricComparison;
import io.mlgitops.canary.CanaryOutcome;
import io.mlgitops.canary.CanaryProgress;
import io.mlgitops.canary.CanaryResults;
import io.mlgitops.compliance.ComplianceResults;
import io.mlgitops.compliance.RuleResult;
import io.mlgitops.compliance.RuleStatus;
import io.mlgitops.gitops.AppliedEdit;
import io.mlgitops.gitops.PromotionResults;
import io.mlgitops.report.Message;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Turns the engine's reports into step outcomes: the values a scripted Pipeline gets, the reasons, the summary. */
final class Outcomes {
    private Outcomes() {
    }

    /** The report as JSON; also written to {@code copy} (a workspace file) when one is asked for. */
    static String json(final Report<?> report, final Path copy) throws InputException {
        ReportJson writer = new ReportJson();
        if (copy != null) {
            writer.write(report, copy);
        }
        return writer.toJson(report);
    }

    /**
     * A benchmark's outcome. Values: {@code status}, {@code passed}, {@code task}, {@code exampleCount},
     * {@code championPresent}, {@code metrics} (per metric: champion, candidate, delta, significant) and {@code gates}
     * (metric, rule, passed, message).
     */
    static StepOutcome benchmark(final Report<BenchmarkResults> report, final String json) {
        BenchmarkResults results = report.results();
        LinkedHashMap<String, Object> values = start(report);
        values.put("task", results.task());
        values.put("exampleCount", results.exampleCount());
        values.put("championPresent", results.championPresent());
        LinkedHashMap<String, Object> metrics = new LinkedHashMap<>();
        for (MetricComparison metric : results.metrics()) {
            LinkedHashMap<String, Object> entry = new LinkedHashMap<>();
            entry.put("champion", metric.champion());
            entry.put("candidate", metric.candidate());
            entry.put("delta", metric.delta());
            entry.put("significant", metric.significant());
            metrics.put(metric.name(), entry);
        }
        values.put("metrics", metrics);
        ArrayList<Object> gates = new ArrayList<>();
        ArrayList<String> problems = new ArrayList<>();
        ArrayList<String> summary = new ArrayList<>();
        for (GateResult gate : results.gates()) {
            LinkedHashMap<String, Object> entry = new LinkedHashMap<>();
            entry.put("metric", gate.metric());
            entry.put("rule", gate.rule());
            entry.put("passed", gate.passed());
            entry.put("message", gate.message());
            gates.add(entry);
            summary.add(String.format("%-6s %s: %s", gate.passed() ? "PASSED" : "FAILED", gate.metric(),
                    gate.message()));
            if (!gate.passed()) {
                problems.add(gate.metric() + ": " + gate.message());
            }
        }
        values.put("gates", gates);
        summary.add("Gate mode " + results.gateMode() + ": " + report.status());
        return new StepOutcome(BenchmarkRequest.KIND, report.status().name(), json, values, problems, summary);
    }

    /**
     * A compliance check's outcome. Values: {@code status}, {@code passed}, {@code rules} (count per rule status),
     * {@code failedRules} (ids of failed rules) and {@code errorRules} (ids of rules that could not be evaluated).
     */
    static StepOutcome compliance(final Report<ComplianceResults> report, final String json) {
        ComplianceResults results = report.results();
        LinkedHashMap<String, Object> values = start(report);
        LinkedHashMap<String, Object> counts = new LinkedHashMap<>();
        for (Map.Entry<RuleStatus, Integer> count : results.summary().entrySet()) {
            counts.put(count.getKey().name(), count.getValue());
        }
        values.put("rules", counts);
        ArrayList<String> failed = new ArrayList<>();
        ArrayList<String> errors = new ArrayList<>();
        ArrayList<String> problems = new ArrayList<>();
        ArrayList<String> summary = new ArrayList<>();
        for (RuleResult rule : results.rules()) {
            summary.add(String.format("%-14s %s (%s): %s", rule.status(), rule.id(), rule.type(), rule.message()));
            if (rule.status() == RuleStatus.FAILED || rule.status() == RuleStatus.ERROR) {
                (rule.status() == RuleStatus.FAILED ? failed : errors).add(rule.id());
                problems.add(rule.id() + " " + rule.status() + ": " + rule.message());
            }
        }
        values.put("failedRules", failed);
        values.put("errorRules", errors);
        summary.add("Rules: " + counts + "; result " + report.status());
        return new StepOutcome(ComplianceRequest.KIND, report.status().name(), json, values, problems, summary);
    }

    /**
     * A promotion's or rollback's outcome. Values: {@code status}, {@code passed}, {@code operation}, {@code model},
     * {@code version}, {@code environment}, {@code repository}, {@code branch}, {@code commit}, {@code committed},
     * {@code alreadyApplied}, {@code attempts}, {@code alias}, {@code previousVersion} and {@code newVersion} (the
     * alias before and after; {@code null} without an alias), {@code pullRequest} (its URL), {@code synced} (Argo CD;
     * {@code null} when not waited for) and {@code edits} (file, path, before, after).
     */
    static StepOutcome promotion(final String kind, final Report<PromotionResults> report, final String json) {
        PromotionResults results = report.results();
        LinkedHashMap<String, Object> values = start(report);
        values.put("operation", results.operation());
        values.put("model", results.model());
        values.put("version", results.version());
        values.put("environment", results.environment());
        values.put("repository", results.repository());
        values.put("branch", results.branch());
        values.put("commit", results.commit());
        values.put("committed", results.committed());
        values.put("alreadyApplied", results.alreadyApplied());
        values.put("attempts", results.attempts());
        values.put("alias", results.alias() == null ? null : results.alias().name());
        values.put("previousVersion", results.alias() == null ? null : results.alias().before());
        values.put("newVersion", results.alias() == null ? null : results.alias().after());
        values.put("pullRequest", results.pullRequest() == null ? null : results.pullRequest().url());
        values.put("synced", results.sync() == null ? null : results.sync().synced());
        ArrayList<Object> edits = new ArrayList<>();
        ArrayList<String> summary = new ArrayList<>();
        summary.add(("rollback".equals(results.operation()) ? "Rollback of " : "Promotion of ") + results.model()
                + " " + results.version() + " in " + results.environment() + " (" + results.repository()
                + ", branch " + results.branch() + ")");
        for (AppliedEdit edit : results.edits()) {
            LinkedHashMap<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", edit.file());
            entry.put("path", edit.path());
            entry.put("before", edit.before());
            entry.put("after", edit.after());
            edits.add(entry);
            summary.add("  " + edit.file() + " " + edit.path() + ": " + shown(edit.before()) + " -> "
                    + shown(edit.after()) + (edit.changed() ? "" : " (unchanged)"));
        }
        values.put("edits", edits);
        if (results.commit() != null) {
            summary.add("Commit: " + results.commit() + (results.committed() ? " (" + results.attempts()
                    + (results.attempts() == 1 ? " attempt)" : " attempts)") : results.alreadyApplied() == null
                    ? "" : " (already applied: " + results.alreadyApplied() + ")"));
        }
        if (results.pullRequest() != null) {
            summary.add("Pull request: " + results.pullRequest().url());
        }
        if (results.alias() != null) {
            summary.add("Alias: " + results.alias().name() + " " + shown(results.alias().before()) + " -> "
                    + shown(results.alias().after()));
        }
        if (results.sync() != null) {
            summary.add("Argo CD: " + results.sync().application() + " " + results.sync().syncStatus() + "/"
                    + results.sync().health());
        }
        ArrayList<String> problems = new ArrayList<>();
        for (Message message : report.messages()) {
            if (message.level() != Message.Level.INFO) {
                summary.add(message.level() + ": " + message.text());
            }
            if (message.level() == Message.Level.ERROR) {
                problems.add(message.text());
            }
        }
        if (problems.isEmpty() && report.status() != io.mlgitops.report.Status.PASSED) {
            report.messages().stream().filter(message -> message.level() == Message.Level.WARNING)
                    .map(Message::text).forEach(problems::add);
        }
        summary.add("Result: " + report.status());
        return new StepOutcome(kind, report.status().name(), json, values, problems, summary);
    }

    /**
     * A canary's final outcome. Values: {@code status}, {@code passed}, {@code outcome} ({@code PROMOTED},
     * {@code ROLLED_BACK}, {@code FROZEN}), {@code finalWeight}, {@code reason}, {@code candidate}, {@code dryRun},
     * {@code steps} (the weights run), {@code decisions} (the number of analysis lines), {@code rollbackCommit} (the
     * commit of a full rollback in git) and {@code promotionCommit} (of the promotion on success); both {@code null}
     * when there was none.
     */
    static StepOutcome canary(final Report<CanaryResults> report, final String json) {
        CanaryResults results = report.results();
        LinkedHashMap<String, Object> values = start(report);
        values.put("outcome", results.outcome().name());
        values.put("finalWeight", results.finalWeight());
        values.put("reason", results.reason());
        values.put("candidate", results.candidate());
        values.put("dryRun", results.dryRun());
        ArrayList<Object> weights = new ArrayList<>();
        results.steps().forEach(step -> weights.add(step.weight()));
        values.put("steps", weights);
        values.put("decisions", results.decisions().size());
        String rollbackCommit = results.rollback() == null ? null : results.rollback().commit();
        String promotionCommit = results.promotion() == null ? null : results.promotion().commit();
        values.put("rollbackCommit", rollbackCommit);
        values.put("promotionCommit", promotionCommit);
        ArrayList<String> problems = new ArrayList<>();
        if (results.outcome() != CanaryOutcome.PROMOTED) {
            problems.add(results.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                    + results.reason());
        }
        ArrayList<String> summary = new ArrayList<>();
        summary.add(String.format("%s %s%s at %d%%: %s", results.candidate(), results.outcome(),
                results.dryRun() ? " (dry run)" : "", results.finalWeight(), results.reason()));
        if (rollbackCommit != null) {
            summary.add("Rolled back in git: " + rollbackCommit);
        }
        if (promotionCommit != null) {
            summary.add("Promoted in git: " + promotionCommit);
        }
        return new StepOutcome(CanaryRequest.KIND, report.status().name(), json, values, problems, summary);
    }

    /** A canary round after which the rollout goes on: {@code outcome} {@code IN_PROGRESS}, the step and weight. */
    static StepOutcome canaryInProgress(final CanaryProgress round) {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        values.put("status", CanaryRequest.IN_PROGRESS);
        values.put("passed", false);
        values.put("outcome", CanaryRequest.IN_PROGRESS);
        values.put("step", round.step());
        values.put("steps", round.steps());
        values.put("weight", round.weight());
        ArrayList<String> summary = new ArrayList<>();
        summary.add(String.format("Step %d of %d, %d%% of the traffic to %s; next analysis in one interval.",
                round.step(), round.steps(), round.weight(), round.candidate()));
        return new StepOutcome(CanaryRequest.KIND, CanaryRequest.IN_PROGRESS, null, values, new ArrayList<>(),
                summary);
    }

    private static String shown(final String value) {
        return value == null ? "(none)" : value;
    }

    private static LinkedHashMap<String, Object> start(final Report<?> report) {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        values.put("status", report.status().name());
        values.put("passed", report.status() == io.mlgitops.report.Status.PASSED);
        return values;
    }
}
