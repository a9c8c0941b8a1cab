package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.Column;

import java.util.function.IntPredicate;

/**
 * The per-value test of a column map expectation.
 *
 * @param violation   what the unexpected values are, completing "N of M values ...", e.g. "are not between 0 and 72"
 * @param preparation prepares the test for one column
 */
record ValueCondition(String violation, Preparation preparation) {
    /** Reads what the test needs from the whole column once. */
    @FunctionalInterface
    interface Preparation {
        IntPredicate prepare(Column column, String source) throws InputException;
    }

    /**
     * @param source the data set's file, for messages
     * @return whether the value of a row is unexpected
     * @throws InputException when the column cannot be tested this way (text where numbers are needed)
     */
    IntPredicate unexpected(final Column column, final String source) throws InputException {
        return preparation.prepare(column, source);
    }
}
