package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The benchmark's differences at a glance: one row per metric that has a confidence interval, a dot at the difference
 * (candidate minus champion), its interval as a bar, and a line at zero. Next to each row, in words, whether the
 * change is better or worse in the metric's direction and whether it is significant.
 */
final class DeltaChart {
    private static final double WIDTH = 760;
    private static final double LABEL_RIGHT = 180;
    private static final double PLOT_LEFT = 190;
    private static final double PLOT_RIGHT = 500;
    private static final double TOP = 36;
    private static final double ROW = 26;
    private static final double BOTTOM = 12;
    private static final int LABEL_LENGTH = 28;

    private record Row(String name, String direction, double delta, double low, double high, Boolean significant) {
        /** +1 better, -1 worse, 0 no direction or no change. */
        int sense() {
            if ("higher_is_better".equals(direction)) {
                return (int) Math.signum(delta);
            }
            if ("lower_is_better".equals(direction)) {
                return (int) -Math.signum(delta);
            }
            return 0;
        }
    }

    private DeltaChart() {
    }

    /** The chart, or empty when no metric has an interval. */
    static Optional<Markup> render(final List<JsonNode> metrics) {
        List<Row> rows = rows(metrics);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        double extent = 0;
        for (Row row : rows) {
            extent = Math.max(extent, Math.max(Math.abs(row.delta()), Math.max(Math.abs(row.low()),
                    Math.abs(row.high()))));
        }
        Ticks ticks = Ticks.symmetric(extent == 0 ? 1 : extent, 3);
        double height = TOP + rows.size() * ROW + BOTTOM;
        Svg svg = new Svg(WIDTH, height, "Differences candidate minus champion with confidence intervals",
                "deltas");
        axis(svg, ticks, height);
        for (int index = 0; index < rows.size(); index++) {
            row(svg, rows.get(index), TOP + index * ROW + ROW / 2, ticks.last());
        }
        return Optional.of(svg.finish());
    }

    private static List<Row> rows(final List<JsonNode> metrics) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode metric : metrics) {
            JsonNode ci = metric.path("ci");
            OptionalDouble delta = Nodes.number(metric, "delta");
            OptionalDouble low = Nodes.number(ci, "low");
            OptionalDouble high = Nodes.number(ci, "high");
            if (delta.isPresent() && low.isPresent() && high.isPresent()) {
                JsonNode significant = metric.path("significant");
                rows.add(new Row(Nodes.text(metric, "name", "?"), Nodes.text(metric, "direction", ""),
                        delta.getAsDouble(), low.getAsDouble(), high.getAsDouble(),
                        significant.isBoolean() ? significant.asBoolean() : null));
            }
        }
        return rows;
    }

    private static double x(final double value, final double extent) {
        return PLOT_LEFT + (value + extent) / (2 * extent) * (PLOT_RIGHT - PLOT_LEFT);
    }

    private static void axis(final Svg svg, final Ticks ticks, final double height) {
        for (int index = 0; index < ticks.count(); index++) {
            double tick = ticks.tick(index);
            double x = x(tick, ticks.last());
            boolean zero = Math.abs(tick) < ticks.step() / 2;
            svg.line(x, TOP - 6, x, height - BOTTOM, zero ? "zero" : "grid");
            svg.text(x, TOP - 12, zero || tick < 0 ? ticks.label(index) : "+" + ticks.label(index), "middle",
                    "axis");
        }
    }

    private static void row(final Svg svg, final Row row, final double y, final double extent) {
        boolean significant = Boolean.TRUE.equals(row.significant());
        String tone = !significant || row.sense() == 0 ? "tone-neutral" : row.sense() > 0 ? "tone-good" : "tone-bad";
        String words = words(row, significant);
        svg.group(row.name() + ": difference " + Format.signed(row.delta()) + ", interval ["
                + Format.signed(row.low()) + ", " + Format.signed(row.high()) + "], " + words, "metric " + tone);
        svg.text(LABEL_RIGHT, y + 4, Format.shorten(row.name(), LABEL_LENGTH), "end", "label");
        svg.line(x(row.low(), extent), y, x(row.high(), extent), y, "interval");
        svg.line(x(row.low(), extent), y - 5, x(row.low(), extent), y + 5, "interval");
        svg.line(x(row.high(), extent), y - 5, x(row.high(), extent), y + 5, "interval");
        svg.circle(x(row.delta(), extent), y, 5, significant ? "dot" : "dot open");
        svg.text(PLOT_RIGHT + 10, y + 4, Format.signed(row.delta()) + " " + words, "start", "value");
        svg.end();
    }

    private static String words(final Row row, final boolean significant) {
        String sense = row.sense() > 0 ? "✔ better" : row.sense() < 0 ? "✘ worse" : "no change";
        if ("none".equals(row.direction()) || row.direction().isEmpty()) {
            sense = "";
        }
        if (row.significant() == null) {
            return sense;
        }
        String separator = sense.isEmpty() ? "" : ", ";
        return sense + separator + (significant ? "significant" : "not significant");
    }
}
