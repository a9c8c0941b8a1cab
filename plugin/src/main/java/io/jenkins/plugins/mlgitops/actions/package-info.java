/**
 * Build and job actions that show the reports of the steps on the build and trend pages. Empty in this increment:
 * the steps write their JSON reports into the build's folder ({@code mlgitops/*.json}) and return their paths.
 */
package io.jenkins.plugins.mlgitops.actions;
