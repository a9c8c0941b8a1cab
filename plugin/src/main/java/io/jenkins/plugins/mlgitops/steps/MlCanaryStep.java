package io.jenkins.plugins.mlgitops.steps;

import hudson.EnvVars;
import hudson.Extension;
import io.jenkins.plugins.mlgitops.config.MlGitOpsConfiguration;
import io.jenkins.plugins.mlgitops.config.settings.GitOpsRepositorySettings;
import io.jenkins.plugins.mlgitops.config.settings.KubernetesClusterSettings;
import io.jenkins.plugins.mlgitops.config.settings.MlflowTarget;
import io.jenkins.plugins.mlgitops.config.settings.PrometheusServerSettings;
import io.jenkins.plugins.mlgitops.steps.engine.CanaryRequest;
import io.jenkins.plugins.mlgitops.steps.engine.GitCredentials;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code mlCanary}: shifts traffic to a candidate step by step, analyses it at every interval against bounds and the
 * stable version, and ends promoted, rolled back or frozen. Parameters are the options of {@code mlgitops canary} in
 * camelCase. The step is asynchronous and survives a controller restart: each analysis is one round of engine work
 * on the agent, scheduled on the controller's timer ({@link CanaryExecution}); the rollout's state lives in the
 * routed object's annotation (or the local router's state file), so the next round continues from it. The GitOps
 * repository ({@code mode: 'gitops'}, the full rollback, {@code promoteOnSuccess}) is the one of
 * {@link GitOpsRepositoryStep}; its credential is resolved for each round, never kept.
 */
public final class MlCanaryStep extends GitOpsRepositoryStep {
    static final String FUNCTION_NAME = "mlCanary";

    private final String router;
    private final String candidate;
    private String namespace;
    private String target;
    private String route;
    private String stableBackend;
    private String canaryBackend;
    private String stableWorkload;
    private String canaryWorkload;
    private String apiVersion;
    private String kubeconfig;
    private String kubeContext;
    private String steps;
    private String stepDuration;
    private String analysisInterval;
    private List<CanaryCheckBlock> checks = new ArrayList<>();
    private String prometheusUrl;
    private String scrapeInterval;
    private int minSamples = 50;
    private String onNoData;
    private String maxStepExtension;
    private int failureLimit = 2;
    private int consecutiveErrorLimit = 3;
    private String rollbackMode;
    private List<String> webhooks = new ArrayList<>();
    private String timeout;
    private String stable;
    private String traffic;
    private String targetColumn;
    private String features;
    private double rate = 50;
    private String stateFile;
    private String injectLatency;
    private double injectErrorRate;
    private String mode;
    private List<String> weightFields = new ArrayList<>();
    private String argocdApplication;
    private String argocdNamespace;
    private String syncTimeout;
    private boolean promoteNow;
    private boolean dryRun;
    private String rollbackRecord;
    private String model;
    private String version;
    private String environment;
    private String alias;
    private boolean promoteOnSuccess;
    private List<ManifestEditBlock> promoteEdits = new ArrayList<>();

    @DataBoundConstructor
    public MlCanaryStep(final String router, final String candidate) {
        this.router = router;
        this.candidate = candidate;
    }

    /**
     * Chooses the servers on the controller (the step's parameters, else the build's {@code MLFLOW_TRACKING_URI},
     * else the configuration) and keeps their credential ids, not their secrets, in the request: every round
     * resolves them again.
     */
    @Override
    public StepExecution start(final StepContext context) throws IOException, InterruptedException {
        MlGitOpsConfiguration configuration = MlGitOpsConfiguration.get();
        EnvVars environment = context.get(EnvVars.class);
        // the local router measures the models itself and needs no cluster: configured servers would mislead it
        boolean local = "local".equalsIgnoreCase(String.valueOf(router).trim());
        return new CanaryExecution(context, request(configuration.gitOpsSettings(),
                MlflowServers.target(FUNCTION_NAME, getMlflowServer(), getMlflowUrl(),
                        environment == null ? Map.of() : environment),
                PrometheusServerSettings.choose(local ? null : configuration.prometheusSettings(), prometheusUrl,
                        scrapeInterval),
                KubernetesClusterSettings.choose(local ? null : configuration.kubernetesSettings(), kubeconfig,
                        kubeContext)), isUnstableOnFailure());
    }

