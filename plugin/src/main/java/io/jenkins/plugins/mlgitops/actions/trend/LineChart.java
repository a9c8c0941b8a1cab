package io.jenkins.plugins.mlgitops.actions.trend;

import io.mlgitops.report.html.Format;
import io.mlgitops.report.html.Html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Draws series of values by build number as an inline SVG line chart: no script, no style sheet, every text escaped.
 * Each series has its own marker shape and a legend entry, each point a tooltip with its value, so that the chart
 * does not rest on colour alone.
 */
public final class LineChart {
    private static final int WIDTH = 520;
    private static final int HEIGHT = 220;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final int MAX_X_LABELS = 10;
    private static final double PAD = 0.08;

    private final String title;
    private final List<Series> series = new ArrayList<>();
    private double low = Double.NaN;
    private double high = Double.NaN;

    public LineChart(final String title) {
        this.title = title;
    }

    /** A marker shape. */
    public enum Marker {
        CIRCLE, SQUARE
    }

    /**
     * A series.
     *
     * @param name   the legend's text
     * @param marker the shape of its points
     * @param colour an SVG colour
     * @param values value by build number
     * @param labels text written above a point, by build number (may be empty)
     */
    public record Series(String name, Marker marker, String colour, Map<Integer, Double> values,
            Map<Integer, String> labels) {
    }

    /** Adds a series. */
    public LineChart with(final Series added) {
        series.add(added);
        return this;
    }

    /** Fixes the value axis instead of fitting it to the values. */
    public LineChart range(final double from, final double to) {
        low = from;
        high = to;
        return this;
    }

    /** The chart of these builds, oldest first. */
    public String render(final List<Integer> builds) {
        double[] axis = axis();
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"mlgitops-trend\" role=\"img\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" aria-label=\"").append(Html.escape(title)).append("\">")
                .append("<title>").append(Html.escape(title)).append("</title>");
        text(svg, LEFT, TOP - 14, "start", title);
        valueAxis(svg, axis);
        buildAxis(svg, builds);
        for (int index = 0; index < series.size(); index++) {
            draw(svg, series.get(index), builds, axis);
            legend(svg, series.get(index), index);
        }
        return svg.append("</svg>").toString();
    }

    private double[] axis() {
        if (!Double.isNaN(low)) {
            return new double[] {low, high};
        }
        double min = series.stream().flatMap(line -> line.values().values().stream()).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).min().orElse(0);
        double max = series.stream().flatMap(line -> line.values().values().stream()).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(1);
        double pad = max > min ? (max - min) * PAD : Math.max(Math.abs(max) * PAD, 1e-9);
        return new double[] {min - pad, max + pad};
    }

    private static double x(final int index, final int count) {
        double plot = WIDTH - LEFT - RIGHT;
        return count <= 1 ? LEFT + plot / 2 : LEFT + plot * index / (count - 1);
    }

    private static double y(final double value, final double[] axis) {
        double plot = HEIGHT - TOP - BOTTOM;
        return TOP + plot * (axis[1] - value) / (axis[1] - axis[0]);
    }

    private static void valueAxis(final StringBuilder svg, final double[] axis) {
        line(svg, LEFT, TOP, LEFT, HEIGHT - BOTTOM);
        for (double value : new double[] {axis[0], (axis[0] + axis[1]) / 2, axis[1]}) {
            text(svg, LEFT - 4, y(value, axis) + 4, "end", Format.number(value));
        }
    }

    private static void buildAxis(final StringBuilder svg, final List<Integer> builds) {
        line(svg, LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
        int every = Math.max(1, (builds.size() + MAX_X_LABELS - 1) / MAX_X_LABELS);
        for (int index = 0; index < builds.size(); index += every) {
            text(svg, x(index, builds.size()), HEIGHT - BOTTOM + 14, "middle", "#" + builds.get(index));
        }
        text(svg, (LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 6, "middle", "build");
    }

    private static void draw(final StringBuilder svg, final Series line, final List<Integer> builds,
            final double[] axis) {
        StringBuilder points = new StringBuilder();
        StringBuilder markers = new StringBuilder();
        for (int index = 0; index < builds.size(); index++) {
            Double value = line.values().get(builds.get(index));
            if (value == null) {
                continue;
            }
            double px = x(index, builds.size());
            double py = y(value, axis);
            points.append(number(px)).append(',').append(number(py)).append(' ');
            marker(markers, line, px, py, "#" + builds.get(index) + " " + line.name() + ": " + Format.number(value));
            String label = line.labels().get(builds.get(index));
            if (label != null) {
                text(markers, px, py - 8, "middle", label);
            }
        }
        svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(Html.escape(line.colour()))
                .append("\" points=\"").append(points.toString().trim()).append("\"/>").append(markers);
    }

    private static void marker(final StringBuilder svg, final Series line, final double px, final double py,
            final String tooltip) {
        String colour = Html.escape(line.colour());
        if (line.marker() == Marker.SQUARE) {
            svg.append("<rect x=\"").append(number(px - 4)).append("\" y=\"").append(number(py - 4))
                    .append("\" width=\"8\" height=\"8\" fill=\"").append(colour).append("\">");
            svg.append("<title>").append(Html.escape(tooltip)).append("</title></rect>");
        }
        else {
            svg.append("<circle cx=\"").append(number(px)).append("\" cy=\"").append(number(py))
                    .append("\" r=\"4\" fill=\"").append(colour).append("\">");
            svg.append("<title>").append(Html.escape(tooltip)).append("</title></circle>");
        }
    }

    private void legend(final StringBuilder svg, final Series line, final int index) {
        double left = WIDTH - RIGHT - 150;
        double top = TOP - 22 + index * 14;
        marker(svg, line, left, top, line.name());
        text(svg, left + 8, top + 4, "start", line.name());
    }

    private static void line(final StringBuilder svg, final double x1, final double y1, final double x2,
            final double y2) {
        svg.append("<line stroke=\"#888\" x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1))
                .append("\" x2=\"").append(number(x2)).append("\" y2=\"").append(number(y2)).append("\"/>");
    }

    private static void text(final StringBuilder svg, final double px, final double py, final String anchor,
            final String content) {
        svg.append("<text font-size=\"11\" font-family=\"sans-serif\" text-anchor=\"").append(anchor)
                .append("\" x=\"").append(number(px)).append("\" y=\"").append(number(py)).append("\">")
                .append(Html.escape(content)).append("</text>");
    }

    private static String number(final double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
