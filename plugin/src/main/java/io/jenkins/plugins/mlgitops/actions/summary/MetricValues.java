package io.jenkins.plugins.mlgitops.actions.summary;

import java.io.Serializable;

/**
 * A gated metric of a benchmark: the champion's and the candidate's value, their difference and its confidence
 * interval; {@code null} where the report has no number.
 */
public final class MetricValues implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final Double champion;
    private final Double candidate;
    private final Double delta;
    private final Double ciLow;
    private final Double ciHigh;

    public MetricValues(final String name, final Double champion, final Double candidate, final Double delta,
            final Double ciLow, final Double ciHigh) {
        this.name = name;
        this.champion = champion;
        this.candidate = candidate;
        this.delta = delta;
        this.ciLow = ciLow;
        this.ciHigh = ciHigh;
    }

    public String getName() {
        return name;
    }

    public Double getChampion() {
        return champion;
    }

    public Double getCandidate() {
        return candidate;
    }

    public Double getDelta() {
        return delta;
    }

    public Double getCiLow() {
        return ciLow;
    }

    public Double getCiHigh() {
        return ciHigh;
    }
}