    @Override
    String functionName() {
        return FUNCTION_NAME;
    }

    /** The Jenkins-free request these parameters make, without configured defaults. */
    CanaryRequest request() {
        return request(GitOpsRepositorySettings.NONE, new MlflowTarget(getMlflowUrl(), null),
                PrometheusServerSettings.choose(null, prometheusUrl, scrapeInterval),
                KubernetesClusterSettings.choose(null, kubeconfig, kubeContext));
    }

    /**
     * The Jenkins-free request of a call: the GitOps defaults fill what the step leaves blank; the chosen servers'
     * credentials are kept as ids only.
     */
    CanaryRequest request(final GitOpsRepositorySettings defaults, final MlflowTarget mlflow,
            final PrometheusServerSettings.Target prometheus, final KubernetesClusterSettings.Target cluster) {
        GitOpsRepositorySettings call = repositorySettings(defaults);
        CanaryRequest request = new CanaryRequest().router(router).candidate(candidate)
                .route(namespace, target, route, stableBackend, canaryBackend)
                .workloads(stableWorkload, canaryWorkload, apiVersion).kubernetes(kubeconfig, cluster.context())
                .schedule(steps, stepDuration, analysisInterval)
                .prometheus(prometheus.url(), prometheus.scrapeInterval())
                .policy(minSamples, onNoData, maxStepExtension, failureLimit, consecutiveErrorLimit, rollbackMode,
                        timeout)
                .local(stable, traffic, targetColumn, features, rate, stateFile)
                .faults(injectLatency, injectErrorRate).report(getReport())
                .gitops(mode, weightFields, argocdApplication, argocdNamespace, syncTimeout).promoteNow(promoteNow)
                .dryRun(dryRun).repository(repositorySpec(call, GitCredentials.NONE), call.credentialsId(),
                        call.branch(), call.author(), getMessageTemplate()).mlflowUrl(mlflow.url())
                .serviceCredentials(mlflow.credentialsId(), prometheus.credentialsId(), cluster.credentialsId())
                .release(model, version, environment, alias).rollbackRecord(rollbackRecord)
                .promoteOnSuccess(promoteOnSuccess, promoteEdits.stream().map(ManifestEditBlock::toSpec).toList());
        for (CanaryCheckBlock check : checks) {
            if (check.isComparison()) {
                request.compare(check.toSpec());
            }
            else {
                request.check(check.toSpec());
            }
        }
        webhooks.forEach(request::webhook);
        return request;
    }

    public String getRouter() {
        return router;
    }

    public String getCandidate() {
        return candidate;
    }

    public String getNamespace() {
        return namespace;
    }

    @DataBoundSetter
    public void setNamespace(final String namespace) {
        this.namespace = namespace;
    }

    public String getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(final String target) {
        this.target = target;
    }

    public String getRoute() {
        return route;
    }

    @DataBoundSetter
    public void setRoute(final String route) {
        this.route = route;
    }

    public String getStableBackend() {
        return stableBackend;
    }

    @DataBoundSetter
    public void setStableBackend(final String stableBackend) {
        this.stableBackend = stableBackend;
    }

    public String getCanaryBackend() {
        return canaryBackend;
    }

    @DataBoundSetter
    public void setCanaryBackend(final String canaryBackend) {
        this.canaryBackend = canaryBackend;
    }

    public String getStableWorkload() {
        return stableWorkload;
    }

    @DataBoundSetter
    public void setStableWorkload(final String stableWorkload) {
        this.stableWorkload = stableWorkload;
    }

    public String getCanaryWorkload() {
        return canaryWorkload;
    }

