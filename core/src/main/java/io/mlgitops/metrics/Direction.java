package io.mlgitops.metrics;

/** Which way a metric improves; {@link #NONE} marks descriptive values (counts) that are reported, not compared. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    NONE
}
