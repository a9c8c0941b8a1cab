package io.mlgitops.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How a bootstrap resample draws rows: {@link #rows(int) n rows with replacement}, or {@link #stratified(int[])
 * within each class}, keeping every class's count (so that no AUC resample lacks a class). A resample is a vector of
 * integer weights (multinomial counts) summing to the number of rows, drawn in O(n).
 *
 * <p>Use {@code stratified(data.yTrue())} for the ranking metrics ({@code roc_auc}, {@code precision_recall_auc}),
 * as pROC does, and {@code rows(data.size())} otherwise.</p>
 */
public final class Resampling {
    private final int rows;
    private final int[] rowsByStratum;
    private final int[] stratumStart;

    private Resampling(final int rows, final int[] rowsByStratum, final int[] stratumStart) {
        this.rows = rows;
        this.rowsByStratum = rowsByStratum;
        this.stratumStart = stratumStart;
    }

    /** Draw {@code rows} rows with replacement from all rows. */
    public static Resampling rows(final int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative: " + rows);
        }
        return new Resampling(rows, null, null);
    }

    /**
     * Draw within strata: a stratum of m rows contributes m rows drawn with replacement from itself.
     *
     * @param strata the stratum of each row, a small non-negative index such as the true class
     *               ({@code EvaluationData.yTrue()})
     */
    public static Resampling stratified(final int[] strata) {
        int count = 0;
        for (int stratum : strata) {
            if (stratum < 0) {
                throw new IllegalArgumentException("strata must not be negative: " + stratum);
            }
            count = Math.max(count, stratum + 1);
        }
        int[] start = new int[count + 1];
        for (int stratum : strata) {
            start[stratum + 1]++;
        }
        for (int stratum = 0; stratum < count; stratum++) {
            start[stratum + 1] += start[stratum];
        }
        int[] next = Arrays.copyOf(start, count);
        int[] rowsByStratum = new int[strata.length];
        for (int row = 0; row < strata.length; row++) {
            rowsByStratum[next[strata[row]]++] = row;
        }
        return new Resampling(strata.length, rowsByStratum, start);
    }

    public int rows() {
        return rows;
    }

    public boolean isStratified() {
        return rowsByStratum != null;
    }

    /** Adds one resample's counts to {@code weights}, which the caller has zeroed. */
    void draw(final SplittableRandom random, final int[] weights) {
        if (rowsByStratum == null) {
            for (int i = 0; i < rows; i++) {
                weights[uniform(random, rows)]++;
            }
            return;
        }
        for (int stratum = 0; stratum + 1 < stratumStart.length; stratum++) {
            int from = stratumStart[stratum];
            int size = stratumStart[stratum + 1] - from;
            for (int i = 0; i < size; i++) {
                weights[rowsByStratum[from + uniform(random, size)]]++;
            }
        }
    }

    /**
     * A uniform index below {@code bound} by multiplying a 63-bit random number (Lemire's method without the
     * division of {@code nextInt(bound)}); the bias is below {@code bound / 2^63}, far beneath any bootstrap effect.
     */
    private static int uniform(final SplittableRandom random, final int bound) {
        return (int) Math.multiplyHigh(random.nextLong() >>> 1, 2L * bound);
    }
}
