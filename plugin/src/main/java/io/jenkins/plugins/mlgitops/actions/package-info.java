/**
 * Build and job actions that show the reports of the steps: {@link MlGitOpsBuildAction} on each build (a summary
 * box, the HTML report, the JSON downloads) and {@link MlGitOpsJobAction} on the job (trends). The Jenkins-free
 * parts live in {@code actions.summary} and {@code actions.trend}.
 */
package io.jenkins.plugins.mlgitops.actions;
