package io.mlgitops.metrics;

/** The kind of prediction task, which decides the default metric set. */
public enum Task {
    BINARY,
    MULTICLASS,
    REGRESSION;

    public boolean isClassification() {
        return this != REGRESSION;
    }
}
