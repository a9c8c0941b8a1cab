package io.mlgitops.stats;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * McNemar's test of paired classification correctness, with statsmodels' {@code mcnemar} semantics: exact
 * {@code p = min(1, 2 * BinomCDF(min(b, c); b + c, 1/2))}, chi-square {@code (|b - c| - corr)^2 / (b + c)} with
 * {@code corr} 1 (Edwards' continuity correction) or 0, one degree of freedom.
 *
 * <p>Deviation from statsmodels: with no discordant rows (b + c = 0) both variants give p = 1 and statistic 0;
 * statsmodels' chi-square divides by zero there (statistic inf, p = 0), which would declare two identical models
 * significantly different.</p>
 */
public final class McNemar {
    /** Which variant of the test. */
    public enum Method {
        EXACT,
        CHI_SQUARE,
        CHI_SQUARE_CORRECTED
    }

    private McNemar() {
    }

    public static McNemarResult test(final McNemarTable table, final Method method) {
        switch (method) {
            case EXACT:
                return exact(table);
            case CHI_SQUARE:
                return chiSquare(table, false);
            default:
                return chiSquare(table, true);
        }
    }

    /** The exact (binomial) test. */
    public static McNemarResult exact(final McNemarTable table) {
        long smaller = Math.min(table.championOnly(), table.candidateOnly());
        long discordant = table.discordant();
        if (discordant == 0) {
            return new McNemarResult(table, Method.EXACT, 0, 1.0);
        }
        // P(X <= k) for X ~ Bin(n, 1/2) is the regularized incomplete beta I_{1/2}(n - k, k + 1)
        double lowerTail = Beta.regularizedBeta(0.5, (double) discordant - smaller, smaller + 1.0);
        return new McNemarResult(table, Method.EXACT, smaller, Math.min(1.0, 2 * lowerTail));
    }

    /** The asymptotic chi-square test, with or without continuity correction. */
    public static McNemarResult chiSquare(final McNemarTable table, final boolean continuityCorrection) {
        Method method = continuityCorrection ? Method.CHI_SQUARE_CORRECTED : Method.CHI_SQUARE;
        long discordant = table.discordant();
        if (discordant == 0) {
            return new McNemarResult(table, method, 0, 1.0);
        }
        double difference = Math.abs(table.championOnly() - table.candidateOnly()) - (continuityCorrection ? 1 : 0);
        double statistic = difference * difference / discordant;
        // chi2.sf(x, df=1) = Q(1/2, x/2), the regularized upper incomplete gamma function
        return new McNemarResult(table, method, statistic, Gamma.regularizedGammaQ(0.5, statistic / 2));
    }
}
