package io.mlgitops.metrics;

/**
 * One positive class against the rest, ranked by score: the prepared form of ROC AUC and average precision. Each
 * evaluation walks the tie groups once (O(n), branch-free inner loop) with integer weights, so weighted and
 * unweighted results agree exactly.
 */
final class BinaryRanking {
    private final int[] rowsInOrder;
    private final int[] groupStart;
    /** 1 where the row at that position of the score order is positive, else 0. */
    private final byte[] positiveAt;

    private BinaryRanking(final ScoreGroups groups, final byte[] positiveAt) {
        this.rowsInOrder = groups.rowsInOrder();
        this.groupStart = groups.groupStarts();
        this.positiveAt = positiveAt;
    }

    static BinaryRanking of(final double[] scores, final int[] yTrue, final int positiveClass) {
        ScoreGroups groups = ScoreGroups.of(scores);
        byte[] positiveAt = new byte[scores.length];
        for (int position = 0; position < positiveAt.length; position++) {
            positiveAt[position] = (byte) (yTrue[groups.rowAt(position)] == positiveClass ? 1 : 0);
        }
        return new BinaryRanking(groups, positiveAt);
    }

    int rows() {
        return rowsInOrder.length;
    }

    /**
     * ROC AUC as the Mann-Whitney statistic (a tie counts one half), which is what scikit-learn's trapezoid over the
     * ROC curve computes, in exact integer arithmetic; NaN when one class has no weight.
     *
     * @param weights integer weights per row, or {@code null} for one each
     */
    double rocAuc(final int[] weights) {
        long negativesBelow = 0;
        long positives = 0;
        long twiceConcordant = 0;
        for (int group = 0; group + 1 < groupStart.length; group++) {
            long groupWeight = 0;
            long groupPositives = 0;
            for (int position = groupStart[group]; position < groupStart[group + 1]; position++) {
                int weight = weights == null ? 1 : weights[rowsInOrder[position]];
                groupWeight += weight;
                groupPositives += weight & -positiveAt[position];
            }
            long groupNegatives = groupWeight - groupPositives;
            twiceConcordant += groupPositives * (2 * negativesBelow + groupNegatives);
            negativesBelow += groupNegatives;
            positives += groupPositives;
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
        int groups = groupStart.length - 1;
        long[] groupWeight = new long[groups];
        long[] groupPositives = new long[groups];
        long totalWeight = 0;
        long positives = 0;
        for (int group = 0; group < groups; group++) {
            for (int position = groupStart[group]; position < groupStart[group + 1]; position++) {
                int weight = weights == null ? 1 : weights[rowsInOrder[position]];
                groupWeight[group] += weight;
                groupPositives[group] += weight & -positiveAt[position];
            }
            totalWeight += groupWeight[group];
            positives += groupPositives[group];
        }
        if (positives == 0) {
            return totalWeight == 0 ? Double.NaN : 0.0;
        }
        double[] terms = new double[groups];
        int count = stepTerms(groupWeight, groupPositives, totalWeight, positives, terms);
        return Math.max(0.0, -NumpySum.sum(terms, count));
    }

    private static int stepTerms(final long[] groupWeight, final long[] groupPositives, final long totalWeight,
            final long positives, final double[] terms) {
        long weightBelow = 0;
        long positivesBelow = 0;
        int count = 0;
        boolean first = true;
        double previousRecall = 0.0;
        double previousPrecision = 0.0;
        for (int group = 0; group < groupWeight.length; group++) {
            if (groupWeight[group] == 0) {
                continue;
            }
            double truePositives = positives - positivesBelow;
            double predictedPositives = totalWeight - weightBelow;
            double recall = truePositives / positives;
            double precision = truePositives / predictedPositives;
            if (!first) {
                terms[count++] = (recall - previousRecall) * previousPrecision;
            }
            first = false;
            previousRecall = recall;
            previousPrecision = precision;
            weightBelow += groupWeight[group];
            positivesBelow += groupPositives[group];
        }
        terms[count++] = (0.0 - previousRecall) * previousPrecision;
        return count;
    }
}
