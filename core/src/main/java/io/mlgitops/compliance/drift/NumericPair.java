package io.mlgitops.compliance.drift;

/**
 * The finite values of a numeric column in the reference and the current data set, each sorted ascending.
 *
 * @param reference      the reference values
 * @param current        the current values
 * @param referenceInt64 whether the reference column is int64 for pandas (whole numbers, none missing)
 * @param currentInt64   whether the current column is int64 for pandas
 */
record NumericPair(double[] reference, double[] current, boolean referenceInt64, boolean currentInt64) {
    /** Whether the pooled values are int64 (both columns are). */
    boolean int64() {
        return referenceInt64 && currentInt64;
    }
}
