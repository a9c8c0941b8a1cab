package io.mlgitops.canary;

import io.mlgitops.api.errors.InputException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.mlgitops.canary.MetricNames.CONFIDENCE;
import static io.mlgitops.canary.MetricNames.CORRECT;
import static io.mlgitops.canary.MetricNames.DRIFT;
import static io.mlgitops.canary.MetricNames.LABELLED;
import static io.mlgitops.canary.MetricNames.NAMESPACE;
import static io.mlgitops.canary.MetricNames.PREDICTIONS;
import static io.mlgitops.canary.MetricNames.REPORTER;
import static io.mlgitops.canary.MetricNames.REQUESTS;
import static io.mlgitops.canary.MetricNames.REQUEST_DURATION;
import static io.mlgitops.canary.MetricNames.RESPONSE_CODE;
import static io.mlgitops.canary.MetricNames.WORKLOAD;

/**
 * The checks known by name, as PromQL over the metrics of {@link MetricNames} (docs/metrics.md). Each measures one
 * variant ({@code {{target}}}) over the window ({@code {{interval}}}):
 * <ul>
 *     <li>{@code request-success-rate}: percent of requests not answered with a 5xx code; samples are requests</li>
 *     <li>{@code request-duration}: the 99th percentile of request durations in milliseconds, interpolated in the
 *     histogram buckets; samples are requests</li>
 *     <li>{@code model-accuracy}: the share of labelled predictions that were right (0 to 1); samples are labelled
 *     predictions</li>
 *     <li>{@code prediction-confidence}: the mean top class probability (0 to 1); samples are predictions with
 *     probabilities</li>
 *     <li>{@code data-drift-score}: the drift gauge (PSI) averaged over the window, the largest of the variant's
 *     instances; samples are predictions</li>
 * </ul>
 * A window without requests gives no value (no data), never 0 or 100.
 */
public final class BuiltInChecks {
    public static final String REQUEST_SUCCESS_RATE = "request-success-rate";
    public static final String REQUEST_DURATION_P99 = "request-duration";
    public static final String MODEL_ACCURACY = "model-accuracy";
    public static final String DATA_DRIFT_SCORE = "data-drift-score";
    public static final String PREDICTION_CONFIDENCE = "prediction-confidence";

    private static final String MESH = "{" + REPORTER + "=\"destination\"," + NAMESPACE + "=\"{{namespace}}\","
            + WORKLOAD + "=\"{{target}}\"";
    private static final String MODEL = "{" + NAMESPACE + "=\"{{namespace}}\"," + WORKLOAD + "=\"{{target}}\"}";
    private static final String WINDOW = "[{{interval}}]";

    private static final Map<String, MetricQuery> CHECKS = checks();

    private BuiltInChecks() {
    }

    private static Map<String, MetricQuery> checks() {
        String requests = REQUESTS + MESH + "}" + WINDOW;
        String errors = REQUESTS + MESH + "," + RESPONSE_CODE + "=~\"5.*\"}" + WINDOW;
        String requestCount = "sum(increase(" + requests + "))";
        Map<String, MetricQuery> checks = new LinkedHashMap<>();
        add(checks, REQUEST_SUCCESS_RATE,
                "100 * (1 - (sum(rate(" + errors + ")) or vector(0)) / sum(rate(" + requests + ")))",
                requestCount);
        add(checks, REQUEST_DURATION_P99, "histogram_quantile(0.99, sum by (le) (rate(" + REQUEST_DURATION
                + "_bucket" + MESH + "}" + WINDOW + ")))", requestCount);
        add(checks, MODEL_ACCURACY, ratio(CORRECT + MODEL + WINDOW, LABELLED + MODEL + WINDOW),
                "sum(increase(" + LABELLED + MODEL + WINDOW + "))");
        add(checks, PREDICTION_CONFIDENCE,
                ratio(CONFIDENCE + "_sum" + MODEL + WINDOW, CONFIDENCE + "_count" + MODEL + WINDOW),
                "sum(increase(" + CONFIDENCE + "_count" + MODEL + WINDOW + "))");
        add(checks, DATA_DRIFT_SCORE, "max(avg_over_time(" + DRIFT + MODEL + WINDOW + "))",
                "sum(increase(" + PREDICTIONS + MODEL + WINDOW + "))");
        return Map.copyOf(checks);
    }

    private static String ratio(final String numerator, final String denominator) {
        return "sum(rate(" + numerator + ")) / sum(rate(" + denominator + "))";
    }

    private static void add(final Map<String, MetricQuery> checks, final String name, final String value,
            final String samples) {
        checks.put(name, new MetricQuery(name, value, samples));
    }

    /** The names of the built-in checks. */
    public static List<String> names() {
        return List.of(REQUEST_SUCCESS_RATE, REQUEST_DURATION_P99, MODEL_ACCURACY, DATA_DRIFT_SCORE,
                PREDICTION_CONFIDENCE);
    }

    /** The built-in check of this name, if there is one. */
    public static Optional<MetricQuery> find(final String name) {
        return Optional.ofNullable(CHECKS.get(name));
    }

    /**
     * The built-in check of this name.
     *
     * @throws InputException naming the known checks when there is none of this name
     */
    public static MetricQuery byName(final String name) throws InputException {
        return find(name).orElseThrow(() -> new InputException(String.format("Unknown check '%s'. Built-in checks: "
                + "%s. Name one of them, or define the check with its own PromQL (a value and a samples query).",
                name, String.join(", ", names()))));
    }

    /** Whether the query is a built-in check, unchanged. */
    public static boolean isBuiltIn(final MetricQuery query) {
        return query.equals(CHECKS.get(query.name()));
    }
}
