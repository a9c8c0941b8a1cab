package io.jenkins.plugins.mlgitops.actions.trend;

import io.jenkins.plugins.mlgitops.actions.summary.CanaryResult;
import io.jenkins.plugins.mlgitops.actions.summary.Deployment;
import io.jenkins.plugins.mlgitops.actions.summary.GateVerdict;
import io.jenkins.plugins.mlgitops.actions.summary.MetricValues;
import io.jenkins.plugins.mlgitops.actions.summary.ReportSummary;

import java.util.ArrayList;
import java.util.List;

/** Report summaries made by hand for the trend tests. */
public final class SummaryFixtures {
    private SummaryFixtures() {
    }

    /** A benchmark gating these metrics, each as {@code name, champion, candidate}. */
    public static ReportSummary benchmark(final String file, final Object... metrics) {
        List<MetricValues> values = new ArrayList<>();
        List<GateVerdict> gates = new ArrayList<>();
        for (int index = 0; index < metrics.length; index += 3) {
            String name = (String) metrics[index];
            values.add(new MetricValues(name, (Double) metrics[index + 1], (Double) metrics[index + 2], null, null,
                    null));
            gates.add(new GateVerdict(name, name + " >= champion", true));
        }
        return ReportSummary.benchmark(heading("benchmark", file, "PASSED"), values, gates);
    }

    public static ReportSummary canary(final String file, final String outcome, final Integer weight,
            final int steps) {
        return ReportSummary.canary(heading("canary", file, "PROMOTED".equals(outcome) ? "PASSED" : "FAILED"),
                new CanaryResult(outcome, weight, steps));
    }

    public static ReportSummary promotion(final String file, final String environment, final String version) {
        return ReportSummary.deployment(heading("promotion", file, "PASSED"),
                new Deployment("promote", "churn", version, environment, "a251a1080700", "champion"));
    }

    private static ReportSummary.Heading heading(final String kind, final String file, final String status) {
        return new ReportSummary.Heading(kind, file, status, "2026-11-28T19:00:04Z", "model churn");
    }
}
