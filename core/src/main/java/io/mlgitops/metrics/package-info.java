/**
 * Evaluation metrics that equal scikit-learn's to 1e-9 relative, named like MLflow's default evaluator.
 *
 * <p>{@link io.mlgitops.metrics.MetricCatalog} lists and resolves them. Sums run in numpy's pairwise order, so most
 * values are bit-identical to scikit-learn 1.9.1's; ROC AUC is the exact Mann-Whitney ratio (within an ulp of
 * scikit-learn's trapezoid). Integer weights ({@link io.mlgitops.metrics.PreparedMetric#value(int[])}) mean
 * replication: a weighted value equals the metric on the rows repeated as often as their weight.</p>
 */
package io.mlgitops.metrics;
