package io.jenkins.plugins.mlgitops.steps;

import hudson.Extension;
import hudson.model.Run;
import hudson.AbortException;
import io.jenkins.plugins.mlgitops.adapters.JenkinsCredentials;
import io.jenkins.plugins.mlgitops.config.MlGitOpsConfiguration;
import io.jenkins.plugins.mlgitops.config.settings.GitOpsRepositorySettings;
import io.jenkins.plugins.mlgitops.config.settings.KubernetesClusterSettings;
import io.jenkins.plugins.mlgitops.steps.engine.GitCredentials;
import io.jenkins.plugins.mlgitops.steps.engine.KubernetesAccess;
import io.jenkins.plugins.mlgitops.steps.engine.PromoteRequest;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code mlPromote}: a model version into an environment through the GitOps repository (edit, safe push or pull
 * request), the registry (alias, tags) and Argo CD (wait for the sync); docs/steps/mlPromote.md. Parameters carry the
 * names of {@code mlgitops promote}'s options in camelCase; the repository's credential is a Jenkins credential
 * ({@code credentialsId}). The engine runs on the agent: the clone and the push happen in the agent's cache folder.
 */
public final class MlPromoteStep extends PromotionStep<PromoteRequest> {
    static final String FUNCTION_NAME = "mlPromote";

    private final String model;
    private final String version;
    private final String environment;
    private List<ManifestEditBlock> edits = new ArrayList<>();
    private String mode;
    private String pullRequestProvider;
    private String pullRequestApiUrl;
    private String pullRequestRepository;
    private String pullRequestBranch;
    private String alias;
    private List<String> tags = new ArrayList<>();
    private String requires;
    private String soak;
    private boolean allowRejected;
    private String waitForSync;
    private String timeout;
    private String argocdNamespace;
    private String promotionId;
    private String reportDigest;

    @DataBoundConstructor
    public MlPromoteStep(final String model, final String version, final String environment) {
        this.model = model;
        this.version = version;
        this.environment = environment;
    }

    @Override
    String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    PromoteRequest request(final GitOpsRepositorySettings call, final GitCredentials credentials) {
        return new PromoteRequest().model(model).version(version).environment(environment)
                .repository(repositorySpec(call, credentials)).branch(call.branch())
                .edits(edits.stream().map(ManifestEditBlock::toSpec).toList()).mode(mode)
                .pullRequestProvider(pullRequestProvider).pullRequestApiUrl(pullRequestApiUrl)
                .pullRequestRepository(pullRequestRepository).pullRequestBranch(pullRequestBranch).alias(alias)
                .tags(tags).requires(requires).soak(soak).allowRejected(allowRejected).waitForSync(waitForSync)
                .timeout(timeout).argocdNamespace(argocdNamespace).promotionId(promotionId)
                .messageTemplate(getMessageTemplate()).author(call.author()).reportDigest(reportDigest)
                .mlflowUrl(getMlflowUrl()).report(getReport());
    }

    /**
     * With {@code waitForSync}: the cluster configured in Manage Jenkins (its kubeconfig credential resolved now, in
     * the run's context); a {@code KUBECONFIG} the build sets wins on the agent.
     */
    @Override
    UnaryOperator<PromoteRequest> completion(final Run<?, ?> build) throws AbortException {
        if (waitForSync == null || waitForSync.isBlank()) {
            return UnaryOperator.identity();
        }
        KubernetesClusterSettings.Target target = KubernetesClusterSettings.choose(
                MlGitOpsConfiguration.get().kubernetesSettings(), null, null);
        KubernetesAccess cluster = JenkinsCredentials.kubernetes(FUNCTION_NAME, target.credentialsId(),
                target.context(), build);
        return request -> request.syncCluster(cluster);
    }

    public String getModel() {
        return model;
    }

    public String getVersion() {
        return version;
    }

    public String getEnvironment() {
        return environment;
    }

    public List<ManifestEditBlock> getEdits() {
        return edits;
    }

    @DataBoundSetter
    public void setEdits(final List<ManifestEditBlock> edits) {
        this.edits = edits == null ? new ArrayList<>() : new ArrayList<>(edits);
    }

    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(final String mode) {
        this.mode = mode;
    }

    public String getPullRequestProvider() {
        return pullRequestProvider;
    }

    @DataBoundSetter
    public void setPullRequestProvider(final String pullRequestProvider) {
        this.pullRequestProvider = pullRequestProvider;
    }

    public String getPullRequestApiUrl() {
        return pullRequestApiUrl;
    }

    @DataBoundSetter
    public void setPullRequestApiUrl(final String pullRequestApiUrl) {
        this.pullRequestApiUrl = pullRequestApiUrl;
    }

    public String getPullRequestRepository() {
        return pullRequestRepository;
    }

    @DataBoundSetter
    public void setPullRequestRepository(final String pullRequestRepository) {
        this.pullRequestRepository = pullRequestRepository;
    }

    public String getPullRequestBranch() {
        return pullRequestBranch;
    }

    @DataBoundSetter
    public void setPullRequestBranch(final String pullRequestBranch) {
        this.pullRequestBranch = pullRequestBranch;
    }

    public String getAlias() {
        return alias;
    }

    @DataBoundSetter
    public void setAlias(final String alias) {
        this.alias = alias;
    }

    public List<String> getTags() {
        return tags;
    }

    @DataBoundSetter
    public void setTags(final List<String> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }

    public String getRequires() {
        return requires;
    }

    @DataBoundSetter
    public void setRequires(final String requires) {
        this.requires = requires;
    }

    public String getSoak() {
        return soak;
    }

    @DataBoundSetter
    public void setSoak(final String soak) {
        this.soak = soak;
    }

    public boolean isAllowRejected() {
        return allowRejected;
    }

    @DataBoundSetter
    public void setAllowRejected(final boolean allowRejected) {
        this.allowRejected = allowRejected;
    }

    public String getWaitForSync() {
        return waitForSync;
    }

    @DataBoundSetter
    public void setWaitForSync(final String waitForSync) {
        this.waitForSync = waitForSync;
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(final String timeout) {
        this.timeout = timeout;
    }

    public String getArgocdNamespace() {
        return argocdNamespace;
    }

    @DataBoundSetter
    public void setArgocdNamespace(final String argocdNamespace) {
        this.argocdNamespace = argocdNamespace;
    }

    public String getPromotionId() {
        return promotionId;
    }

    @DataBoundSetter
    public void setPromotionId(final String promotionId) {
        this.promotionId = promotionId;
    }

    public String getReportDigest() {
        return reportDigest;
    }

    @DataBoundSetter
    public void setReportDigest(final String reportDigest) {
        this.reportDigest = reportDigest;
    }

    /** Registers {@code mlPromote}. */
    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends WorkspaceStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "ML GitOps: promote a model version through the GitOps repository");
        }
    }
}
