package io.mlgitops.canary.analysis;

import io.mlgitops.canary.Verdict;

/**
 * What one judge concluded about one check.
 *
 * @param verdict the conclusion
 * @param rule    the bound or test applied, with its result, in words ({@code >= 99}, {@code Mann-Whitney p=0.003 <
 *                0.05, +34% > +10%})
 * @param reason  why, as a clause of the decision's sentence
 */
record Judgement(Verdict verdict, String rule, String reason) {
    /** How much a verdict weighs when judges disagree: a failure decides, then an error, then missing data. */
    int severity() {
        return switch (verdict) {
            case FAIL -> 3;
            case ERROR -> 2;
            case NO_DATA -> 1;
            default -> 0;
        };
    }
}
