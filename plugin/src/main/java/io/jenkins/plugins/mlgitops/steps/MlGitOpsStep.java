package io.jenkins.plugins.mlgitops.steps;

import hudson.AbortException;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The parameters every ML GitOps step takes: the MLflow server, where to copy the report in the workspace, and
 * whether a failed gate marks the build unstable instead of failing it. Jenkins binds inherited
 * {@code @DataBoundSetter}s as it binds a step's own, so each step declares only its particular parameters.
 */
public abstract class MlGitOpsStep extends Step {
    private String mlflowUrl;
    private String mlflowServer;
    private String report;
    private boolean unstableOnFailure;

    /** The step's Pipeline name, for messages. */
    abstract String functionName();

    /** The URL of the MLflow server these parameters name, or {@code null} for the build's tracking URI. */
    final String resolvedMlflowUrl() throws AbortException {
        return MlflowServers.url(functionName(), mlflowServer, mlflowUrl);
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
}
