package io.jenkins.plugins.mlgitops.actions.trend;

/** A rendered chart for a page: its title and its SVG, whose every text is escaped already. */
public final class Chart {
    private final String title;
    private final String svg;

    public Chart(final String title, final String svg) {
        this.title = title;
        this.svg = svg;
    }

    public String getTitle() {
        return title;
    }

    public String getSvg() {
        return svg;
    }
}
