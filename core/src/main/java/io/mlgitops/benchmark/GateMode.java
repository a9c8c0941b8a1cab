package io.mlgitops.benchmark;

/** How the results of several gates combine. */
public enum GateMode {
    /** The benchmark passes when at least one gate passes (the seed's "accuracy or F1 improves"). */
    ANY,
    /** Every gate must pass. */
    ALL
}
