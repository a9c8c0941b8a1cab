package io.mlgitops.cli;

import java.util.Locale;

/** What {@code mlgitops demo --scenario} releases: the good candidate, or a degraded one that must be stopped. */
enum DemoScenario {
    /** The churn candidate: better than the champion; every gate passes and the canary takes all traffic. */
    HEALTHY("candidate.onnx", "2"),
    /**
     * A degraded candidate (trained on 250 rows with 30 % of the labels flipped): the benchmark gate fails, and the
     * demo goes on past it on purpose, so that the canary catches it too and rolls it back in traffic and in git.
     */
    REGRESSION("candidate-degraded.onnx", "3");

    private final String modelFile;
    private final String version;

    DemoScenario(final String modelFile, final String version) {
        this.modelFile = modelFile;
        this.version = version;
    }

    /** The candidate's file in the demo's churn folder. */
    String modelFile() {
        return modelFile;
    }

    /** The model version the demo gives the candidate (the champion is version 1). */
    String version() {
        return version;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
