package io.mlgitops.canary;

/** How a canary run ended. Every run ends in one of these; none stays pending. */
public enum CanaryOutcome {
    /** The candidate took all traffic (and was promoted when asked). */
    PROMOTED,
    /** The candidate failed and was rolled back. */
    ROLLED_BACK,
    /** The candidate failed and the weight is held for a human to decide. */
    FROZEN
}