    @DataBoundSetter
    public void setCanaryWorkload(final String canaryWorkload) {
        this.canaryWorkload = canaryWorkload;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    @DataBoundSetter
    public void setApiVersion(final String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getKubeconfig() {
        return kubeconfig;
    }

    /** The kubeconfig file, a workspace path; default {@code $KUBECONFIG}, {@code ~/.kube/config} or in-cluster. */
    @DataBoundSetter
    public void setKubeconfig(final String kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    public String getKubeContext() {
        return kubeContext;
    }

    @DataBoundSetter
    public void setKubeContext(final String kubeContext) {
        this.kubeContext = kubeContext;
    }

    public String getSteps() {
        return steps;
    }

    /** Canary weights in percent, comma-separated, ending at 100; default {@code 1,5,25,100}. */
    @DataBoundSetter
    public void setSteps(final String steps) {
        this.steps = steps;
    }

    public String getStepDuration() {
        return stepDuration;
    }

    @DataBoundSetter
    public void setStepDuration(final String stepDuration) {
        this.stepDuration = stepDuration;
    }

    public String getAnalysisInterval() {
        return analysisInterval;
    }

    @DataBoundSetter
    public void setAnalysisInterval(final String analysisInterval) {
        this.analysisInterval = analysisInterval;
    }

    public List<CanaryCheckBlock> getChecks() {
        return new ArrayList<>(checks);
    }

    /** {@code check(...)} and {@code compare(...)} blocks. */
    @DataBoundSetter
    public void setChecks(final List<CanaryCheckBlock> checks) {
        this.checks = checks == null ? new ArrayList<>() : new ArrayList<>(checks);
    }

    public String getPrometheusUrl() {
        return prometheusUrl;
    }

    @DataBoundSetter
    public void setPrometheusUrl(final String prometheusUrl) {
        this.prometheusUrl = prometheusUrl;
    }

    public String getScrapeInterval() {
        return scrapeInterval;
    }

    @DataBoundSetter
    public void setScrapeInterval(final String scrapeInterval) {
        this.scrapeInterval = scrapeInterval;
    }

    public int getMinSamples() {
        return minSamples;
    }

    @DataBoundSetter
    public void setMinSamples(final int minSamples) {
        this.minSamples = minSamples;
    }

    public String getOnNoData() {
        return onNoData;
    }

    @DataBoundSetter
    public void setOnNoData(final String onNoData) {
        this.onNoData = onNoData;
    }

    public String getMaxStepExtension() {
        return maxStepExtension;
    }

    @DataBoundSetter
    public void setMaxStepExtension(final String maxStepExtension) {
        this.maxStepExtension = maxStepExtension;
    }

    public int getFailureLimit() {
        return failureLimit;
    }

    @DataBoundSetter
    public void setFailureLimit(final int failureLimit) {
        this.failureLimit = failureLimit;
    }

    public int getConsecutiveErrorLimit() {
        return consecutiveErrorLimit;
    }

    @DataBoundSetter
    public void setConsecutiveErrorLimit(final int consecutiveErrorLimit) {
        this.consecutiveErrorLimit = consecutiveErrorLimit;
    }

    public String getRollbackMode() {
        return rollbackMode;
    }

    @DataBoundSetter
    public void setRollbackMode(final String rollbackMode) {
        this.rollbackMode = rollbackMode;
    }

    public List<String> getWebhooks() {
        return new ArrayList<>(webhooks);
    }

    /** {@code TYPE=URL} entries: pre-rollout, rollout, post-rollout, rollback. */
    @DataBoundSetter
    public void setWebhooks(final List<String> webhooks) {
        this.webhooks = webhooks == null ? new ArrayList<>() : new ArrayList<>(webhooks);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(final String timeout) {
        this.timeout = timeout;
    }

    public String getStable() {
        return stable;
    }

    @DataBoundSetter
    public void setStable(final String stable) {
        this.stable = stable;
    }

    public String getTraffic() {
        return traffic;
    }

    @DataBoundSetter
    public void setTraffic(final String traffic) {
        this.traffic = traffic;
    }

    public String getTargetColumn() {
        return targetColumn;
    }

    @DataBoundSetter
    public void setTargetColumn(final String targetColumn) {
        this.targetColumn = targetColumn;
    }

    public String getFeatures() {
        return features;
    }

    @DataBoundSetter
    public void setFeatures(final String features) {
        this.features = features;
    }

    public double getRate() {
        return rate;
    }

    @DataBoundSetter
    public void setRate(final double rate) {
        this.rate = rate;
    }

    public String getStateFile() {
        return stateFile;
    }

    @DataBoundSetter
    public void setStateFile(final String stateFile) {
        this.stateFile = stateFile;
    }

    public String getInjectLatency() {
        return injectLatency;
    }

    @DataBoundSetter
    public void setInjectLatency(final String injectLatency) {
        this.injectLatency = injectLatency;
    }

    public double getInjectErrorRate() {
        return injectErrorRate;
    }

    @DataBoundSetter
    public void setInjectErrorRate(final double injectErrorRate) {
        this.injectErrorRate = injectErrorRate;
    }

    public String getMode() {
        return mode;
    }

    /** {@code direct} (default) or {@code gitops}: each weight a commit to {@code weightFields}. */
    @DataBoundSetter
    public void setMode(final String mode) {
        this.mode = mode;
    }

    public List<String> getWeightFields() {
        return new ArrayList<>(weightFields);
    }

    /** {@code FILE[#N|:Kind/name]:PATH=canary|stable} entries: the manifest fields of the weights. */
    @DataBoundSetter
    public void setWeightFields(final List<String> weightFields) {
        this.weightFields = weightFields == null ? new ArrayList<>() : new ArrayList<>(weightFields);
    }

    public String getArgocdApplication() {
        return argocdApplication;
    }

    @DataBoundSetter
    public void setArgocdApplication(final String argocdApplication) {
        this.argocdApplication = argocdApplication;
    }

    public String getArgocdNamespace() {
        return argocdNamespace;
    }

    @DataBoundSetter
    public void setArgocdNamespace(final String argocdNamespace) {
        this.argocdNamespace = argocdNamespace;
    }

    public String getSyncTimeout() {
        return syncTimeout;
    }

    @DataBoundSetter
    public void setSyncTimeout(final String syncTimeout) {
        this.syncTimeout = syncTimeout;
    }

    public boolean isPromoteNow() {
        return promoteNow;
    }

    /** Flagger and Argo Rollouts: ask the controller to promote now, then follow it to the end. */
    @DataBoundSetter
    public void setPromoteNow(final boolean promoteNow) {
        this.promoteNow = promoteNow;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(final boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getRollbackRecord() {
        return rollbackRecord;
    }

    /** The candidate's promotion record (a workspace path, e.g. mlPromote's {@code report}) a full rollback undoes. */
    @DataBoundSetter
    public void setRollbackRecord(final String rollbackRecord) {
        this.rollbackRecord = rollbackRecord;
    }

    public String getModel() {
        return model;
    }

    @DataBoundSetter
    public void setModel(final String model) {
        this.model = model;
    }

    public String getVersion() {
        return version;
    }

    @DataBoundSetter
    public void setVersion(final String version) {
        this.version = version;
    }

    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(final String environment) {
        this.environment = environment;
    }

    public String getAlias() {
        return alias;
    }

    @DataBoundSetter
    public void setAlias(final String alias) {
        this.alias = alias;
    }

    public boolean isPromoteOnSuccess() {
        return promoteOnSuccess;
    }

    @DataBoundSetter
    public void setPromoteOnSuccess(final boolean promoteOnSuccess) {
        this.promoteOnSuccess = promoteOnSuccess;
    }

    public List<ManifestEditBlock> getPromoteEdits() {
        return new ArrayList<>(promoteEdits);
    }

    /** {@code setImage(...)} and {@code setValue(...)} blocks: the stable manifests promoteOnSuccess edits. */
    @DataBoundSetter
    public void setPromoteEdits(final List<ManifestEditBlock> promoteEdits) {
        this.promoteEdits = promoteEdits == null ? new ArrayList<>() : new ArrayList<>(promoteEdits);
    }

    /**
     * Registers {@code mlCanary}. It needs a workspace (the engine runs on its agent, relative paths are resolved
     * there), so it runs inside {@code node} or an {@code agent}.
     */
    /** Registers {@code mlCanary}. */
    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends WorkspaceStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "ML GitOps: progressive canary rollout with analysis");
        }
    }
}
