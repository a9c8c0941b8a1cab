package io.jenkins.plugins.mlgitops.actions.trend;

import io.jenkins.plugins.mlgitops.actions.summary.ReportSummary;

/** A report summary with the number of its build, for the tables of the trend page. */
public final class BuildEntry {
    private final int build;
    private final ReportSummary summary;

    public BuildEntry(final int build, final ReportSummary summary) {
        this.build = build;
        this.summary = summary;
    }

    public int getBuild() {
        return build;
    }

    public ReportSummary getSummary() {
        return summary;
    }
}
