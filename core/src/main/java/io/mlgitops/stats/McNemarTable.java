package io.mlgitops.stats;

import io.mlgitops.metrics.EvaluationData;

import java.util.Arrays;

/**
 * The paired correctness table of two classifiers on the same rows, statsmodels' {@code [[a, b], [c, d]]}.
 *
 * @param bothCorrect   a: champion and candidate right
 * @param championOnly  b: champion right, candidate wrong
 * @param candidateOnly c: champion wrong, candidate right
 * @param bothWrong     d: both wrong
 */
public record McNemarTable(long bothCorrect, long championOnly, long candidateOnly, long bothWrong) {
    public McNemarTable {
        if (bothCorrect < 0 || championOnly < 0 || candidateOnly < 0 || bothWrong < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** Counts the table from per-row correctness. */
    public static McNemarTable of(final boolean[] championCorrect, final boolean[] candidateCorrect) {
        if (championCorrect.length != candidateCorrect.length) {
            throw new IllegalArgumentException("champion has " + championCorrect.length + " rows, candidate "
                    + candidateCorrect.length);
        }
        long[] cells = new long[4];
        for (int row = 0; row < championCorrect.length; row++) {
            cells[(championCorrect[row] ? 0 : 2) + (candidateCorrect[row] ? 0 : 1)]++;
        }
        return new McNemarTable(cells[0], cells[1], cells[2], cells[3]);
    }

    /** Counts the table from two models' predictions of the same classification rows. */
    public static McNemarTable of(final EvaluationData champion, final EvaluationData candidate) {
        if (!champion.task().isClassification() || !candidate.task().isClassification()) {
            throw new IllegalArgumentException("McNemar's test compares classifiers");
        }
        if (!Arrays.equals(champion.yTrue(), candidate.yTrue())) {
            throw new IllegalArgumentException("champion and candidate were evaluated on different rows");
        }
        return of(correctness(champion), correctness(candidate));
    }

    private static boolean[] correctness(final EvaluationData data) {
        boolean[] correct = new boolean[data.size()];
        for (int row = 0; row < correct.length; row++) {
            correct[row] = data.yTrue()[row] == data.yPred()[row];
        }
        return correct;
    }

    /** b + c, the rows on which the models disagree about correctness. */
    public long discordant() {
        return championOnly + candidateOnly;
    }
}
