package io.mlgitops.canary;

/** What an analysis without enough samples means. */
public enum NoDataPolicy {
    /** Keep the step running (extend it) until data arrives, up to the maximum extension; then fail. */
    HOLD,
    /** Count it as a failed analysis. */
    FAIL,
    /** Count it as a passed analysis. */
    PASS
}
