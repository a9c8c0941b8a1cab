package io.jenkins.plugins.mlgitops.actions;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import io.jenkins.plugins.mlgitops.actions.summary.ReportSource;
import io.jenkins.plugins.mlgitops.actions.summary.ReportSummary;
import io.jenkins.plugins.mlgitops.actions.trend.BuildEntry;
import io.jenkins.plugins.mlgitops.actions.trend.TrendView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.jenkins.plugins.mlgitops.actions.trend.SummaryFixtures.benchmark;
import static io.jenkins.plugins.mlgitops.actions.trend.SummaryFixtures.canary;
import static io.jenkins.plugins.mlgitops.actions.trend.SummaryFixtures.promotion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The job's trends come from the summaries in build.xml: a full report is never read for them. */
class MlGitOpsJobActionTest {
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger checks = new AtomicInteger();

    /** A build's reports that count each read and fail it, as if the JSON files had been deleted. */
    private final ReportSource deleted = file -> {
        reads.incrementAndGet();
        throw new IllegalStateException("A trend must not read the full report " + file);
    };

    private final AccessControlled reader = new AccessControlled() {
        @Override
        public void checkPermission(final Permission permission) {
            checks.incrementAndGet();
        }
    };

    @Test
    void shouldComputeEveryTrendWithoutReadingAFullReport() {
        MlGitOpsBuildAction first = action(benchmark("benchmark.json", "auc", 0.7, 0.8),
                canary("canary.json", "ROLLED_BACK", 0, 1));
        MlGitOpsBuildAction second = action(benchmark("benchmark.json", "auc", 0.8, 0.85),
                canary("canary.json", "PROMOTED", 100, 3), promotion("promotion.json", "staging", "4"));
        MlGitOpsJobAction job = new MlGitOpsJobAction(reader, () -> List.of(
                new MlGitOpsJobAction.RecordedBuild(12, second), new MlGitOpsJobAction.RecordedBuild(11, first)));

        TrendView trend = job.getTrend();

        assertThat(trend.isEmpty()).isFalse();
        assertThat(trend.getMetricCharts()).singleElement().satisfies(chart ->
                assertThat(chart.getSvg()).contains("#11", "#12"));
        assertThat(trend.getCanaryChart().getSvg()).contains("✔ promoted", "✘ rolled back");
        assertThat(trend.getCanaries()).extracting(BuildEntry::getBuild).containsExactly(11, 12);
        assertThat(trend.getEnvironments()).singleElement().satisfies(environment ->
                assertThat(environment.getEntries()).singleElement().satisfies(entry ->
                        assertThat(entry.getSummary().getDeployment().getVersion()).isEqualTo("4")));
        assertThat(reads).as("full reports read for the trends").hasValue(0);
        assertThat(checks).as("permission checks").hasValue(1);

        assertThatThrownBy(first::readReports).as("control: the page of a build does read its reports")
                .isInstanceOf(IllegalStateException.class);
        assertThat(reads).hasValue(1);
    }

    @Test
    void shouldShowNothingToAUserWhoMayNotReadTheJob() {
        AtomicInteger walks = new AtomicInteger();
        AccessControlled stranger = new AccessControlled() {
            @Override
            public void checkPermission(final Permission permission) {
                throw new SecurityException("no Item.READ");
            }
        };
        MlGitOpsJobAction job = new MlGitOpsJobAction(stranger, () -> {
            walks.incrementAndGet();
            return List.of();
        });

        assertThatThrownBy(job::getTrend).isInstanceOf(SecurityException.class);
        assertThat(walks).as("builds looked at").hasValue(0);
    }

    @Test
    void shouldNameItsPage() {
        MlGitOpsJobAction job = new MlGitOpsJobAction(reader, List::of);

        assertThat(job.getUrlName()).isEqualTo("mlgitops-trends");
        assertThat(job.getDisplayName()).isEqualTo("ML GitOps trends");
        assertThat(job.getIconFileName()).isEqualTo("symbol-analytics");
        assertThat(job.getTrend().isEmpty()).isTrue();
    }

    private MlGitOpsBuildAction action(final ReportSummary... summaries) {
        MlGitOpsBuildAction action = new MlGitOpsBuildAction(reader, deleted);
        for (ReportSummary summary : summaries) {
            action.add(summary);
        }
        return action;
    }
}
