package io.mlgitops.api;

import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.gitops.ApplicationSync;
import io.mlgitops.gitops.ApplicationSyncs;
import io.mlgitops.gitops.GitOpsRepositories;
import io.mlgitops.gitops.GitOpsRepository;
import io.mlgitops.gitops.KubernetesSettings;
import io.mlgitops.gitops.ManifestEdit;
import io.mlgitops.gitops.Promotion;
import io.mlgitops.gitops.PromotionResults;
import io.mlgitops.gitops.PromotionSettings;
import io.mlgitops.gitops.PullRequestOpener;
import io.mlgitops.gitops.RepositorySettings;
import io.mlgitops.net.Urls;
import io.mlgitops.report.Report;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Promotes a model version into an environment: edits the environment's manifests in the GitOps repository, pushes
 * safely (or opens a pull request), moves the registry alias, tags the version, and waits for Argo CD. Single use.
 */
public final class PromoteCommand {
    private RepositorySettings repository;
    private String branch = "main";
    private String environment;
    private String model;
    private String version;
    private final List<ManifestEdit> edits = new ArrayList<>();
    private PullRequests pullRequests;
    private String pullRequestBranch = PromotionSettings.DEFAULT_PULL_REQUEST_BRANCH;
    private String alias;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private String stage;
    private String requiresEnvironment;
    private Duration soak;
    private boolean allowRejected;
    private String syncApplication;
    private Duration syncTimeout = PromotionSettings.DEFAULT_SYNC_TIMEOUT;
    private KubernetesSettings kubernetes = KubernetesSettings.DEFAULTS;
    private String promotionId;
    private String messageTemplate = PromotionSettings.DEFAULT_MESSAGE;
    private Author author = Author.fromEnvironment();
    private String buildUrl;
    private String reportDigest;
    private URI mlflowUrl;
    private SecretSource secrets = SecretSource.ENVIRONMENT;
    private ProgressListener progress = ProgressListener.NONE;
    private Clock clock = Clock.systemUTC();
    private boolean called;

    PromoteCommand() {
    }

    /** The GitOps repository and how to reach it. */
    public PromoteCommand repository(final RepositorySettings settings) {
        this.repository = Objects.requireNonNull(settings, "settings");
        return this;
    }

    public PromoteCommand branch(final String name) {
        this.branch = name;
        return this;
    }

    public PromoteCommand environment(final String name) {
        this.environment = name;
        return this;
    }

    public PromoteCommand model(final String name) {
        this.model = name;
        return this;
    }

    public PromoteCommand version(final String number) {
        this.version = number;
        return this;
    }

    /**
     * A manifest edit; values may hold {@code {{model}}}, {@code {{version}}}, {@code {{environment}}} and
     * {@code {{alias}}}.
     */
    public PromoteCommand edit(final ManifestEdit edit) {
        edits.add(Objects.requireNonNull(edit, "edit"));
        return this;
    }

    /** Opens a pull request instead of pushing to the branch. */
    public PromoteCommand pullRequest(final PullRequests provider, final String branchTemplate) {
        this.pullRequests = Objects.requireNonNull(provider, "provider");
        this.pullRequestBranch = branchTemplate;
        return this;
    }

    /** The registry alias to point at the version after the push. */
    public PromoteCommand alias(final String name) {
        this.alias = name;
        return this;
    }

    public PromoteCommand tag(final String key, final String value) {
        tags.put(key, value);
        return this;
    }

    /** The legacy registry stage (deprecated in MLflow 2.9). */
    public PromoteCommand stage(final String name) {
        this.stage = name;
        return this;
    }

    /** Refuse unless the version was promoted to {@code environment} at least {@code soakTime} ago. */
    public PromoteCommand requires(final String requiredEnvironment, final Duration soakTime) {
        this.requiresEnvironment = requiredEnvironment;
        this.soak = soakTime;
        return this;
    }

    public PromoteCommand allowRejected(final boolean allow) {
        this.allowRejected = allow;
        return this;
    }

    /** Waits until Argo CD has applied the commit to the Application, synced and healthy. */
    public PromoteCommand waitForSync(final String application, final Duration timeout,
            final KubernetesSettings settings) {
        this.syncApplication = application;
        this.syncTimeout = Objects.requireNonNull(timeout, "timeout");
        this.kubernetes = Objects.requireNonNull(settings, "settings");
        return this;
    }

    public PromoteCommand promotionId(final String id) {
        this.promotionId = id;
        return this;
    }

    public PromoteCommand messageTemplate(final String template) {
        this.messageTemplate = template;
        return this;
    }

    /** The commit author; default {@code GIT_AUTHOR_NAME}/{@code GIT_AUTHOR_EMAIL}. */
    public PromoteCommand author(final Author value) {
        this.author = Objects.requireNonNull(value, "author");
        return this;
    }

    public PromoteCommand buildUrl(final String url) {
        this.buildUrl = url;
        return this;
    }

    /** The digest of the report that justified the promotion (for example the benchmark's). */
    public PromoteCommand reportDigest(final String digest) {
        this.reportDigest = digest;
        return this;
    }

    public PromoteCommand mlflowUrl(final URI url) {
        this.mlflowUrl = url;
        return this;
    }

    public PromoteCommand secrets(final SecretSource source) {
        this.secrets = Objects.requireNonNull(source, "source");
        return this;
    }

    public PromoteCommand progress(final ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public PromoteCommand clock(final Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * Runs the promotion.
     *
     * @return the promotion record; FAILED when the registry refused the version, someone else changed a value we
     *         set, or Argo CD did not apply the commit
     * @throws MlGitOpsException when an input is wrong or a service cannot be reached
     */
    public Report<PromotionResults> call() throws MlGitOpsException {
        if (called) {
            throw new IllegalStateException("A PromoteCommand runs once; get a new one from MlGitOps.promote()");
        }
        called = true;
        if (repository == null) {
            throw new InvalidSettingsException("The promotion needs a GitOps repository (--repo).");
        }
        PromotionSettings settings = settings();
        String repositoryName = Urls.redact(repository.remote());
        try (GitOpsRepository git = GitOpsRepositories.open(repository.withSecrets(secrets).withProgress(progress));
                SyncClient sync = new SyncClient(syncApplication == null ? Optional.empty()
                        : Optional.of(ApplicationSyncs.argoCd(kubernetes)))) {
            Optional<PullRequestOpener> opener = pullRequests == null ? Optional.empty()
                    : Optional.of(pullRequests.opener(repository.remote(), secrets));
            return new Promotion(settings, git, repositoryName, RegistryConnection.open(mlflowUrl, secrets),
                    sync.client(), opener, progress, clock).run();
        }
    }

    private PromotionSettings settings() throws InvalidSettingsException {
        try {
            return new PromotionSettings(model, version, environment, branch, edits, pullRequests != null,
                    pullRequestBranch, alias, tags, stage, requiresEnvironment, soak, allowRejected, syncApplication,
                    syncTimeout, promotionId, messageTemplate, author.name(), author.email(), buildUrl,
                    reportDigest);
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidSettingsException(invalid.getMessage(), invalid);
        }
    }

    /** The Argo CD client, closed with the command. */
    private record SyncClient(Optional<ApplicationSync> client) implements AutoCloseable {
        @Override
        public void close() {
            client.ifPresent(ApplicationSync::close);
        }
    }
}
