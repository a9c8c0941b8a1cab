package io.mlgitops.compliance.drift;

import io.mlgitops.stats.CompensatedSum;
import org.apache.commons.math3.special.Gamma;

/**
 * Pearson's chi-square goodness-of-fit test of the current counts against the reference counts scaled to the current
 * size, as Evidently calls {@code scipy.stats.chisquare(f_obs, f_exp)}: p = P(chi2(k - 1) >= sum (obs - exp)^2 / exp)
 * over the k values seen in either sample. A value absent from the reference makes the statistic infinite (p = 0).
 */
final class ChiSquareStatistic {
    private ChiSquareStatistic() {
    }

    /** The p-value; 1 when both samples hold a single, equal value (no degree of freedom, nothing to compare). */
    static double pValue(final CategoryCounts counts) {
        int degrees = counts.size() - 1;
        if (degrees == 0) {
            return 1.0;
        }
        double scale = (double) counts.currentTotal() / counts.referenceTotal();
        CompensatedSum statistic = new CompensatedSum();
        for (int i = 0; i < counts.size(); i++) {
            if (counts.reference()[i] == 0) {
                return 0.0;
            }
            double expected = counts.reference()[i] * scale;
            double difference = counts.current()[i] - expected;
            statistic.add(difference * difference / expected);
        }
        return Gamma.regularizedGammaQ(degrees / 2.0, statistic.sum() / 2.0);
    }
}
