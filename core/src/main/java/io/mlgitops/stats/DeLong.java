package io.mlgitops.stats;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.metrics.EvaluationData;
import io.mlgitops.metrics.ScoreGroups;
import io.mlgitops.metrics.Task;
import org.apache.commons.math3.special.Erf;

/**
 * DeLong, DeLong and Clarke-Pearson (1988) test for two correlated AUCs, with the O(n log n) algorithm of Sun and Xu
 * (2014): each row's placement value (the share of the other class it outranks, ties counting one half) comes from
 * the tie groups of its model's scores, which is the mid-rank formula without materialising ranks.
 *
 * <p>With m positives and n negatives, S10 and S01 are the 2x2 sample covariance matrices (divisors m - 1 and
 * n - 1) of the positives' and the negatives' placements, {@code S = S10 / m + S01 / n},
 * {@code Var(diff) = S11 + S22 - 2 S12}, {@code z = diff / sqrt(Var)}, {@code p = 2 (1 - Phi(|z|))}, interval
 * {@code diff +- z_{(1+level)/2} sqrt(Var)}. A zero variance with a zero difference gives z = 0 (as pROC does).</p>
 */
public final class DeLong {
    private DeLong() {
    }

    /**
     * Compares two binary classifiers' positive-class probabilities on the same rows.
     *
     * @throws InputException when the data is not binary, has no probabilities, or has fewer than two rows of a class
     */
    public static DeLongResult compare(final EvaluationData candidate, final EvaluationData champion,
            final double level) throws InputException {
        for (EvaluationData data : new EvaluationData[] {candidate, champion}) {
            if (data.task() != Task.BINARY || !data.hasProbabilities()) {
                throw new InputException("DeLong's test compares the AUC of binary classifiers with predicted "
                        + "probabilities; use a binary target and models that output probabilities, or another test.");
            }
        }
        int positiveClass = candidate.positiveClass();
        boolean[] positive = new boolean[candidate.size()];
        for (int row = 0; row < positive.length; row++) {
            positive[row] = candidate.yTrue()[row] == positiveClass;
        }
        return compare(positive, candidate.probabilities()[positiveClass],
                champion.probabilities()[champion.positiveClass()], level);
    }

    /**
     * @param positive         whether each row belongs to the positive class
     * @param candidateScores  the candidate's score per row (finite)
     * @param championScores   the champion's score per row (finite)
     * @param level            confidence level of the interval, e.g. 0.95
     * @throws InputException when there are fewer than two positive or two negative rows
     */
    public static DeLongResult compare(final boolean[] positive, final double[] candidateScores,
            final double[] championScores, final double level) throws InputException {
        if (candidateScores.length != positive.length || championScores.length != positive.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie between 0 and 1: " + level);
        }
        requireFinite(candidateScores, "candidate");
        requireFinite(championScores, "champion");
        Placements candidate = Placements.of(positive, candidateScores);
        Placements champion = Placements.of(positive, championScores);
        int positives = candidate.positives();
        int negatives = positive.length - positives;
        if (positives < 2 || negatives < 2) {
            throw new InputException("DeLong's test needs at least two positive and two negative rows, but the target "
                    + "has " + positives + " positive and " + negatives + " negative rows; evaluate on more data.");
        }
        double varianceCandidate = covariance(positive, candidate, candidate);
        double varianceChampion = covariance(positive, champion, champion);
        double covariance = covariance(positive, candidate, champion);
        double variance = varianceCandidate + varianceChampion - 2 * covariance;
        double difference = candidate.auc() - champion.auc();
        double z = difference == 0 && variance <= 0 ? 0 : difference / Math.sqrt(variance);
        double pValue = Erf.erfc(Math.abs(z) / Math.sqrt(2));
        double halfWidth = Math.sqrt(2) * Erf.erfInv(level) * Math.sqrt(Math.max(variance, 0));
        return new DeLongResult(candidate.auc(), champion.auc(), varianceCandidate, varianceChampion, covariance,
                variance, z, pValue, difference - halfWidth, difference + halfWidth, level);
    }

    private static void requireFinite(final double[] scores, final String model) throws InputException {
        for (int row = 0; row < scores.length; row++) {
            if (!Double.isFinite(scores[row])) {
                throw new InputException("DeLong's test: the " + model + "'s score in data row " + (row + 1) + " is "
                        + scores[row] + "; scores must be finite numbers.");
            }
        }
    }

    /** S[r][s] = S10[r][s] / m + S01[r][s] / n. */
    private static double covariance(final boolean[] positive, final Placements first, final Placements second) {
        CompensatedSum positiveSum = new CompensatedSum();
        CompensatedSum negativeSum = new CompensatedSum();
        for (int row = 0; row < positive.length; row++) {
            double product = (first.at(row) - first.auc()) * (second.at(row) - second.auc());
            if (positive[row]) {
                positiveSum.add(product);
            }
            else {
                negativeSum.add(product);
            }
        }
        int positives = first.positives();
        int negatives = positive.length - positives;
        return positiveSum.sum() / (positives - 1) / positives + negativeSum.sum() / (negatives - 1) / negatives;
    }

    /**
     * Per-row placement values of one model: for a positive row the share of negatives it outranks, for a negative
     * row the share of positives that outrank it (ties one half each). Their mean over either class is the AUC.
     */
    private static final class Placements {
        private final double[] placement;
        private final int positives;
        private final double auc;

        private Placements(final double[] placement, final int positives, final double auc) {
            this.placement = placement;
            this.positives = positives;
            this.auc = auc;
        }

        static Placements of(final boolean[] positive, final double[] scores) {
            ScoreGroups groups = ScoreGroups.of(scores);
            long positives = 0;
            for (boolean isPositive : positive) {
                positives += isPositive ? 1 : 0;
            }
            long negatives = positive.length - positives;
            double[] placement = new double[positive.length];
            long positivesBelow = 0;
            long negativesBelow = 0;
            long twiceConcordant = 0;
            for (int group = 0; group < groups.groups(); group++) {
                long groupPositives = 0;
                for (int position = groups.start(group); position < groups.end(group); position++) {
                    groupPositives += positive[groups.rowAt(position)] ? 1 : 0;
                }
                long groupNegatives = groups.end(group) - groups.start(group) - groupPositives;
                double positivePlacement = (negativesBelow + groupNegatives / 2.0) / negatives;
                double negativePlacement = (positives - positivesBelow - groupPositives / 2.0) / positives;
                for (int position = groups.start(group); position < groups.end(group); position++) {
                    int row = groups.rowAt(position);
                    placement[row] = positive[row] ? positivePlacement : negativePlacement;
                }
                twiceConcordant += groupPositives * (2 * negativesBelow + groupNegatives);
                positivesBelow += groupPositives;
                negativesBelow += groupNegatives;
            }
            return new Placements(placement, (int) positives, twiceConcordant / (2.0 * positives * negatives));
        }

        double at(final int row) {
            return placement[row];
        }

        int positives() {
            return positives;
        }

        double auc() {
            return auc;
        }
    }
}
