package io.jenkins.plugins.mlgitops.actions.trend;

/**
 * A gated metric in one build.
 *
 * @param build     the build number
 * @param champion  the champion's value, or {@code null}
 * @param candidate the candidate's value, or {@code null}
 */
public record MetricPoint(int build, Double champion, Double candidate) {
}
