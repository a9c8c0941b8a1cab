package io.jenkins.plugins.mlgitops.actions.trend;

import io.jenkins.plugins.mlgitops.actions.summary.CanaryResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The charts of a job's trends: candidate versus champion per gated metric, and the canary runs. */
public final class TrendCharts {
    private static final String CHAMPION_COLOUR = "#6d6d6d";
    private static final String CANDIDATE_COLOUR = "#1f6fd1";
    private static final double FULL_TRAFFIC = 100;

    private TrendCharts() {
    }

    /** One chart per gated metric, in name order. */
    public static List<Chart> metrics(final TrendSeries trend) {
        List<Chart> charts = new ArrayList<>();
        trend.getMetrics().forEach((name, points) -> {
            Map<Integer, Double> champion = new LinkedHashMap<>();
            Map<Integer, Double> candidate = new LinkedHashMap<>();
            points.forEach(point -> {
                champion.put(point.build(), point.champion());
                candidate.put(point.build(), point.candidate());
            });
            String title = name + ": candidate versus champion";
            charts.add(new Chart(title, new LineChart(title)
                    .with(new LineChart.Series("champion", LineChart.Marker.SQUARE, CHAMPION_COLOUR, champion,
                            Map.of()))
                    .with(new LineChart.Series("candidate", LineChart.Marker.CIRCLE, CANDIDATE_COLOUR, candidate,
                            Map.of()))
                    .render(points.stream().map(MetricPoint::build).distinct().toList())));
        });
        return charts;
    }

    /**
     * The canary's final traffic share per run with the outcome written above each point; empty without canary
     * runs. A build with several runs shows its last.
     */
    public static Optional<Chart> canaries(final TrendSeries trend) {
        if (trend.getCanaries().isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, Double> weights = new LinkedHashMap<>();
        Map<Integer, String> outcomes = new LinkedHashMap<>();
        for (BuildEntry entry : trend.getCanaries()) {
            CanaryResult canary = entry.getSummary().getCanary();
            weights.put(entry.getBuild(), canary.getFinalWeight() == null ? null
                    : canary.getFinalWeight().doubleValue());
            outcomes.put(entry.getBuild(), canary.getLabel());
        }
        String title = "Canary runs: final traffic share (%) and outcome";
        return Optional.of(new Chart(title, new LineChart(title).range(0, FULL_TRAFFIC)
                .with(new LineChart.Series("final weight", LineChart.Marker.CIRCLE, CANDIDATE_COLOUR, weights,
                        outcomes))
                .render(List.copyOf(weights.keySet()))));
    }
}
