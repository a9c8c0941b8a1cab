package io.jenkins.plugins.mlgitops.actions.summary;

import java.io.Serializable;

/** One gate of a benchmark (a metric gate or a guard such as {@code latency}) and whether it passed. */
public final class GateVerdict implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String rule;
    private final boolean passed;

    public GateVerdict(final String name, final String rule, final boolean passed) {
        this.name = name;
        this.rule = rule;
        this.passed = passed;
    }

    public String getName() {
        return name;
    }

    public String getRule() {
        return rule;
    }

    public boolean isPassed() {
        return passed;
    }

    /** The verdict as a word with a symbol, so that it never rests on colour alone. */
    public String getVerdict() {
        return passed ? "✔ PASS" : "✘ FAIL";
    }
}
