package io.jenkins.plugins.mlgitops.steps;

import hudson.model.Describable;
import io.jenkins.plugins.mlgitops.steps.engine.CanaryCheckSpec;
import org.kohsuke.stapler.DataBoundSetter;

import java.io.Serializable;

/**
 * An entry of {@code mlCanary}'s {@code checks}: {@code check(...)} (an absolute bound on the canary) or
 * {@code compare(...)} (a comparison with the stable version). Each kind has its own descriptor with a
 * {@code @Symbol}, so Pipeline scripts write the symbol and the Snippet Generator offers both. Both take the check's
 * name, whether it is critical, its minimum samples and, for a custom check, its PromQL.
 */
public abstract class CanaryCheckBlock implements Describable<CanaryCheckBlock>, Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private boolean critical;
    private Integer minSamples;
    private String query;
    private String samples;

    protected CanaryCheckBlock(final String name) {
        this.name = name;
    }

    /** Whether this is a comparison ({@code --compare}) rather than a bound ({@code --check}). */
    abstract boolean isComparison();

    /** The settings of this kind of block, after the name. */
    abstract CanaryCheckSpec ownSettings(CanaryCheckSpec spec);

    /** The block in the command line's grammar, {@code NAME:key=value,...}. */
    final String toSpec() {
        return ownSettings(CanaryCheckSpec.named(name)).flag("critical", critical).with("minSamples", minSamples)
                .with("query", query).with("samples", samples).text();
    }

    public String getName() {
        return name;
    }

    public boolean isCritical() {
        return critical;
    }

    @DataBoundSetter
    public void setCritical(final boolean critical) {
        this.critical = critical;
    }

    public Integer getMinSamples() {
        return minSamples;
    }

    @DataBoundSetter
    public void setMinSamples(final Integer minSamples) {
        this.minSamples = minSamples;
    }

    public String getQuery() {
        return query;
    }

    @DataBoundSetter
    public void setQuery(final String query) {
        this.query = query;
    }

    public String getSamples() {
        return samples;
    }

    @DataBoundSetter
    public void setSamples(final String samples) {
        this.samples = samples;
    }
}
