package io.mlgitops.stats;

/**
 * The outcome of McNemar's test.
 *
 * @param table     the paired table tested
 * @param method    exact or chi-square
 * @param statistic {@code min(b, c)} for the exact test, the chi-square statistic otherwise (0 when b + c = 0)
 * @param pValue    two-sided p-value; 1 when b + c = 0
 */
public record McNemarResult(McNemarTable table, McNemar.Method method, double statistic, double pValue) {
}
