package io.mlgitops.benchmark;

/**
 * One metric for champion and candidate, with the statistics of their difference. Values that do not exist (no
 * champion, undefined metric, statistics not requested) are {@code null}.
 *
 * @param name           canonical metric name
 * @param direction      {@code higher_is_better}, {@code lower_is_better} or {@code none}
 * @param champion       the champion's value
 * @param candidate      the candidate's value
 * @param delta          candidate minus champion
 * @param relativeDelta  delta divided by |champion|
 * @param ci             confidence interval of delta
 * @param pValue         p-value of the test of "no difference"
 * @param pValueAdjusted p-value after Holm's correction across the compared metrics
 * @param test           the test that gave the p-value ({@code bootstrap}, {@code mcnemar}, {@code delong})
 * @param significant    whether the adjusted p-value is below 1 - confidence level
 */
public record MetricComparison(String name, String direction, Double champion, Double candidate, Double delta,
        Double relativeDelta, ConfidenceInterval ci, Double pValue, Double pValueAdjusted, String test,
        Boolean significant) {
}
