package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The canary's traffic share over time: a step line through the rollout's steps, the drop at a rollback or at the
 * end, and a mark at every analysis whose shape says its worst decision (● pass, ✕ fail, ○ no data, ▲ error).
 */
final class TrafficTimeline {
    private static final double WIDTH = 760;
    private static final double HEIGHT = 250;
    private static final double LEFT = 56;
    private static final double RIGHT = 730;
    private static final double TOP = 24;
    private static final double BOTTOM = 210;
    private static final int TICKS = 5;

    private record Step(Instant start, Instant end, double weight) {
    }

    private record Scale(Instant origin, double spanMillis) {
        double x(final Instant time) {
            return LEFT + Duration.between(origin, time).toMillis() / spanMillis * (RIGHT - LEFT);
        }

        static double y(final double weight) {
            return BOTTOM - Math.max(0, Math.min(100, weight)) / 100 * (BOTTOM - TOP);
        }
    }

    private TrafficTimeline() {
    }

    /** The chart, or empty when the report has no step with a start time. */
    static Optional<Markup> render(final JsonNode results) {
        List<JsonNode> decisions = Nodes.elements(results, "decisions");
        List<Step> steps = steps(results, decisions);
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        Instant origin = steps.get(0).start();
        Instant last = steps.get(steps.size() - 1).end();
        OptionalDouble endWeight = endWeight(results, steps.get(steps.size() - 1).weight());
        double span = Math.max(1, Duration.between(origin, last).toMillis());
        Scale scale = new Scale(origin, endWeight.isPresent() ? span * 1.06 : span);
        Svg svg = new Svg(WIDTH, HEIGHT, "Canary traffic share over time", "timeline");
        grid(svg, scale, span);
        line(svg, scale, steps, endWeight, last);
        marks(svg, scale, decisions);
        return Optional.of(svg.finish());
    }

    private static List<Step> steps(final JsonNode results, final List<JsonNode> decisions) {
        List<JsonNode> raw = Nodes.elements(results, "steps");
        List<Step> steps = new ArrayList<>();
        for (int index = 0; index < raw.size(); index++) {
            JsonNode step = raw.get(index);
            JsonNode next = index + 1 < raw.size() ? raw.get(index + 1) : null;
            Optional<Instant> start = Format.parseInstant(Nodes.text(step, "startedAt"));
            OptionalDouble weight = Nodes.number(step, "weight");
            if (start.isEmpty() || weight.isEmpty()) {
                continue;
            }
            Instant end = Format.parseInstant(Nodes.text(step, "endedAt"))
                    .or(() -> Format.parseInstant(Nodes.text(next, "startedAt")))
                    .orElse(lastDecision(decisions).filter(time -> time.isAfter(start.get())).orElse(start.get()));
            steps.add(new Step(start.get(), end.isBefore(start.get()) ? start.get() : end, weight.getAsDouble()));
        }
        return steps;
    }

    private static Optional<Instant> lastDecision(final List<JsonNode> decisions) {
        return decisions.stream().map(decision -> Format.parseInstant(Nodes.text(decision, "time")))
                .flatMap(Optional::stream).max(Instant::compareTo);
    }

    /** Where the traffic went after the last step: the rollback's weight, or the final weight when it differs. */
    private static OptionalDouble endWeight(final JsonNode results, final double lastWeight) {
        JsonNode rollback = results.path("rollback");
        OptionalDouble rolledBack = Nodes.number(rollback, "traffic");
        if (rolledBack.isPresent()) {
            return rolledBack;
        }
        OptionalDouble finalWeight = Nodes.number(results, "finalWeight");
        return finalWeight.isPresent() && finalWeight.getAsDouble() != lastWeight ? finalWeight
                : OptionalDouble.empty();
    }

