package io.mlgitops.benchmark;

import io.mlgitops.metrics.EvaluationData;
import io.mlgitops.metrics.PreparedMetric;

import java.util.Map;

/**
 * One model's predictions encoded for the metric kernels, with every planned metric prepared on them.
 *
 * @param data    the encoded truth and predictions
 * @param metrics the prepared metrics by canonical name, in report order
 */
record PreparedModel(EvaluationData data, Map<String, PreparedMetric> metrics) {
}
