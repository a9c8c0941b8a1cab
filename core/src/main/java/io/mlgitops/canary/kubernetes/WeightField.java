package io.mlgitops.canary.kubernetes;

/**
 * One weight of a routed object.
 *
 * @param pointer   where it is, e.g. {@code /spec/http/0/route/1/weight}
 * @param written   its value, {@code null} when the field is absent
 * @param effective what it means: the written value, else the API's default
 */
record WeightField(String pointer, Integer written, int effective) {
    /** Whether the field must be written to hold {@code value}. */
    boolean differsFrom(final int value) {
        return written == null || written != value;
    }
}
