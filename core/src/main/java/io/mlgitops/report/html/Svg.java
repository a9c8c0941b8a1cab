package io.mlgitops.report.html;

import java.util.Locale;

/**
 * An inline SVG chart under construction: coordinates in a fixed view box that the style sheet scales to the width
 * of the page. Every text (labels, tooltips) is escaped like any other report value.
 */
final class Svg {
    private final Markup out = new Markup();

    /**
     * Opens the chart.
     *
     * @param width    view box width
     * @param height   view box height
     * @param label    what the chart shows, for screen readers and as its tooltip
     * @param cssClass the chart's style class
     */
    Svg(final double width, final double height, final String label, final String cssClass) {
        out.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart " + cssClass,
                "viewBox", "0 0 " + number(width) + " " + number(height), "width", number(width),
                "height", number(height), "role", "img", "aria-label", label);
        out.element("title", label);
    }

    static String number(final double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    Svg line(final double x1, final double y1, final double x2, final double y2, final String cssClass) {
        out.empty("line", "x1", number(x1), "y1", number(y1), "x2", number(x2), "y2", number(y2), "class", cssClass);
        return this;
    }

    Svg circle(final double cx, final double cy, final double radius, final String cssClass) {
        out.empty("circle", "cx", number(cx), "cy", number(cy), "r", number(radius), "class", cssClass);
        return this;
    }

    Svg square(final double cx, final double cy, final double half, final String cssClass) {
        out.empty("rect", "x", number(cx - half), "y", number(cy - half), "width", number(2 * half),
                "height", number(2 * half), "class", cssClass);
        return this;
    }

    Svg path(final String data, final String cssClass) {
        out.empty("path", "d", data, "class", cssClass);
        return this;
    }

    /** A cross of two lines centred on the point. */
    Svg cross(final double cx, final double cy, final double half, final String cssClass) {
        return path("M" + number(cx - half) + " " + number(cy - half) + "L" + number(cx + half) + " "
                + number(cy + half) + "M" + number(cx - half) + " " + number(cy + half) + "L" + number(cx + half)
                + " " + number(cy - half), cssClass);
    }

    /** A triangle pointing up, centred on the point. */
    Svg triangle(final double cx, final double cy, final double half, final String cssClass) {
        return path("M" + number(cx) + " " + number(cy - half) + "L" + number(cx + half) + " " + number(cy + half)
                + "L" + number(cx - half) + " " + number(cy + half) + "Z", cssClass);
    }

    /**
     * A label.
     *
     * @param anchor {@code start}, {@code middle} or {@code end}
     */
    Svg text(final double x, final double y, final String text, final String anchor, final String cssClass) {
        out.element("text", text, "x", number(x), "y", number(y), "text-anchor", anchor, "class", cssClass);
        return this;
    }

    /** Opens a group whose tooltip is {@code title}; close it with {@link #end()}. */
    Svg group(final String title, final String cssClass) {
        out.open("g", "class", cssClass);
        if (title != null) {
            out.element("title", title);
        }
        return this;
    }

    Svg end() {
        out.close("g");
        return this;
    }

    Markup finish() {
        return out.close("svg");
    }
}
