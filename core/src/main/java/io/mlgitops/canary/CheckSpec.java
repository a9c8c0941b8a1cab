package io.mlgitops.canary;

import java.util.Objects;

/**
 * One check of the canary analysis: what to measure and how to judge it.
 *
 * @param name       the check name, as in decision lines ({@code request-success-rate}, {@code model-accuracy}, ...)
 * @param query      how the metric is measured
 * @param threshold  an absolute bound on the canary's value, or {@code null}
 * @param comparison a comparison with the stable version, or {@code null}; at least one of the two is set
 * @param critical   a failed critical check rolls back at once, whatever the failure limit
 * @param minSamples the fewest samples a version needs in the window to be judged, or {@code null} for the
 *                   analysis' default
 */
public record CheckSpec(String name, MetricQuery query, Threshold threshold, Comparison comparison, boolean critical,
        Integer minSamples) {
    public CheckSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A check needs a name");
        }
        if (threshold == null && comparison == null) {
            throw new IllegalArgumentException("Check " + name + " needs a threshold (min/max), a comparison with "
                    + "the stable version, or both");
        }
        if (minSamples != null && minSamples < 0) {
            throw new IllegalArgumentException("Check " + name + ": minSamples must not be negative, got "
                    + minSamples);
        }
    }

    /**
     * This check joined with another one of the same name, as when {@code --check NAME:..} and {@code --compare
     * NAME:..} are both given: the threshold of one and the comparison of the other, critical when either is.
     *
     * @throws IllegalArgumentException when both set the same part, or they disagree on the query or minSamples
     */
    public CheckSpec merge(final CheckSpec other) {
        if (!name.equals(other.name)) {
            throw new IllegalArgumentException("Cannot merge check " + name + " with check " + other.name);
        }
        if (threshold != null && other.threshold != null) {
            throw new IllegalArgumentException("Check " + name + " has two thresholds; give min and max in one");
        }
        if (comparison != null && other.comparison != null) {
            throw new IllegalArgumentException("Check " + name + " is compared with the stable version twice");
        }
        if (!query.equals(other.query)) {
            throw new IllegalArgumentException("Check " + name + " is given two different queries");
        }
        if (minSamples != null && other.minSamples != null && !minSamples.equals(other.minSamples)) {
            throw new IllegalArgumentException("Check " + name + " is given two values of minSamples: " + minSamples
                    + " and " + other.minSamples);
        }
        return new CheckSpec(name, query, threshold != null ? threshold : other.threshold,
                comparison != null ? comparison : other.comparison, critical || other.critical,
                minSamples != null ? minSamples : other.minSamples);
    }
}
