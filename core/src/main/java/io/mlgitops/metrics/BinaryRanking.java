package io.mlgitops.metrics;

/**
 * One positive class against the rest, ranked by score: the prepared form of ROC AUC and average precision. Each
 * evaluation walks the tie groups once (O(n)) with integer weights, so weighted and unweighted results agree exactly.
 */
final class BinaryRanking {
    private static final int POSITIVE = 0;
    private static final int NEGATIVE = 1;

    private final ScoreGroups groups;
    private final boolean[] positiveAt;

    private BinaryRanking(final ScoreGroups groups, final boolean[] positiveAt) {
        this.groups = groups;
        this.positiveAt = positiveAt;
    }

    static BinaryRanking of(final double[] scores, final int[] yTrue, final int positiveClass) {
        ScoreGroups groups = ScoreGroups.of(scores);
        boolean[] positiveAt = new boolean[scores.length];
        for (int position = 0; position < positiveAt.length; position++) {
            positiveAt[position] = yTrue[groups.rowAt(position)] == positiveClass;
        }
        return new BinaryRanking(groups, positiveAt);
    }

    int rows() {
        return positiveAt.length;
    }

    /**
     * ROC AUC as the Mann-Whitney statistic (a tie counts one half), which is what scikit-learn's trapezoid over the
     * ROC curve computes, in exact integer arithmetic; NaN when one class has no weight.
     *
     * @param weights integer weights per row, or {@code null} for one each
     */
    double rocAuc(final int[] weights) {
        long[] tally = new long[2];
        long negativesBelow = 0;
        long positives = 0;
        long twiceConcordant = 0;
        for (int group = 0; group < groups.groups(); group++) {
            tally(group, weights, tally);
            twiceConcordant += tally[POSITIVE] * (2 * negativesBelow + tally[NEGATIVE]);
            negativesBelow += tally[NEGATIVE];
            positives += tally[POSITIVE];
        }
        if (positives == 0 || negativesBelow == 0) {
            return Double.NaN;
        }
        return twiceConcordant / (2.0 * positives * negativesBelow);
    }

    /**
     * Average precision with scikit-learn's step formula and float operations: thresholds at the distinct scores
     * that carry weight, {@code -sum(diff(recall) * precision[:-1])} over the curve in ascending-threshold order.
     * No positive row gives 0.0, as scikit-learn does (it sets recall to one).
     */
    double averagePrecision(final int[] weights) {
        long[] total = new long[2];
        long[] tally = new long[2];
        for (int group = 0; group < groups.groups(); group++) {
            tally(group, weights, tally);
            total[POSITIVE] += tally[POSITIVE];
            total[NEGATIVE] += tally[NEGATIVE];
        }
        if (total[POSITIVE] == 0) {
            return total[NEGATIVE] == 0 ? Double.NaN : 0.0;
        }
        double[] terms = new double[groups.groups()];
        int count = stepTerms(weights, total, terms);
        return Math.max(0.0, -NumpySum.sum(terms, count));
    }

    private int stepTerms(final int[] weights, final long[] total, final double[] terms) {
        long[] tally = new long[2];
        long positivesBelow = 0;
        long negativesBelow = 0;
        int count = 0;
        boolean first = true;
        double previousRecall = 0.0;
        double previousPrecision = 0.0;
        for (int group = 0; group < groups.groups(); group++) {
            tally(group, weights, tally);
            if (tally[POSITIVE] + tally[NEGATIVE] == 0) {
                continue;
            }
            double truePositives = total[POSITIVE] - positivesBelow;
            double predictedPositives = truePositives + (total[NEGATIVE] - negativesBelow);
            double recall = truePositives / total[POSITIVE];
            double precision = predictedPositives == 0 ? 0.0 : truePositives / predictedPositives;
            if (!first) {
                terms[count++] = (recall - previousRecall) * previousPrecision;
            }
            first = false;
            previousRecall = recall;
            previousPrecision = precision;
            positivesBelow += tally[POSITIVE];
            negativesBelow += tally[NEGATIVE];
        }
        terms[count++] = (0.0 - previousRecall) * previousPrecision;
        return count;
    }

    private void tally(final int group, final int[] weights, final long[] tally) {
        long positives = 0;
        long negatives = 0;
        for (int position = groups.start(group); position < groups.end(group); position++) {
            long weight = weights == null ? 1 : weights[groups.rowAt(position)];
            if (positiveAt[position]) {
                positives += weight;
            }
            else {
                negatives += weight;
            }
        }
        tally[POSITIVE] = positives;
        tally[NEGATIVE] = negatives;
    }
}
