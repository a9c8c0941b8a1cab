package io.jenkins.plugins.mlgitops.actions.trend;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jenkins.plugins.mlgitops.actions.trend.SummaryFixtures.benchmark;
import static io.jenkins.plugins.mlgitops.actions.trend.SummaryFixtures.canary;
import static io.jenkins.plugins.mlgitops.actions.trend.SummaryFixtures.promotion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Trends from report summaries: order, gaps, several metrics, several reports of a kind in one build. */
class TrendSeriesTest {
    @Test
    void shouldOrderTheBuildsOldestFirstWhateverTheOrderGiven() {
        TrendSeries trend = TrendSeries.of(List.of(
                new BuildSummaries(7, List.of(benchmark("benchmark.json", "auc", 0.8, 0.9))),
                new BuildSummaries(3, List.of(benchmark("benchmark.json", "auc", 0.7, 0.6))),
                new BuildSummaries(5, List.of(benchmark("benchmark.json", "auc", 0.75, 0.8)))));

        assertThat(trend.getMetrics().get("auc")).containsExactly(new MetricPoint(3, 0.7, 0.6),
                new MetricPoint(5, 0.75, 0.8), new MetricPoint(7, 0.8, 0.9));
    }

    @Test
    void shouldGiveEachMetricOnlyTheBuildsThatGatedIt() {
        TrendSeries trend = TrendSeries.of(List.of(
                new BuildSummaries(1, List.of(benchmark("benchmark.json", "auc", 0.7, 0.8, "f1", 0.5, 0.6))),
                new BuildSummaries(2, List.of()),
                new BuildSummaries(4, List.of(benchmark("benchmark.json", "f1", 0.6, null)))));

        assertThat(trend.getMetrics()).containsOnlyKeys("auc", "f1");
        assertThat(trend.getMetrics().get("auc")).containsExactly(new MetricPoint(1, 0.7, 0.8));
        assertThat(trend.getMetrics().get("f1")).containsExactly(new MetricPoint(1, 0.5, 0.6),
                new MetricPoint(4, 0.6, null));
        assertThat(trend.getCanaries()).isEmpty();
        assertThat(trend.getEnvironments()).isEmpty();
        assertThat(trend.isEmpty()).isFalse();
    }

    @Test
    void shouldTakeTheLastBenchmarkOfABuildAndEveryCanaryAndPromotion() {
        TrendSeries trend = TrendSeries.of(List.of(new BuildSummaries(9, List.of(
                benchmark("benchmark.json", "auc", 0.7, 0.71),
                canary("canary.json", "ROLLED_BACK", 0, 1),
                promotion("promotion.json", "staging", "2"),
                benchmark("benchmark-2.json", "auc", 0.7, 0.75),
                canary("canary-2.json", "PROMOTED", 100, 3),
                promotion("promotion-2.json", "production", "2"),
                promotion("promotion-3.json", "staging", "3")))));

        assertThat(trend.getMetrics().get("auc")).containsExactly(new MetricPoint(9, 0.7, 0.75));
        assertThat(trend.getCanaries()).extracting(entry -> entry.getSummary().getFile())
                .containsExactly("canary.json", "canary-2.json");
        assertThat(trend.getEnvironments()).extracting(EnvironmentHistory::getEnvironment)
                .containsExactly("production", "staging");
        assertThat(trend.getEnvironments().get(1).getEntries())
                .extracting(BuildEntry::getBuild, entry -> entry.getSummary().getDeployment().getVersion())
                .containsExactly(tuple(9, "2"), tuple(9, "3"));
    }

    @Test
    void shouldBeEmptyWithoutReports() {
        assertThat(TrendSeries.of(List.of()).isEmpty()).isTrue();
        assertThat(TrendSeries.of(List.of(new BuildSummaries(1, List.of()))).isEmpty()).isTrue();
    }
}
