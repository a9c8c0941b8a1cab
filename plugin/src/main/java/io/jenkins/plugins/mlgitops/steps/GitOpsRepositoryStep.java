package io.jenkins.plugins.mlgitops.steps;

import io.jenkins.plugins.mlgitops.adapters.JenkinsCredentials;
import io.jenkins.plugins.mlgitops.config.MlGitOpsConfiguration;
import io.jenkins.plugins.mlgitops.config.settings.GitOpsRepositorySettings;
import io.jenkins.plugins.mlgitops.steps.engine.EngineRun;
import io.jenkins.plugins.mlgitops.steps.engine.GitCredentials;
import io.jenkins.plugins.mlgitops.steps.engine.RepositorySpec;
import io.mlgitops.gitops.RetryPolicy;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.Map;

/**
 * A step that commits to the GitOps repository: the remote, the branch, the Jenkins credential and SSH host checking,
 * push attempts, and the commit's author and message. Repository, branch, credential and author fall back to the
 * GitOps defaults of <em>Manage Jenkins › System › ML GitOps</em>.
 */
public abstract class GitOpsRepositoryStep extends MlGitOpsStep {
    private String repository;
    private String branch;
    private String credentialsId;
    private String knownHosts;
    private boolean strictHostKeyChecking = true;
    private int maxAttempts = RetryPolicy.DEFAULTS.maxAttempts();
    private String author;
    private String messageTemplate;

    /**
     * Prepares one call on the controller: the configured GitOps defaults fill what the step leaves blank, the
     * repository's credential is resolved in the run's context and tracked, and the MLflow server is chosen.
     */
    final EngineExecution.Preparation gitOpsPreparation(final GitOpsRequest request) {
        return (build, environment) -> {
            GitOpsRepositorySettings call = repositorySettings(MlGitOpsConfiguration.get().gitOpsSettings());
            GitCredentials credentials = JenkinsCredentials.resolve(functionName(), call.credentialsId(), build);
            return withMlflowServer(build, environment, url -> request.create(call, credentials, url, environment));
        };
    }

    /** The repository, branch, credential id and author of a call: the step's own, else the defaults. */
    final GitOpsRepositorySettings repositorySettings(final GitOpsRepositorySettings defaults) {
        return new GitOpsRepositorySettings(repository, branch, credentialsId, author).withDefaults(defaults);
    }

    /** The call's repository and how to reach it, with the credential resolved on the controller. */
    final RepositorySpec repositorySpec(final GitOpsRepositorySettings call, final GitCredentials credentials) {
        return new RepositorySpec(call.repository(), credentials, knownHosts, strictHostKeyChecking, maxAttempts,
                null);
    }

    /** A step's request for a call's repository settings, credential, MLflow URL and build variables. */
    @FunctionalInterface
    interface GitOpsRequest {
        EngineRun create(GitOpsRepositorySettings call, GitCredentials credentials, String mlflowUrl,
                Map<String, String> environment);
    }

    public String getRepository() {
        return repository;
    }

    @DataBoundSetter
    public void setRepository(final String repository) {
        this.repository = repository;
    }

    public String getBranch() {
        return branch;
    }

    @DataBoundSetter
    public void setBranch(final String branch) {
        this.branch = branch;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(final String credentialsId) {
        this.credentialsId = credentialsId;
    }

    public String getKnownHosts() {
        return knownHosts;
    }

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

    public String getAuthor() {
        return author;
    }

    @DataBoundSetter
    public void setAuthor(final String author) {
        this.author = author;
    }

    public String getMessageTemplate() {
        return messageTemplate;
    }

    @DataBoundSetter
    public void setMessageTemplate(final String messageTemplate) {
        this.messageTemplate = messageTemplate;
    }
}
