package io.mlgitops.compliance.fairness;

/**
 * A per-group rate of the model's positive predictions. As in fairlearn (which normalises scikit-learn's confusion
 * matrix and replaces NaN by 0), a rate over no rows is 0.
 */
enum Rate {
    /** Share of rows predicted positive. */
    SELECTION("selectionRate"),
    /** Share of the actual positives predicted positive. */
    TRUE_POSITIVE("truePositiveRate"),
    /** Share of the actual negatives predicted positive. */
    FALSE_POSITIVE("falsePositiveRate");

    private final String evidenceKey;

    Rate(final String evidenceKey) {
        this.evidenceKey = evidenceKey;
    }

    /** The key of this rate in a rule's evidence. */
    String evidenceKey() {
        return evidenceKey;
    }

    /** The rate of one group. */
    double of(final GroupTally tally, final int group) {
        return rate(numerator(tally, group), denominator(tally, group));
    }

    /** The rate over the rows of the given groups together. */
    double overall(final GroupTally tally, final int[] groups) {
        long numerator = 0;
        long denominator = 0;
        for (int group : groups) {
            numerator += numerator(tally, group);
            denominator += denominator(tally, group);
        }
        return rate(numerator, denominator);
    }

    private static double rate(final long numerator, final long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private long numerator(final GroupTally tally, final int group) {
        return switch (this) {
            case SELECTION -> tally.selected(group);
            case TRUE_POSITIVE -> tally.truePositives(group);
            case FALSE_POSITIVE -> tally.falsePositives(group);
        };
    }

    private long denominator(final GroupTally tally, final int group) {
        return switch (this) {
            case SELECTION -> tally.rows(group);
            case TRUE_POSITIVE -> tally.positives(group);
            case FALSE_POSITIVE -> tally.negatives(group);
        };
    }
}
