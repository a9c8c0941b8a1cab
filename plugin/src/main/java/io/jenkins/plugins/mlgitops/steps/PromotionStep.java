package io.jenkins.plugins.mlgitops.steps;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.mlgitops.config.settings.GitOpsRepositorySettings;
import io.jenkins.plugins.mlgitops.steps.engine.GitCredentials;
import io.jenkins.plugins.mlgitops.steps.engine.PromotionRequest;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.util.function.UnaryOperator;

/**
 * A step that commits a promotion or its rollback once, on the agent: the request is completed on the controller with
 * the GitOps defaults, the repository's credential, the MLflow server and the build's variables.
 *
 * @param <R> the step's request
 */
public abstract class PromotionStep<R extends PromotionRequest> extends GitOpsRepositoryStep {
    @Override
    public final StepExecution start(final StepContext context) {
        return new EngineExecution(context, functionName(), (build, environment) -> {
            UnaryOperator<R> completion = completion(build);
            return gitOpsPreparation((call, credentials, url, variables) -> completion.apply(
                    request(call, credentials)).mlflowUrl(url).buildEnvironment(variables)).prepare(build, environment);
        }, isUnstableOnFailure());
    }

    /**
     * The Jenkins-free request these parameters make for a call's repository settings (defaults applied), with the
     * credential resolved on the controller.
     */
    abstract R request(GitOpsRepositorySettings call, GitCredentials credentials);

    /**
     * What else the controller resolves for a call, in the run's context, and adds to its request; nothing unless a
     * step needs more than the repository and the MLflow server.
     *
     * @throws AbortException when a credential it needs cannot be used
     */
    UnaryOperator<R> completion(final Run<?, ?> build) throws AbortException {
        return UnaryOperator.identity();
    }
}
