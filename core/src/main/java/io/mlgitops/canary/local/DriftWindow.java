package io.mlgitops.canary.local;

import java.util.Optional;

/**
 * The drift score of a server: the population stability index (PSI) of the bins ({@link PredictionBins}) of its
 * last {@value #CAPACITY} predictions against a reference distribution,
 * {@code PSI = sum over bins of (ref - cur) * ln(ref / cur)}, with the shares of empty bins replaced as Evidently
 * does: by {@value #EMPTY_SHARE}, or by a millionth of the smallest non-zero share when that is at most
 * {@value #EMPTY_SHARE}. The reference is given (the stable model's predictions on reference
 * data), or else the server's own first {@value #CAPACITY} predictions. The score is defined once the window holds
 * {@value #MIN_PREDICTIONS} predictions. Not thread-safe; {@link ServerMetrics} guards it.
 */
final class DriftWindow {
    static final int CAPACITY = 1000;
    static final int MIN_PREDICTIONS = 200;
    static final double EMPTY_SHARE = 1e-4;

    private final int[] recent = new int[CAPACITY];
    private long[] reference;
    private boolean referenceComplete;
    private long[] current;
    private int size;
    private int next;

    /** @param reference the bin counts of the reference predictions, or empty to take the first window */
    DriftWindow(final Optional<long[]> reference) {
        this.reference = reference.map(long[]::clone).orElse(null);
        this.referenceComplete = reference.isPresent();
    }

    /**
     * Adds one prediction.
     *
     * @param bin  its bin
     * @param bins the number of bins of the model's predictions
     */
    void add(final int bin, final int bins) {
        if (!referenceComplete) {
            collectReference(bin, bins);
            return;
        }
        if (current == null) {
            current = new long[bins];
        }
        if (bins != current.length || bins != reference.length) {
            return;
        }
        if (size == CAPACITY) {
            current[recent[next]]--;
        }
        else {
            size++;
        }
        recent[next] = bin;
        current[bin]++;
        next = (next + 1) % CAPACITY;
    }

    private void collectReference(final int bin, final int bins) {
        if (reference == null) {
            reference = new long[bins];
        }
        if (bins != reference.length) {
            return;
        }
        reference[bin]++;
        referenceComplete = ++size == CAPACITY;
        if (referenceComplete) {
            size = 0;
        }
    }

    /** The PSI, or NaN while the window holds fewer than {@value #MIN_PREDICTIONS} predictions. */
    double score() {
        if (!referenceComplete || current == null || size < MIN_PREDICTIONS) {
            return Double.NaN;
        }
        return psi(reference, current);
    }

    static double psi(final long[] reference, final long[] current) {
        double[] expected = shares(reference);
        double[] actual = shares(current);
        double score = 0;
        for (int bin = 0; bin < expected.length; bin++) {
            score += (expected[bin] - actual[bin]) * Math.log(expected[bin] / actual[bin]);
        }
        return score;
    }

    private static double[] shares(final long[] counts) {
        long total = 0;
        long smallest = Long.MAX_VALUE;
        for (long count : counts) {
            total += count;
            if (count > 0) {
                smallest = Math.min(smallest, count);
            }
        }
        double smallestShare = (double) smallest / total;
        double empty = smallestShare <= EMPTY_SHARE ? smallestShare / 1e6 : EMPTY_SHARE;
        double[] shares = new double[counts.length];
        for (int bin = 0; bin < counts.length; bin++) {
            shares[bin] = counts[bin] == 0 ? empty : (double) counts[bin] / total;
        }
        return shares;
    }
}
