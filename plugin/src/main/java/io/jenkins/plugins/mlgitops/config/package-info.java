/**
 * Global configuration (MLflow servers, Prometheus, GitOps repository defaults) and credentials. Empty in this
 * increment: the steps take the MLflow server from their {@code mlflowUrl} parameter or the build's
 * {@code MLFLOW_TRACKING_URI}.
 */
package io.jenkins.plugins.mlgitops.config;
