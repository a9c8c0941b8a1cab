package io.jenkins.plugins.mlgitops.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.mlgitops.steps.engine.CanaryCheckSpec;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code compare(name: 'model-accuracy', direction: 'decrease', maxDecrease: 0.02)}: the canary compared with the
 * stable version over the same window (the {@code --compare} option of {@code mlgitops canary}: a Mann-Whitney U test
 * with an effect-size bound). Fractions: {@code 0.1} is ten percent.
 */
public final class CanaryComparison extends CanaryCheckBlock {
    private static final long serialVersionUID = 1L;

    private final String direction;
    private Double maxIncrease;
    private Double maxDecrease;
    private Double alpha;

    @DataBoundConstructor
    public CanaryComparison(final String name, final String direction) {
        super(name);
        this.direction = direction;
    }

    public String getDirection() {
        return direction;
    }

    public Double getMaxIncrease() {
        return maxIncrease;
    }

    @DataBoundSetter
    public void setMaxIncrease(final Double maxIncrease) {
        this.maxIncrease = maxIncrease;
    }

    public Double getMaxDecrease() {
        return maxDecrease;
    }

    @DataBoundSetter
    public void setMaxDecrease(final Double maxDecrease) {
        this.maxDecrease = maxDecrease;
    }

    public Double getAlpha() {
        return alpha;
    }

    @DataBoundSetter
    public void setAlpha(final Double alpha) {
        this.alpha = alpha;
    }

    @Override
    boolean isComparison() {
        return true;
    }

    @Override
    CanaryCheckSpec ownSettings(final CanaryCheckSpec spec) {
        return spec.direction(direction).with("maxIncrease", maxIncrease).with("maxDecrease", maxDecrease)
                .with("alpha", alpha);
    }

    /** Makes {@code compare(...)} available in Pipeline scripts and the Snippet Generator. */
    @Extension
    @Symbol("compare")
    public static final class DescriptorImpl extends Descriptor<CanaryCheckBlock> {
        @Override
        public String getDisplayName() {
            return "Comparison with the stable version";
        }
    }
}
