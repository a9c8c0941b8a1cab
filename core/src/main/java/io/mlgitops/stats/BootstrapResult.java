package io.mlgitops.stats;

/**
 * A paired bootstrap comparison of one metric: {@code candidate - champion}.
 *
 * @param delta      the difference on all rows, {@code candidate.value() - champion.value()}
 * @param low        lower percentile bound of the difference at {@code level}; NaN when no resample was usable
 * @param high       upper percentile bound
 * @param level      the confidence level, e.g. 0.95
 * @param pValue     two-sided bootstrap p-value for "difference = 0" (see {@link PairedBootstrap})
 * @param resamples  resamples drawn, including excluded ones
 * @param seed       the seed the resamples derive from
 * @param excluded   resamples in which either metric was undefined (NaN); they are left out of the interval and
 *                   the p-value
 * @param stratified whether rows were resampled within each class of the target
 */
public record BootstrapResult(double delta, double low, double high, double level, double pValue, int resamples,
        long seed, int excluded, boolean stratified) {
    /** Resamples that entered the interval. */
    public int used() {
        return resamples - excluded;
    }
}
