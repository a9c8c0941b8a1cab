package io.jenkins.plugins.mlgitops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlgitops.steps.engine.BenchmarkRequest;
import io.mlgitops.api.BenchmarkCommand;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code mlBenchmark}: champion versus candidate on the same evaluation data, with paired statistics and gates
 * (docs/steps/mlBenchmark.md). Parameters carry the names of {@code mlgitops benchmark}'s options in camelCase.
 */
public final class MlBenchmarkStep extends TabularDataStep {
    static final String FUNCTION_NAME = "mlBenchmark";

    private final String dataset;
    private final String target;
    private final String champion;
    private final String candidate;
    private List<String> features = new ArrayList<>();
    private String positiveLabel;
    private String task;
    private List<String> metrics = new ArrayList<>();
    private List<MetricGate> gates = new ArrayList<>();
    private String gateMode = "all";
    private String test = "bootstrap";
    private double confidence = BenchmarkCommand.DEFAULT_CONFIDENCE;
    private int resamples = BenchmarkCommand.DEFAULT_RESAMPLES;
    private long seed = BenchmarkCommand.DEFAULT_SEED;
    private List<String> slices = new ArrayList<>();
    private String onMissingChampion = "pass";
    private Double maxLatencyRegression;
    private int latencySamples = BenchmarkCommand.DEFAULT_LATENCY_SAMPLES;
    private int batchSize = 1024;

    @DataBoundConstructor
    public MlBenchmarkStep(final String dataset, final String target, final String champion, final String candidate) {
        this.dataset = dataset;
        this.target = target;
        this.champion = champion;
        this.candidate = candidate;
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new EngineExecution(context, FUNCTION_NAME, (build, variables) -> withMlflowServer(build, variables,
                url -> request().mlflowUrl(url)), isUnstableOnFailure());
    }

    @Override
    String functionName() {
        return FUNCTION_NAME;
    }

    /** The Jenkins-free request these parameters make. */
    BenchmarkRequest request() {
        return new BenchmarkRequest().dataset(dataset).target(target).champion(champion).candidate(candidate)
                .features(features).positiveLabel(positiveLabel).task(task).metrics(metrics)
                .gates(gates.stream().map(MetricGate::toSpec).toList()).gateMode(gateMode).test(test)
                .confidence(confidence).resamples(resamples).seed(seed).slices(slices)
                .onMissingChampion(onMissingChampion).maxLatencyRegression(maxLatencyRegression)
                .latencySamples(latencySamples).batchSize(batchSize).threads(getThreads())
                .delimiter(getDelimiter()).mlflowUrl(getMlflowUrl()).report(getReport());
    }

    public String getDataset() {
        return dataset;
    }

    public String getTarget() {
        return target;
    }

    public String getChampion() {
        return champion;
    }

    public String getCandidate() {
        return candidate;
    }

    public List<String> getFeatures() {
        return features;
    }

    @DataBoundSetter
    public void setFeatures(final List<String> features) {
        this.features = features == null ? new ArrayList<>() : new ArrayList<>(features);
    }

    public String getPositiveLabel() {
        return positiveLabel;
    }

    @DataBoundSetter
    public void setPositiveLabel(final String positiveLabel) {
        this.positiveLabel = positiveLabel;
    }

    public String getTask() {
        return task;
    }

    @DataBoundSetter
    public void setTask(final String task) {
        this.task = task;
    }

    public List<String> getMetrics() {
        return metrics;
    }

    @DataBoundSetter
    public void setMetrics(final List<String> metrics) {
        this.metrics = metrics == null ? new ArrayList<>() : new ArrayList<>(metrics);
    }

    public List<MetricGate> getGates() {
        return gates;
    }

    @DataBoundSetter
    public void setGates(final List<MetricGate> gates) {
        this.gates = gates == null ? new ArrayList<>() : new ArrayList<>(gates);
    }

    public String getGateMode() {
        return gateMode;
    }

    @DataBoundSetter
    public void setGateMode(final String gateMode) {
        this.gateMode = gateMode;
    }

    public String getTest() {
        return test;
    }

    @DataBoundSetter
    public void setTest(final String test) {
        this.test = test;
    }

    public double getConfidence() {
        return confidence;
    }

    @DataBoundSetter
    public void setConfidence(final double confidence) {
        this.confidence = confidence;
    }

    public int getResamples() {
        return resamples;
    }

    @DataBoundSetter
    public void setResamples(final int resamples) {
        this.resamples = resamples;
    }

    public long getSeed() {
        return seed;
    }

    @DataBoundSetter
    public void setSeed(final long seed) {
        this.seed = seed;
    }

    public List<String> getSlices() {
        return slices;
    }

    @DataBoundSetter
    public void setSlices(final List<String> slices) {
        this.slices = slices == null ? new ArrayList<>() : new ArrayList<>(slices);
    }

    public String getOnMissingChampion() {
        return onMissingChampion;
    }

    @DataBoundSetter
    public void setOnMissingChampion(final String onMissingChampion) {
        this.onMissingChampion = onMissingChampion;
    }

    public Double getMaxLatencyRegression() {
        return maxLatencyRegression;
    }

    @DataBoundSetter
    public void setMaxLatencyRegression(final Double maxLatencyRegression) {
        this.maxLatencyRegression = maxLatencyRegression;
    }

    public int getLatencySamples() {
        return latencySamples;
    }

    @DataBoundSetter
    public void setLatencySamples(final int latencySamples) {
        this.latencySamples = latencySamples;
    }

    public int getBatchSize() {
        return batchSize;
    }

    @DataBoundSetter
    public void setBatchSize(final int batchSize) {
        this.batchSize = batchSize;
    }

    /** Registers {@code mlBenchmark}. */
    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends WorkspaceStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "ML GitOps: benchmark a candidate model against the champion");
        }
    }
}
