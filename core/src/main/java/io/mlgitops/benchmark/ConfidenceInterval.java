package io.mlgitops.benchmark;

/**
 * A confidence interval of candidate minus champion.
 *
 * @param low   lower bound
 * @param high  upper bound
 * @param level confidence level, e.g. 0.95
 */
public record ConfidenceInterval(double low, double high, double level) {
}
