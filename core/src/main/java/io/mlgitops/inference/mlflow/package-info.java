/**
 * Runners of MLflow registry model versions.
 */
package io.mlgitops.inference.mlflow;
