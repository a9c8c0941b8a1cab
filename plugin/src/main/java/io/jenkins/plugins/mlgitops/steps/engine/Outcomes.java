package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.benchmark.BenchmarkResults;
import io.mlgitops.benchmark.GateResult;
import io.mlgitops.benchmark.MetricComparison;
import io.mlgitops.compliance.ComplianceResults;
import io.mlgitops.compliance.RuleResult;
import io.mlgitops.compliance.RuleStatus;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    private static LinkedHashMap<String, Object> start(final Report<?> report) {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        values.put("status", report.status().name());
        values.put("passed", report.status() == io.mlgitops.report.Status.PASSED);
        return values;
    }
}
