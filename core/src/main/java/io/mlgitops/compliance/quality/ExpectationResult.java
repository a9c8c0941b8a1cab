package io.mlgitops.compliance.quality;

import java.util.Map;

/**
 * The outcome of one expectation, shaped like Great Expectations' validation result.
 *
 * @param success whether the expectation holds
 * @param key     what a waiver names: the column, the columns joined by commas, or {@code table}
 * @param message one sentence: what was checked and what was observed
 * @param result  GE's result fields in camelCase (elementCount, unexpectedCount, observedValue, ...)
 */
record ExpectationResult(boolean success, String key, String message, Map<String, Object> result) {
    /** The key of expectations about the whole table. */
    static final String TABLE = "table";
}
