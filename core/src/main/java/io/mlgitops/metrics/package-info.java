/**
 * Evaluation metrics that equal scikit-learn's to 1e-9 relative, named like MLflow's default evaluator.
 */
package io.mlgitops.metrics;
