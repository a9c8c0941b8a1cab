package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One canary check over the run: at each decision, the canary's value (● on a solid line) and the stable version's
 * (■ on a dashed line) against the threshold (a dashed level line when the threshold is a bound such as
 * {@code >= 99}); above each canary point the decision's symbol, ✔ pass, ✘ fail, ? no data, ⚠ error.
 */
final class CheckChart {
    private static final double WIDTH = 760;
    private static final double HEIGHT = 210;
    private static final double LEFT = 70;
    private static final double RIGHT = 730;
    private static final double TOP = 28;
    private static final double BOTTOM = 170;
    private static final int MAX_LABELS = 12;
    private static final Pattern BOUND = Pattern.compile("\\s*(>=|<=|>|<|≥|≤)\\s*([-+]?[0-9]*\\.?[0-9]+"
            + "(?:[eE][-+]?[0-9]+)?)\\s*");

    private record Range(double low, double high, Ticks ticks) {
        double y(final double value) {
            return BOTTOM - (value - low) / (high - low) * (BOTTOM - TOP);
        }
    }

    private CheckChart() {
    }

    /** The numeric bound of a threshold written as {@code >= 99}; empty for other thresholds (tests, words). */
    static OptionalDouble bound(final String threshold) {
        if (threshold == null) {
            return OptionalDouble.empty();
        }
        Matcher matcher = BOUND.matcher(threshold);
        return matcher.matches() ? OptionalDouble.of(Double.parseDouble(matcher.group(2))) : OptionalDouble.empty();
    }

    static Markup render(final String check, final List<JsonNode> decisions) {
        String threshold = decisions.isEmpty() ? null : Nodes.text(decisions.get(0), "threshold");
        OptionalDouble bound = bound(threshold);
        Range range = range(decisions, bound);
        Svg svg = new Svg(WIDTH, HEIGHT, "Check " + check + ": canary and stable values at each decision"
                + (threshold == null || threshold.isBlank() ? "" : " against " + threshold), "check");
        axes(svg, range, decisions);
        if (bound.isPresent()) {
            double y = range.y(bound.getAsDouble());
            svg.line(LEFT, y, RIGHT, y, "threshold");
            svg.text(RIGHT, y - 5, "threshold " + threshold.trim(), "end", "threshold-label");
        }
        series(svg, range, decisions, "stable");
        series(svg, range, decisions, "canary");
        return svg.finish();
    }

    private static Range range(final List<JsonNode> decisions, final OptionalDouble bound) {
        double low = bound.orElse(Double.POSITIVE_INFINITY);
        double high = bound.orElse(Double.NEGATIVE_INFINITY);
        for (JsonNode decision : decisions) {
            for (String field : new String[] {"canary", "stable"}) {
                OptionalDouble value = Nodes.number(decision, field);
                if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
                    low = Math.min(low, value.getAsDouble());
                    high = Math.max(high, value.getAsDouble());
                }
            }
        }
        if (low > high) {
            return new Range(0, 1, Ticks.covering(0, 1, 4));
        }
        double pad = high == low ? Math.max(Math.abs(high) * 0.1, 1) : (high - low) * 0.08;
        Ticks ticks = Ticks.covering(low - pad, high + pad, 4);
        return new Range(ticks.first(), ticks.last(), ticks);
    }

    private static double x(final int index, final int count) {
        return LEFT + (index + 0.5) * (RIGHT - LEFT) / Math.max(1, count);
    }

    private static void axes(final Svg svg, final Range range, final List<JsonNode> decisions) {
        Ticks ticks = range.ticks();
        for (int index = 0; index < ticks.count(); index++) {
            double y = range.y(ticks.tick(index));
            svg.line(LEFT, y, RIGHT, y, "grid");
            svg.text(LEFT - 6, y + 4, ticks.label(index), "end", "axis");
        }
        int every = Math.max(1, (int) Math.ceil(decisions.size() / (double) MAX_LABELS));
        for (int index = 0; index < decisions.size(); index += every) {
            String weight = Format.number(decisions.get(index), "weight");
            svg.text(x(index, decisions.size()), BOTTOM + 16, "#" + (index + 1), "middle", "axis");
            svg.text(x(index, decisions.size()), BOTTOM + 30, weight + "%", "middle", "axis");
        }
    }

    private static void series(final Svg svg, final Range range, final List<JsonNode> decisions,
            final String field) {
        StringBuilder path = new StringBuilder();
        for (int index = 0; index < decisions.size(); index++) {
            OptionalDouble value = Nodes.number(decisions.get(index), field);
            if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
                path.append(path.length() == 0 ? "M" : "L").append(Svg.number(x(index, decisions.size())))
                        .append(' ').append(Svg.number(range.y(value.getAsDouble())));
            }
        }
        if (path.length() > 0) {
            svg.path(path.toString(), "series " + field);
        }
        for (int index = 0; index < decisions.size(); index++) {
            JsonNode decision = decisions.get(index);
            OptionalDouble value = Nodes.number(decision, field);
            if (value.isEmpty() || !Double.isFinite(value.getAsDouble())) {
                continue;
            }
            double x = x(index, decisions.size());
            double y = range.y(value.getAsDouble());
            String verdict = Nodes.text(decision, "decision", "");
            svg.group(title(index, decision, field), "point " + field + " "
                    + Verdicts.tone(verdict).cssClass());
            if ("canary".equals(field)) {
                svg.circle(x, y, 4.5, "canary-point");
                svg.text(x, y - 9, Verdicts.symbol(verdict), "middle", "verdict");
            }
            else {
                svg.square(x, y, 4, "stable-point");
            }
            svg.end();
        }
    }

    private static String title(final int index, final JsonNode decision, final String field) {
        return String.format(Locale.ROOT, "#%d at %s, weight %s%%: %s %s (canary %s, stable %s, threshold %s, "
                        + "%s samples) -> %s: %s", index + 1, Format.time(Nodes.text(decision, "time")),
                Format.number(decision, "weight"), field, Format.number(decision, field),
                Format.number(decision, "canary"), Format.number(decision, "stable"),
                Nodes.text(decision, "threshold", Format.NONE), Format.number(decision, "samples"),
                Nodes.text(decision, "decision", "?"), Nodes.text(decision, "reason", ""));
    }

    /** The mark of an analysis on the timeline: ● pass, ✕ fail, ○ no data, ▲ error. */
    static void marker(final Svg svg, final double x, final double y, final String verdict) {
        switch (verdict) {
            case "FAIL" -> svg.cross(x, y, 5.5, "marker");
            case "ERROR" -> svg.triangle(x, y, 6, "marker");
            case "NO_DATA" -> svg.circle(x, y, 5, "marker open");
            default -> svg.circle(x, y, 4.5, "marker");
        }
    }
}
