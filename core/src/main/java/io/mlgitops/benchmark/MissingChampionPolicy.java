package io.mlgitops.benchmark;

/** What to do when the champion reference names a registry alias that does not exist yet. */
public enum MissingChampionPolicy {
    /** The first model of a line passes (with a warning); absolute thresholds still apply. */
    PASS,
    /** Without a champion the benchmark fails. */
    FAIL
}
