package io.jenkins.plugins.mlgitops.steps;

import hudson.model.Describable;

import java.io.Serializable;

/**
 * An entry of {@code mlCanary}'s {@code checks}: {@code check(...)} (an absolute bound on the canary) or
 * {@code compare(...)} (a comparison with the stable version). Each kind has its own descriptor with a
 * {@code @Symbol}, so Pipeline scripts write the symbol and the Snippet Generator offers both.
 */
public abstract class CanaryCheckBlock implements Describable<CanaryCheckBlock>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Whether this is a comparison ({@code --compare}) rather than a bound ({@code --check}). */
    abstract boolean isComparison();

    /** The block in the command line's grammar, {@code NAME:key=value,...}. */
    abstract String toSpec();
}
