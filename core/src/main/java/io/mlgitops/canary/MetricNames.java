package io.mlgitops.canary;

/**
 * The metric and label names a model server exports for the built-in checks (docs/metrics.md). Request metrics use
 * Istio's standard names, which a sidecar exports in a mesh; the model metrics are ML GitOps' own.
 */
public final class MetricNames {
    /** Counter of answered requests, labelled with {@link #RESPONSE_CODE}. */
    public static final String REQUESTS = "istio_requests_total";
    /** Histogram (milliseconds) of request durations, labelled with {@link #RESPONSE_CODE}. */
    public static final String REQUEST_DURATION = "istio_request_duration_milliseconds";
    /** Counter of rows predicted. */
    public static final String PREDICTIONS = "mlgitops_model_predictions_total";
    /** Counter of predicted rows whose true label came with the request. */
    public static final String LABELLED = "mlgitops_model_predictions_labelled_total";
    /** Counter of labelled rows predicted right. */
    public static final String CORRECT = "mlgitops_model_predictions_correct_total";
    /** Histogram of the top class probability of each predicted row. */
    public static final String CONFIDENCE = "mlgitops_model_prediction_confidence";
    /** Gauge: population stability index of the recent predictions against the reference distribution. */
    public static final String DRIFT = "mlgitops_model_drift_score";

    /** Istio's reporter label; the built-in queries count what the server side reports. */
    public static final String REPORTER = "reporter";
    public static final String WORKLOAD = "destination_workload";
    public static final String NAMESPACE = "destination_workload_namespace";
    public static final String RESPONSE_CODE = "response_code";
    public static final String VARIANT = "variant";
    public static final String MODEL = "model";
    public static final String VERSION = "version";

    private MetricNames() {
    }
}
