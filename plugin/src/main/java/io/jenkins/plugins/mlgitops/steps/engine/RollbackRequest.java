package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.Author;
import io.mlgitops.api.MlGitOps;
import io.mlgitops.api.RollbackCommand;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.gitops.PromotionResults;
import io.mlgitops.gitops.RollbackSettings;
import io.mlgitops.report.Report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The parameters of {@code mlRollback}, named as the options of {@code mlgitops rollback} in camelCase, and their
 * translation into the engine's {@link RollbackCommand}: the promotion to undo is a record file in the workspace (the
 * {@code report:} copy of {@code mlPromote}) or the latest promotion of {@code model} to {@code environment} found on
 * the branch.
 */
public final class RollbackRequest implements PromotionRequest {
    private static final long serialVersionUID = 1L;
    static final String KIND = "rollback";

    private RepositorySpec repository;
    private String record;
    private String model;
    private String environment;
    private String branch;
    private String reason;
    private String messageTemplate;
    private String author;
    private String buildAuthorName;
    private String buildAuthorEmail;
    private String buildUrl;
    private String mlflowUrl;
    private String report;

    public RollbackRequest repository(final RepositorySpec value) {
        this.repository = value;
        return this;
    }

    /** The record of the promotion to undo, a workspace path. */
    public RollbackRequest record(final String value) {
        this.record = value;
        return this;
    }

    public RollbackRequest model(final String value) {
        this.model = value;
        return this;
    }

    public RollbackRequest environment(final String value) {
        this.environment = value;
        return this;
    }

    /** The branch searched without a record; blank for {@code main}. */
    public RollbackRequest branch(final String value) {
        this.branch = value;
        return this;
    }

    public RollbackRequest reason(final String value) {
        this.reason = value;
        return this;
    }

    public RollbackRequest messageTemplate(final String value) {
        this.messageTemplate = value;
        return this;
    }

    public RollbackRequest author(final String value) {
        this.author = value;
        return this;
    }

    @Override
    public RollbackRequest mlflowUrl(final String value) {
        this.mlflowUrl = value;
        return this;
    }

    public RollbackRequest report(final String value) {
        this.report = value;
        return this;
    }

    /** {@code BUILD_URL} and {@code GIT_AUTHOR_NAME}/{@code GIT_AUTHOR_EMAIL} from the build's environment. */
    @Override
    public RollbackRequest buildEnvironment(final Map<String, String> variables) {
        this.buildUrl = Values.blankToNull(variables.get("BUILD_URL"));
        this.buildAuthorName = Values.blankToNull(variables.get("GIT_AUTHOR_NAME"));
        this.buildAuthorEmail = Values.blankToNull(variables.get("GIT_AUTHOR_EMAIL"));
        return this;
    }

    /**
     * The engine command for these parameters.
     *
     * @throws InvalidSettingsException when neither or both of {@code record} and {@code model}+{@code environment}
     *                                  are given, or a value is malformed
     */
    public RollbackCommand command(final Path workspace, final RepositorySpec.Access access,
            final ProgressListener progress) throws InvalidSettingsException {
        String recordFile = Values.blankToNull(record);
        String modelName = Values.blankToNull(model);
        String environmentName = Values.blankToNull(environment);
        boolean previous = modelName != null || environmentName != null;
        if ((recordFile == null) == !previous || previous && (modelName == null || environmentName == null)) {
            throw new InvalidSettingsException("mlRollback needs record: 'promotion.json' (the report: of mlPromote), "
                    + "or model and environment to undo their latest promotion; not both.");
        }
        RollbackCommand command = MlGitOps.rollback().repository(access.settings())
                .branch(Values.blankToNull(branch) == null ? "main" : branch.trim())
                .reason(Values.blankToNull(reason) == null ? RollbackSettings.DEFAULT_REASON : reason.trim())
                .messageTemplate(Values.blankToNull(messageTemplate) == null ? RollbackSettings.DEFAULT_MESSAGE
                        : messageTemplate)
                .author(author()).buildUrl(buildUrl).mlflowUrl(Choices.url("mlflowUrl", mlflowUrl))
                .secrets(access.secrets()).progress(progress);
        if (recordFile != null) {
            command.record(WorkspacePaths.file(workspace, recordFile));
        }
        else {
            command.previous(modelName, environmentName);
        }
        return command;
    }

    private Author author() throws InvalidSettingsException {
        if (Values.blankToNull(author) != null) {
            return Author.parse(author);
        }
        Author fallback = Author.fromEnvironment();
        return new Author(buildAuthorName != null ? buildAuthorName : fallback.name(),
                buildAuthorEmail != null ? buildAuthorEmail : fallback.email());
    }

    @Override
    public List<String> secretValues() {
        return repository == null ? List.of() : repository.credentials().secretValues();
    }

    @Override
    public StepOutcome run(final Path workspace, final SecretSource secrets, final ProgressListener progress) {
        if (repository == null) {
            return StepOutcome.error(KIND, "mlRollback needs repository: the GitOps repository's URL or path, "
                    + "or set GitOps repository defaults in Manage Jenkins > System > ML GitOps.");
        }
        try (RepositorySpec.Access access = repository.open(workspace, secrets, progress)) {
            Report<PromotionResults> result = command(workspace, access, progress).call();
            return Outcomes.promotion(KIND, result, Outcomes.json(result, WorkspacePaths.file(workspace, report)));
        }
        catch (MlGitOpsException refused) {
            return StepOutcome.error(KIND, refused.getMessage());
        }
    }
}
