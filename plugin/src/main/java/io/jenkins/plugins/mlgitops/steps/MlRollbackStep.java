package io.jenkins.plugins.mlgitops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlgitops.config.settings.GitOpsRepositorySettings;
import io.jenkins.plugins.mlgitops.steps.engine.GitCredentials;
import io.jenkins.plugins.mlgitops.steps.engine.RollbackRequest;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;


/**
 * {@code mlRollback}: undoes a promotion in git (the values it replaced, through the same safe push) and in the
 * registry (the alias moves back, the version is tagged {@code mlgitops.rejected} with the reason). The promotion is a
 * record in the workspace ({@code record}, the {@code report} copy of {@code mlPromote}) or the latest promotion of
 * {@code model} to {@code environment} on the branch. Repository and credential parameters as {@code mlPromote},
 * with the same configured defaults; no parameter is required.
 */
public final class MlRollbackStep extends PromotionStep<RollbackRequest> {
    static final String FUNCTION_NAME = "mlRollback";

    private String record;
    private String model;
    private String environment;
    private String reason;

    @DataBoundConstructor
    public MlRollbackStep() {
        // every parameter is a @DataBoundSetter
    }

    @Override
    String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    RollbackRequest request(final GitOpsRepositorySettings call, final GitCredentials credentials) {
        return new RollbackRequest().repository(repositorySpec(call, credentials)).record(record).model(model)
                .environment(environment).branch(call.branch()).reason(reason).messageTemplate(getMessageTemplate())
                .author(call.author()).mlflowUrl(getMlflowUrl()).report(getReport());
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

    public String getReason() {
        return reason;
    }

    @DataBoundSetter
    public void setReason(final String reason) {
        this.reason = reason;
    }

    /** Registers {@code mlRollback}. */
    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends WorkspaceStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "ML GitOps: roll a promotion back");
        }
    }
}
