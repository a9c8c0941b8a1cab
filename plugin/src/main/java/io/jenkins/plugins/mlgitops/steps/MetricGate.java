package io.jenkins.plugins.mlgitops.steps;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.mlgitops.steps.engine.GateSpec;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.io.Serializable;

/**
 * A gate of {@code mlBenchmark}, written {@code metricGate(metric: 'f1_weighted', minAbsoluteChange: 0.01)}: MLflow
 * {@code MetricThreshold} semantics, plus an optional significance requirement (the {@code --gate} option of
 * {@code mlgitops benchmark}).
 */
public final class MetricGate implements Describable<MetricGate>, Serializable {
    private static final long serialVersionUID = 1L;

    private final String metric;
    private Double threshold;
    private Double minAbsoluteChange;
    private Double minRelativeChange;
    private Boolean greaterIsBetter;
    private boolean requireSignificance;

    @DataBoundConstructor
    public MetricGate(final String metric) {
        this.metric = metric;
    }

    public String getMetric() {
        return metric;
    }

    public Double getThreshold() {
        return threshold;
    }

    @DataBoundSetter
    public void setThreshold(final Double threshold) {
        this.threshold = threshold;
    }

    public Double getMinAbsoluteChange() {
        return minAbsoluteChange;
    }

    @DataBoundSetter
    public void setMinAbsoluteChange(final Double minAbsoluteChange) {
        this.minAbsoluteChange = minAbsoluteChange;
    }

    public Double getMinRelativeChange() {
        return minRelativeChange;
    }

    @DataBoundSetter
    public void setMinRelativeChange(final Double minRelativeChange) {
        this.minRelativeChange = minRelativeChange;
    }

    public Boolean getGreaterIsBetter() {
        return greaterIsBetter;
    }

    @DataBoundSetter
    public void setGreaterIsBetter(final Boolean greaterIsBetter) {
        this.greaterIsBetter = greaterIsBetter;
    }

    public boolean isRequireSignificance() {
        return requireSignificance;
    }

    @DataBoundSetter
    public void setRequireSignificance(final boolean requireSignificance) {
        this.requireSignificance = requireSignificance;
    }

    /** The gate for the engine request. */
    GateSpec toSpec() {
        return new GateSpec(metric, threshold, minAbsoluteChange, minRelativeChange, greaterIsBetter,
                requireSignificance);
    }

    /** Makes {@code metricGate(...)} available in Pipeline scripts and the Snippet Generator. */
    @Extension
    @Symbol("metricGate")
    public static final class DescriptorImpl extends Descriptor<MetricGate> {
        @Override
        public String getDisplayName() {
            return "Metric gate";
        }
    }
}
