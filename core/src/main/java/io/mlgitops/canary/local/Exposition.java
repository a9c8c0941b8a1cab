package io.mlgitops.canary.local;

import io.mlgitops.canary.MetricNames;

/**
 * Writes a server's counters in the Prometheus text exposition format (version 0.0.4), with the labels of
 * docs/metrics.md. The drift gauge is left out while it is undefined, so that a query sees no data rather than a
 * made-up value.
 */
final class Exposition {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder(8192);
    private final String common;
    private final String mesh;

    private Exposition(final ServerLabels labels) {
        this.common = label(MetricNames.NAMESPACE, labels.namespace()) + "," + label(MetricNames.WORKLOAD,
                labels.workload()) + "," + label(MetricNames.VARIANT, labels.variant().label()) + ","
                + label(MetricNames.MODEL, labels.model()) + "," + label(MetricNames.VERSION, labels.version());
        this.mesh = label(MetricNames.REPORTER, "destination") + "," + common;
    }

    static String write(final ServerLabels labels, final MetricsSnapshot snapshot) {
        return new Exposition(labels).append(snapshot).text.toString();
    }

    private Exposition append(final MetricsSnapshot snapshot) {
        header(MetricNames.REQUESTS, "counter", "Requests answered, by response code.");
        snapshot.requests().forEach((code, count) ->
                sample(MetricNames.REQUESTS, mesh + "," + code(code), Long.toString(count)));
        header(MetricNames.REQUEST_DURATION, "histogram", "Request durations in milliseconds, by response code.");
        snapshot.durations().forEach((code, counts) ->
                histogram(MetricNames.REQUEST_DURATION, mesh + "," + code(code), counts));
        counter(MetricNames.PREDICTIONS, "Rows predicted.", snapshot.predictions());
        counter(MetricNames.LABELLED, "Predicted rows that came with their true label.", snapshot.labelled());
        counter(MetricNames.CORRECT, "Labelled rows predicted right.", snapshot.correct());
        header(MetricNames.CONFIDENCE, "histogram", "Top class probability of each predicted row.");
        histogram(MetricNames.CONFIDENCE, common, snapshot.confidence());
        if (!Double.isNaN(snapshot.drift())) {
            header(MetricNames.DRIFT, "gauge", "Population stability index of the recent predictions against the "
                    + "reference distribution.");
            sample(MetricNames.DRIFT, common, number(snapshot.drift()));
        }
        return this;
    }

    private void counter(final String name, final String help, final long value) {
        header(name, "counter", help);
        sample(name, common, Long.toString(value));
    }

    private void histogram(final String name, final String labels, final HistogramCounts counts) {
        double[] bounds = counts.bounds();
        for (int bucket = 0; bucket <= bounds.length; bucket++) {
            String le = bucket == bounds.length ? "+Inf" : number(bounds[bucket]);
            sample(name + "_bucket", labels + "," + label("le", le), Long.toString(counts.cumulative(bucket)));
        }
        sample(name + "_sum", labels, number(counts.sum()));
        sample(name + "_count", labels, Long.toString(counts.count()));
    }

    private void header(final String name, final String type, final String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(final String name, final String labels, final String value) {
        text.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    private static String code(final int code) {
        return label(MetricNames.RESPONSE_CODE, Integer.toString(code));
    }

    private static String label(final String name, final String value) {
        return name + "=\"" + escape(value) + "\"";
    }

    /** Label values escape backslash, double quote and line feed. */
    static String escape(final String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Whole numbers without a fraction ({@code 5}, not {@code 5.0}), as Prometheus' own clients write bounds. */
    static String number(final double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
