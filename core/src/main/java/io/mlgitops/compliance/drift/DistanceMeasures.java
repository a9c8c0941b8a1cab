package io.mlgitops.compliance.drift;

import io.mlgitops.stats.CompensatedSum;

/** Evidently's distance drift scores; a column drifts when its score is at least the threshold. */
final class DistanceMeasures {
    /** Evidently's floor for the reference standard deviation that normalizes the Wasserstein distance. */
    private static final double MIN_NORM = 0.001;

    private DistanceMeasures() {
    }

    /** Population stability index: sum over bins of (ref - cur) ln(ref / cur), empty bins filled first. */
    static double populationStabilityIndex(final ColumnSample sample) {
        BinnedShares shares = BinnedShares.of(sample).withoutEmptyBins();
        CompensatedSum psi = new CompensatedSum();
        for (int i = 0; i < shares.reference().length; i++) {
            double reference = shares.reference()[i];
            double current = shares.current()[i];
            psi.add((reference - current) * Math.log(reference / current));
        }
        return psi.sum();
    }

    /**
     * Jensen-Shannon distance (natural logarithm) of the binned shares, as {@code scipy.spatial.distance.jensenshannon}
     * computes it: sqrt((KL(p || m) + KL(q || m)) / 2), m = (p + q) / 2, after normalizing p and q to sum 1.
     */
    static double jensenShannon(final ColumnSample sample) {
        BinnedShares shares = BinnedShares.of(sample);
        double[] p = normalized(shares.reference());
        double[] q = normalized(shares.current());
        CompensatedSum left = new CompensatedSum();
        CompensatedSum right = new CompensatedSum();
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2.0;
            left.add(relativeEntropy(p[i], m));
            right.add(relativeEntropy(q[i], m));
        }
        return Math.sqrt((left.sum() + right.sum()) / 2.0);
    }

    /**
     * The first Wasserstein distance of the two samples (the area between their distribution functions) divided by
     * the reference standard deviation (ddof 0), at least 0.001.
     */
    static double normedWasserstein(final NumericPair numbers) {
        double[] reference = numbers.reference();
        double[] current = numbers.current();
        CompensatedSum area = new CompensatedSum();
        int i = 0;
        int j = 0;
        double value = SortedSamples.nextValue(reference, i, current, j);
        while (i < reference.length || j < current.length) {
            while (i < reference.length && reference[i] == value) {
                i++;
            }
            while (j < current.length && current[j] == value) {
                j++;
            }
            if (i == reference.length && j == current.length) {
                break;
            }
            double next = SortedSamples.nextValue(reference, i, current, j);
            double gap = Math.abs((double) i / reference.length - (double) j / current.length);
            area.add(gap * (next - value));
            value = next;
        }
        return area.sum() / Math.max(standardDeviation(reference), MIN_NORM);
    }

    private static double standardDeviation(final double[] values) {
        CompensatedSum total = new CompensatedSum();
        for (double value : values) {
            total.add(value);
        }
        double mean = total.sum() / values.length;
        CompensatedSum squares = new CompensatedSum();
        for (double value : values) {
            double deviation = value - mean;
            squares.add(deviation * deviation);
        }
        return Math.sqrt(squares.sum() / values.length);
    }

    private static double[] normalized(final double[] shares) {
        CompensatedSum total = new CompensatedSum();
        for (double share : shares) {
            total.add(share);
        }
        double[] normalized = new double[shares.length];
        for (int i = 0; i < shares.length; i++) {
            normalized[i] = shares[i] / total.sum();
        }
        return normalized;
    }

    /** x ln(x / y), 0 when x is 0 (scipy's {@code rel_entr}). */
    private static double relativeEntropy(final double x, final double y) {
        return x == 0 ? 0.0 : x * Math.log(x / y);
    }
}
