package io.mlgitops.stats;

/**
 * The outcome of a Mann-Whitney U test.
 *
 * @param statistic   U1, the statistic of the first sample (U2 = n1 * n2 - U1)
 * @param pValue      the p-value for the alternative
 * @param alternative the alternative hypothesis tested
 * @param method      how the p-value was computed ({@code EXACT} or {@code ASYMPTOTIC}, never {@code AUTO})
 */
public record MannWhitneyResult(double statistic, double pValue, MannWhitney.Alternative alternative,
        MannWhitney.Method method) {
}
