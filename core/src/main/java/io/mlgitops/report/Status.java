package io.mlgitops.report;

/** Outcome of a gate run. */
public enum Status {
    /** The gate passed: the build may go on. */
    PASSED,
    /** The gate ran and the subject did not meet it. */
    FAILED,
    /** The gate could not be evaluated: wrong input or environment; the messages say what to fix. */
    ERROR
}
