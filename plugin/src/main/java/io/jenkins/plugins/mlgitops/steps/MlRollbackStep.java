package io.jenkins.plugins.mlgitops.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlgitops.adapters.JenkinsCredentials;
import io.jenkins.plugins.mlgitops.steps.engine.GitCredentials;
import io.jenkins.plugins.mlgitops.steps.engine.RepositorySpec;
import io.jenkins.plugins.mlgitops.steps.engine.RollbackRequest;
import io.mlgitops.gitops.RetryPolicy;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.Set;

/**
 * {@code mlRollback}: undoes a promotion in git (the values it replaced, through the same safe push) and in the
 * registry (the alias moves back, the version is tagged {@code mlgitops.rejected} with the reason). The promotion is a
 * record in the workspace ({@code record}, the {@code report} copy of {@code mlPromote}) or the latest promotion of
 * {@code model} to {@code environment} on the branch. Repository and credential parameters as {@code mlPromote}.
 */
public final class MlRollbackStep extends Step {
    static final String FUNCTION_NAME = "mlRollback";

    private final String repository;
    private String record;
    private String model;
    private String environment;
    private String branch;
    private String reason;
    private String messageTemplate;
    private String author;
    private String credentialsId;
    private String knownHosts;
    private boolean strictHostKeyChecking = true;
    private int maxAttempts = RetryPolicy.DEFAULTS.maxAttempts();
    private String mlflowUrl;
    private String mlflowServer;
    private String report;
    private boolean unstableOnFailure;

    @DataBoundConstructor
    public MlRollbackStep(final String repository) {
        this.repository = repository;
    }

    @Override
    public StepExecution start(final StepContext context) throws AbortException {
        String url = MlflowServers.url(FUNCTION_NAME, mlflowServer, mlflowUrl);
        return new EngineExecution(context, FUNCTION_NAME, (build, variables) -> request(
                JenkinsCredentials.resolve(FUNCTION_NAME, credentialsId, build)).mlflowUrl(url)
                .buildEnvironment(variables), unstableOnFailure);
    }

    /** The Jenkins-free request these parameters make, with the credential resolved on the controller. */
    RollbackRequest request(final GitCredentials credentials) {
        return new RollbackRequest().repository(new RepositorySpec(repository, credentials, knownHosts,
                strictHostKeyChecking, maxAttempts, null)).record(record).model(model).environment(environment)
                .branch(branch).reason(reason).messageTemplate(messageTemplate).author(author).mlflowUrl(mlflowUrl)
                .report(report);
    }

    public String getRepository() {
        return repository;
    }

    public String getRecord() {
        return record;
    }

    @DataBoundSetter
    public void setRecord(final String record) {
        this.record = record;
    }

    public String getModel() {
        return model;
    }

    @DataBoundSetter
    public void setModel(final String model) {
        this.model = model;
    }

    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(final String environment) {
        this.environment = environment;
    }

    public String getBranch() {
        return branch;
    }

    @DataBoundSetter
    public void setBranch(final String branch) {
        this.branch = branch;
    }

    public String getReason() {
        return reason;
    }

    @DataBoundSetter
    public void setReason(final String reason) {
        this.reason = reason;
    }

    public String getMessageTemplate() {
        return messageTemplate;
    }

    @DataBoundSetter
    public void setMessageTemplate(final String messageTemplate) {
        this.messageTemplate = messageTemplate;
    }

    public String getAuthor() {
        return author;
    }

    @DataBoundSetter
    public void setAuthor(final String author) {
        this.author = author;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** A Jenkins credential for the repository: username with password, secret text (token) or SSH key. */
    @DataBoundSetter
    public void setCredentialsId(final String credentialsId) {
        this.credentialsId = credentialsId;
    }

    public String getKnownHosts() {
        return knownHosts;
    }

    /** The agent's known_hosts file for SSH remotes; default {@code ~/.ssh/known_hosts}. */
    @DataBoundSetter
    public void setKnownHosts(final String knownHosts) {
        this.knownHosts = knownHosts;
    }

    public boolean isStrictHostKeyChecking() {
        return strictHostKeyChecking;
    }

    @DataBoundSetter
    public void setStrictHostKeyChecking(final boolean strictHostKeyChecking) {
        this.strictHostKeyChecking = strictHostKeyChecking;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    @DataBoundSetter
    public void setMaxAttempts(final int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public String getMlflowUrl() {
        return mlflowUrl;
    }

    @DataBoundSetter
    public void setMlflowUrl(final String mlflowUrl) {
        this.mlflowUrl = mlflowUrl;
    }

    public String getMlflowServer() {
        return mlflowServer;
    }

    /** The name of an MLflow server configured in Manage Jenkins; an alternative to {@code mlflowUrl}. */
    @DataBoundSetter
    public void setMlflowServer(final String mlflowServer) {
        this.mlflowServer = mlflowServer;
    }

    public String getReport() {
        return report;
    }

    @DataBoundSetter
    public void setReport(final String report) {
        this.report = report;
    }

    public boolean isUnstableOnFailure() {
        return unstableOnFailure;
    }

    @DataBoundSetter
    public void setUnstableOnFailure(final boolean unstableOnFailure) {
        this.unstableOnFailure = unstableOnFailure;
    }

    /** Registers {@code mlRollback}; it needs a workspace, so it runs inside {@code node} or an {@code agent}. */
    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @Override
        public String getDisplayName() {
            return "ML GitOps: roll a promotion back";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
        }
    }
}
