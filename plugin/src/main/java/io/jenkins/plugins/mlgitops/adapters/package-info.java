/**
 * Jenkins-side implementations of the engine's ports (console log, later credentials, git-client, agent files). The
 * only package that may reach Jenkins singletons such as {@code Jenkins.get()}.
 */
package io.jenkins.plugins.mlgitops.adapters;
