package io.mlgitops.canary;

/** What one check of one analysis concluded. */
public enum Verdict {
    /** The canary meets the check. */
    PASS,
    /** The canary breaks the check. */
    FAIL,
    /** Too few samples (or none) to judge: the no-data policy decides. */
    NO_DATA,
    /** The metric source failed; counted apart from failed checks. */
    ERROR
}
