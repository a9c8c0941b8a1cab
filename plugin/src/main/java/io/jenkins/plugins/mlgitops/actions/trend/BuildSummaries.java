package io.jenkins.plugins.mlgitops.actions.trend;

import io.jenkins.plugins.mlgitops.actions.summary.ReportSummary;

import java.util.List;

/**
 * The report summaries of one build, in the order its steps finished.
 *
 * @param number    the build number
 * @param summaries the summaries kept in the build's {@code build.xml}
 */
public record BuildSummaries(int number, List<ReportSummary> summaries) {
    public BuildSummaries {
        summaries = List.copyOf(summaries);
    }
}
