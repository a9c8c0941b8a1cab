package io.jenkins.plugins.mlgitops.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.mlgitops.steps.engine.CanaryCheckSpec;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code check(name: 'request-success-rate', min: 99, critical: true)}: an absolute bound on the canary's value (the
 * {@code --check} option of {@code mlgitops canary}). A custom check gives its own {@code query} and {@code samples}.
 */
public final class CanaryThresholdCheck extends CanaryCheckBlock {
    private static final long serialVersionUID = 1L;

    private final String name;
    private Double min;
    private Double max;
    private boolean critical;
    private Integer minSamples;
    private String query;
    private String samples;

    @DataBoundConstructor
    public CanaryThresholdCheck(final String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public Double getMin() {
        return min;
    }

    @DataBoundSetter
    public void setMin(final Double min) {
        this.min = min;
    }

    public Double getMax() {
        return max;
    }

    @DataBoundSetter
    public void setMax(final Double max) {
        this.max = max;
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

    @Override
    boolean isComparison() {
        return false;
    }

    @Override
    String toSpec() {
        return CanaryCheckSpec.named(name).with("min", min).with("max", max).flag("critical", critical)
                .with("minSamples", minSamples).with("query", query).with("samples", samples).text();
    }

    /** Makes {@code check(...)} available in Pipeline scripts and the Snippet Generator. */
    @Extension
    @Symbol("check")
    public static final class DescriptorImpl extends Descriptor<CanaryCheckBlock> {
        @Override
        public String getDisplayName() {
            return "Bound on the canary's value";
        }
    }
}
