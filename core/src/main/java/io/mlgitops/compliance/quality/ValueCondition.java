package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.Column;

import java.util.function.IntPredicate;

/** The per-value test of a column map expectation. */
interface ValueCondition {
    /**
     * Prepares the test for one column (reading what it needs from the whole column once).
     *
     * @param source the data set's file, for messages
     * @return whether the value of a row is unexpected
     * @throws InputException when the column cannot be tested this way (text where numbers are needed)
     */
    IntPredicate unexpected(Column column, String source) throws InputException;

    /** What the unexpected values are, completing "N of M values ...", e.g. "are not between 0 and 72". */
    String violation();
}
