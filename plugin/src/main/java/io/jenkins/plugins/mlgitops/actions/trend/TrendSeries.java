package io.jenkins.plugins.mlgitops.actions.trend;

import io.jenkins.plugins.mlgitops.actions.summary.Deployment;
import io.jenkins.plugins.mlgitops.actions.summary.MetricValues;
import io.jenkins.plugins.mlgitops.actions.summary.ReportSummary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The trends of a job, computed from the report summaries of its builds only (never from a full report): per gated
 * metric the champion's and the candidate's value by build, the canary runs, and per environment its promotions and
 * rollbacks. Builds come oldest first whatever the order given; when one build benchmarked a metric more than once,
 * its last report counts.
 */
public final class TrendSeries {
    private final Map<String, List<MetricPoint>> metrics = new TreeMap<>();
    private final List<BuildEntry> canaries = new ArrayList<>();
    private final Map<String, List<BuildEntry>> deployments = new TreeMap<>();

    private TrendSeries() {
    }

    /** The trends of these builds. */
    public static TrendSeries of(final Collection<BuildSummaries> builds) {
        TrendSeries series = new TrendSeries();
        builds.stream().sorted(Comparator.comparingInt(BuildSummaries::number)).forEach(series::add);
        return series;
    }

    private void add(final BuildSummaries build) {
        Map<String, MetricPoint> lastOfBuild = new LinkedHashMap<>();
        for (ReportSummary summary : build.summaries()) {
            for (MetricValues metric : summary.getMetrics()) {
                lastOfBuild.put(metric.getName(), new MetricPoint(build.number(), metric.getChampion(),
                        metric.getCandidate()));
            }
            if (summary.getCanary() != null) {
                canaries.add(new BuildEntry(build.number(), summary));
            }
            Deployment deployment = summary.getDeployment();
            if (deployment != null) {
                deployments.computeIfAbsent(Objects.requireNonNullElse(deployment.getEnvironment(), "?"),
                        environment -> new ArrayList<>()).add(new BuildEntry(build.number(), summary));
            }
        }
        lastOfBuild.forEach((name, point) -> metrics.computeIfAbsent(name, key -> new ArrayList<>()).add(point));
    }

    /** Per gated metric (by name), its values by build. */
    public Map<String, List<MetricPoint>> getMetrics() {
        return metrics;
    }

    /** The canary runs, oldest build first. */
    public List<BuildEntry> getCanaries() {
        return canaries;
    }

    /** Per environment (by name), its promotions and rollbacks. */
    public List<EnvironmentHistory> getEnvironments() {
        return deployments.entrySet().stream()
                .map(entry -> new EnvironmentHistory(entry.getKey(), entry.getValue())).toList();
    }

    /** Whether there is anything to show. */
    public boolean isEmpty() {
        return metrics.isEmpty() && canaries.isEmpty() && deployments.isEmpty();
    }
}
