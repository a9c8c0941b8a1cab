package io.mlgitops.compliance.quality;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.Dataset;

/** One Great Expectations expectation with its arguments, read from a rule. */
interface Expectation {
    /**
     * Validates the data set as Great Expectations does.
     *
     * @throws InputException when the data does not fit the expectation (a missing column, text where numbers are
     *                        needed); the message names the file and the column
     */
    ExpectationResult validate(Dataset data) throws InputException;
}
