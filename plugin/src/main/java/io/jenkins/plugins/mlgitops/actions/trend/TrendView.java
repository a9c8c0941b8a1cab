package io.jenkins.plugins.mlgitops.actions.trend;

import java.util.List;

/** What the trend pages show, computed once per page: the charts, the canary runs and the deployment history. */
public final class TrendView {
    private final TrendSeries series;
    private final List<Chart> metricCharts;
    private final Chart canaryChart;

    public TrendView(final TrendSeries series) {
        this.series = series;
        this.metricCharts = TrendCharts.metrics(series);
        this.canaryChart = TrendCharts.canaries(series).orElse(null);
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    /** Candidate versus champion, one chart per gated metric. */
    public List<Chart> getMetricCharts() {
        return metricCharts;
    }

    /** The canary runs' chart, or {@code null} without canary runs. */
    public Chart getCanaryChart() {
        return canaryChart;
    }

    /** The canary runs, oldest build first, for the table under the chart. */
    public List<BuildEntry> getCanaries() {
        return series.getCanaries();
    }

    /** The promotions and rollbacks per environment. */
    public List<EnvironmentHistory> getEnvironments() {
        return series.getEnvironments();
    }
}