    private static void grid(final Svg svg, final Scale scale, final double span) {
        for (int weight = 0; weight <= 100; weight += 25) {
            double y = Scale.y(weight);
            svg.line(LEFT, y, RIGHT, y, weight == 0 ? "zero" : "grid");
            svg.text(LEFT - 6, y + 4, weight + "%", "end", "axis");
        }
        for (int tick = 0; tick <= TICKS; tick++) {
            long millis = Math.round(span * tick / TICKS);
            double x = scale.x(scale.origin().plusMillis(millis));
            svg.line(x, BOTTOM, x, BOTTOM + 5, "grid");
            svg.text(x, BOTTOM + 18, elapsed(millis), "middle", "axis");
        }
        svg.text((LEFT + RIGHT) / 2, HEIGHT - 6, "time since the first step", "middle", "axis");
    }

    private static void line(final Svg svg, final Scale scale, final List<Step> steps, final OptionalDouble endWeight,
            final Instant last) {
        StringBuilder path = new StringBuilder();
        for (Step step : steps) {
            path.append(path.length() == 0 ? "M" : "L").append(Svg.number(scale.x(step.start()))).append(' ')
                    .append(Svg.number(Scale.y(step.weight())))
                    .append('L').append(Svg.number(scale.x(step.end()))).append(' ')
                    .append(Svg.number(Scale.y(step.weight())));
            svg.text(scale.x(step.start()) + 4, Scale.y(step.weight()) - 8, Format.number(step.weight()) + "%",
                    "start", "step-label");
        }
        if (endWeight.isPresent()) {
            double x = scale.x(last);
            path.append('L').append(Svg.number(x)).append(' ').append(Svg.number(Scale.y(endWeight.getAsDouble())))
                    .append('L').append(Svg.number(RIGHT)).append(' ')
                    .append(Svg.number(Scale.y(endWeight.getAsDouble())));
            svg.text(RIGHT, Scale.y(endWeight.getAsDouble()) - 8, "end " + Format.number(endWeight.getAsDouble())
                    + "%", "end", "step-label");
        }
        svg.path(path.toString(), "traffic");
    }

    private static void marks(final Svg svg, final Scale scale, final List<JsonNode> decisions) {
        Map<String, List<JsonNode>> byTime = new LinkedHashMap<>();
        for (JsonNode decision : decisions) {
            String time = Nodes.text(decision, "time");
            if (Format.parseInstant(time).isPresent()) {
                byTime.computeIfAbsent(time, key -> new ArrayList<>()).add(decision);
            }
        }
        for (Map.Entry<String, List<JsonNode>> analysis : byTime.entrySet()) {
            Instant time = Format.parseInstant(analysis.getKey()).orElseThrow();
            double weight = Nodes.number(analysis.getValue().get(0), "weight").orElse(0);
            String worst = worst(analysis.getValue());
            List<String> lines = new ArrayList<>();
            lines.add("Analysis at " + Format.time(analysis.getKey()) + ", weight " + Format.number(weight) + "%:");
            analysis.getValue().forEach(decision -> lines.add(Nodes.text(decision, "check", "?") + " "
                    + Nodes.text(decision, "decision", "?") + ": " + Nodes.text(decision, "reason", "")));
            svg.group(String.join("\n", lines), "mark " + Verdicts.tone(worst).cssClass());
            CheckChart.marker(svg, scale.x(time), Scale.y(weight), worst);
            svg.end();
        }
    }

    /** ERROR before FAIL before NO_DATA before PASS. */
    private static String worst(final List<JsonNode> decisions) {
        List<String> order = List.of("ERROR", "FAIL", "NO_DATA", "PASS");
        String worst = "PASS";
        for (JsonNode decision : decisions) {
            String word = Nodes.text(decision, "decision", "PASS").toUpperCase(Locale.ROOT);
            int rank = order.indexOf(word);
            if (rank >= 0 && rank < order.indexOf(worst)) {
                worst = word;
            }
        }
        return worst;
    }

    private static String elapsed(final long millis) {
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        if (millis < 120_000) {
            return Math.round(millis / 1000.0) + " s";
        }
        long minutes = millis / 60_000;
        return minutes < 120 ? minutes + " min" : String.format(Locale.ROOT, "%d h %02d", minutes / 60,
                minutes % 60);
    }
}
