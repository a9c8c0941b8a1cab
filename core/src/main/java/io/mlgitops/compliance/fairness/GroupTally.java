package io.mlgitops.compliance.fairness;

/**
 * Per group of a {@link Grouping}: rows, rows predicted positive and, when the labels are known, actual positives,
 * true positives and false positives. Counted in one pass over the rows.
 */
final class GroupTally {
    private final long[] rows;
    private final long[] selected;
    private final long[] positives;
    private final long[] truePositives;
    private final long[] falsePositives;
    private final boolean labelled;

    private GroupTally(final int groups, final boolean labelled) {
        this.rows = new long[groups];
        this.selected = new long[groups];
        this.positives = new long[groups];
        this.truePositives = new long[groups];
        this.falsePositives = new long[groups];
        this.labelled = labelled;
    }

    static GroupTally count(final Grouping grouping, final Outcomes outcomes) {
        GroupTally tally = new GroupTally(grouping.groupCount(), outcomes.labelled());
        boolean[] predicted = outcomes.predicted();
        boolean[] actual = outcomes.actual();
        for (int row = 0; row < predicted.length; row++) {
            int group = grouping.groupOf(row);
            if (group < 0) {
                continue;
            }
            tally.rows[group]++;
            if (predicted[row]) {
                tally.selected[group]++;
            }
            if (actual != null && actual[row]) {
                tally.positives[group]++;
                if (predicted[row]) {
                    tally.truePositives[group]++;
                }
            }
            else if (actual != null && predicted[row]) {
                tally.falsePositives[group]++;
            }
        }
        return tally;
    }

    int groupCount() {
        return rows.length;
    }

    /** Whether the actual labels were counted (positives, true and false positives). */
    boolean labelled() {
        return labelled;
    }

    long rows(final int group) {
        return rows[group];
    }

    long selected(final int group) {
        return selected[group];
    }

    long positives(final int group) {
        return positives[group];
    }

    long negatives(final int group) {
        return rows[group] - positives[group];
    }

    long truePositives(final int group) {
        return truePositives[group];
    }

    long falsePositives(final int group) {
        return falsePositives[group];
    }
}
