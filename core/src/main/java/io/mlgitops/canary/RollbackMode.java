package io.mlgitops.canary;

/** What a failed canary undoes. */
public enum RollbackMode {
    /** Traffic to 0, then the previous manifest values through a safe push, the alias back, the version rejected. */
    FULL,
    /** Traffic to 0 only. */
    TRAFFIC_ONLY,
    /** Hold the current weight and fail the run, for a human to decide. */
    FREEZE
}
