package io.jenkins.plugins.mlgitops.actions.summary;

import java.io.Serializable;

/** How a canary run ended: its outcome, the canary's final traffic share and how many steps it entered. */
public final class CanaryResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String outcome;
    private final Integer finalWeight;
    private final int stepsReached;

    /**
     * @param outcome      {@code PROMOTED}, {@code ROLLED_BACK} or {@code FROZEN} (as written)
     * @param finalWeight  the canary's share in percent at the end, or {@code null}
     * @param stepsReached the steps the run entered
     */
    public CanaryResult(final String outcome, final Integer finalWeight, final int stepsReached) {
        this.outcome = outcome;
        this.finalWeight = finalWeight;
        this.stepsReached = stepsReached;
    }

    public String getOutcome() {
        return outcome;
    }

    public Integer getFinalWeight() {
        return finalWeight;
    }

    public int getStepsReached() {
        return stepsReached;
    }

    /** The outcome as a symbol and a word, so that it never rests on colour alone. */
    public String getLabel() {
        return switch (String.valueOf(outcome)) {
            case "PROMOTED" -> "✔ promoted";
            case "ROLLED_BACK" -> "✘ rolled back";
            case "FROZEN" -> "❄ frozen";
            default -> "? " + outcome;
        };
    }
}
