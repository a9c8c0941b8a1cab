package io.mlgitops.canary;

import java.util.Locale;

/** The two versions a canary compares: the one serving production, and the candidate. */
public enum Variant {
    STABLE,
    CANARY;

    /** The label value used in metrics and messages: {@code stable}, {@code canary}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
