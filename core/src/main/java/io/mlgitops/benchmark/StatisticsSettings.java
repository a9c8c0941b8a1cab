package io.mlgitops.benchmark;

/**
 * How the differences were tested, recorded so that the numbers can be reproduced.
 *
 * @param test       {@code bootstrap}, {@code mcnemar}, {@code delong} or {@code none}
 * @param confidence confidence level of the intervals
 * @param resamples  bootstrap resamples
 * @param seed       bootstrap seed
 * @param correction multiple-comparison correction of the p-values ({@code holm})
 */
public record StatisticsSettings(String test, double confidence, int resamples, long seed, String correction) {
}
