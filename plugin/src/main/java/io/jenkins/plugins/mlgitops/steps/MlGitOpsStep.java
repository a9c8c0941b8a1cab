package io.jenkins.plugins.mlgitops.steps;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.mlgitops.adapters.JenkinsCredentials;
import io.jenkins.plugins.mlgitops.config.settings.MlflowTarget;
import io.jenkins.plugins.mlgitops.steps.engine.EngineRun;
import io.jenkins.plugins.mlgitops.steps.engine.ServiceCredentials;
import io.jenkins.plugins.mlgitops.steps.engine.ServiceCredentialsRun;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.Map;
import java.util.function.Function;

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

    /**
     * The request of one call with the MLflow server chosen on the controller (step parameter, else the build's
     * {@code MLFLOW_TRACKING_URI}, else the configured default): its URL goes into the request, and a configured
     * server's credential, resolved in the run's context and tracked, is laid over the build's
     * {@code MLFLOW_TRACKING_*} secrets for this call only.
     *
     * @param request the step's request for a server URL ({@code null}: the build's {@code MLFLOW_TRACKING_URI})
     * @throws AbortException when a server name or credential cannot be used
     */
    final EngineRun withMlflowServer(final Run<?, ?> build, final Map<String, String> environment,
            final Function<String, EngineRun> request) throws AbortException {
        MlflowTarget target = MlflowServers.target(functionName(), mlflowServer, mlflowUrl, environment);
        ServiceCredentials credentials = JenkinsCredentials.service(functionName(), ServiceCredentials.Service.MLFLOW,
                target.credentialsId(), build);
        return ServiceCredentialsRun.of(request.apply(target.url()), credentials);
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
