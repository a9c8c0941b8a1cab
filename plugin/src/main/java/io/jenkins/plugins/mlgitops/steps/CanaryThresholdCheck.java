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

    private Double min;
    private Double max;

    @DataBoundConstructor
    public CanaryThresholdCheck(final String name) {
        super(name);
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

    @Override
    boolean isComparison() {
        return false;
    }

    @Override
    CanaryCheckSpec ownSettings(final CanaryCheckSpec spec) {
        return spec.with("min", min).with("max", max);
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
