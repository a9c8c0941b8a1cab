package io.mlgitops.inference;

/**
 * Wall-clock time of one inference call.
 *
 * @param rows  rows in the batch
 * @param nanos elapsed nanoseconds
 */
public record BatchTiming(int rows, long nanos) {
}
