/**
 * Global configuration: <em>Manage Jenkins › System › ML GitOps</em> with the MLflow tracking servers steps refer to
 * by name. Its rules (names, URLs, resolving a step's server) live in {@code config.settings}, free of Jenkins types.
 */
package io.jenkins.plugins.mlgitops.config;
