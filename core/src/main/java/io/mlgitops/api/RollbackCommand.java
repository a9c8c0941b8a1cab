package io.mlgitops.api;

import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.gitops.GitOpsRepositories;
import io.mlgitops.gitops.GitOpsRepository;
import io.mlgitops.gitops.PromotionResults;
import io.mlgitops.gitops.RepositorySettings;
import io.mlgitops.gitops.Rollback;
import io.mlgitops.gitops.RollbackSettings;
import io.mlgitops.gitops.RollbackSource;
import io.mlgitops.net.Urls;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportJson;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Rolls a promotion back: restores the previous manifest values through the same safe push, moves the alias back,
 * and tags the version rejected. The promotion comes from its record or from the branch's history. Single use.
 */
public final class RollbackCommand {
    private RepositorySettings repository;
    private String branch = "main";
    private Path record;
    private String model;
    private String environment;
    private String reason = RollbackSettings.DEFAULT_REASON;
    private String messageTemplate = RollbackSettings.DEFAULT_MESSAGE;
    private Author author = Author.fromEnvironment();
    private String buildUrl;
    private URI mlflowUrl;
    private SecretSource secrets = SecretSource.ENVIRONMENT;
    private ProgressListener progress = ProgressListener.NONE;
    private Clock clock = Clock.systemUTC();
    private boolean called;

    RollbackCommand() {
    }

    public RollbackCommand repository(final RepositorySettings settings) {
        this.repository = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** The branch to search for {@link #previous(String, String)}; a record names its own. */
    public RollbackCommand branch(final String name) {
        this.branch = name;
        return this;
    }

    /** Undo the promotion of this record (the {@code --report} of {@code mlgitops promote}). */
    public RollbackCommand record(final Path file) {
        this.record = file;
        return this;
    }

    /** Undo the latest promotion of the model to the environment found on the branch. */
    public RollbackCommand previous(final String modelName, final String environmentName) {
        this.model = modelName;
        this.environment = environmentName;
        return this;
    }

    public RollbackCommand reason(final String text) {
        this.reason = Objects.requireNonNull(text, "reason");
        return this;
    }

    public RollbackCommand messageTemplate(final String template) {
        this.messageTemplate = Objects.requireNonNull(template, "template");
        return this;
    }

    public RollbackCommand author(final Author value) {
        this.author = Objects.requireNonNull(value, "author");
        return this;
    }

    public RollbackCommand buildUrl(final String url) {
        this.buildUrl = url;
        return this;
    }

    public RollbackCommand mlflowUrl(final URI url) {
        this.mlflowUrl = url;
        return this;
    }

    public RollbackCommand secrets(final SecretSource source) {
        this.secrets = Objects.requireNonNull(source, "source");
        return this;
    }

    public RollbackCommand progress(final ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public RollbackCommand clock(final Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * @return the rollback record; FAILED when a value was changed again after the promotion
     * @throws MlGitOpsException when the promotion cannot be found or a service cannot be reached
     */
    public Report<PromotionResults> call() throws MlGitOpsException {
        if (called) {
            throw new IllegalStateException("A RollbackCommand runs once; get a new one from MlGitOps.rollback()");
        }
        called = true;
        if (repository == null) {
            throw new InvalidSettingsException("The rollback needs the GitOps repository (--repo).");
        }
        RollbackSource source = source();
        String onBranch = source instanceof RollbackSource.Recorded recorded ? recorded.branch() : branch;
        RollbackSettings settings = new RollbackSettings(source, onBranch, reason, messageTemplate, author.name(),
                author.email(), buildUrl);
        try (GitOpsRepository git = GitOpsRepositories.open(repository.withSecrets(secrets).withProgress(progress))) {
            return new Rollback(settings, git, Urls.redact(repository.remote()),
                    RegistryConnection.open(mlflowUrl, secrets), progress, clock).run();
        }
    }

    private RollbackSource source() throws MlGitOpsException {
        if ((record == null) == (model == null || environment == null)) {
            throw new InvalidSettingsException("Name the promotion to roll back: --record PROMOTION.json, or "
                    + "--environment ENV --model NAME --to-previous.");
        }
        if (record != null) {
            return RollbackSource.fromRecord(new ReportJson().read(record), record.toString());
        }
        return new RollbackSource.Previous(model, environment);
    }
}
