package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.Author;
import io.mlgitops.api.MlGitOps;
import io.mlgitops.api.PromoteCommand;
import io.mlgitops.api.PullRequests;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.gitops.Durations;
import io.mlgitops.gitops.KubernetesSettings;
import io.mlgitops.gitops.PromotionResults;
import io.mlgitops.gitops.PromotionSettings;
import io.mlgitops.report.Report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of {@code mlPromote}, named as the options of {@code mlgitops promote} in camelCase
 * (docs/steps/mlPromote.md), and their translation into the engine's {@link PromoteCommand}. Runs on the agent: the
 * clone and the push happen in the agent's cache folder, with the credential the controller resolved.
 */
public final class PromoteRequest implements PromotionRequest {
    private static final long serialVersionUID = 1L;
    static final String KIND = "promotion";

    private String model;
    private String version;
    private String environment;
    private RepositorySpec repository;
    private String branch;
    private ArrayList<EditSpec> edits = new ArrayList<>();
    private String mode;
    private String pullRequestProvider;
    private String pullRequestApiUrl;
    private String pullRequestRepository;
    private String pullRequestBranch;
    private String alias;
    private ArrayList<String> tags = new ArrayList<>();
    private String requires;
    private String soak;
    private boolean allowRejected;
    private String waitForSync;
    private String timeout;
    private String argocdNamespace;
    private String kubeconfig;
    private KubernetesAccess syncCluster = KubernetesAccess.discovery(null);
    private String promotionId;
    private String messageTemplate;
    private String author;
    private String buildAuthorName;
    private String buildAuthorEmail;
    private String buildUrl;
    private String reportDigest;
    private String mlflowUrl;
    private String report;

    public PromoteRequest model(final String value) {
        this.model = value;
        return this;
    }

    public PromoteRequest version(final String value) {
        this.version = value;
        return this;
    }

    public PromoteRequest environment(final String value) {
        this.environment = value;
        return this;
    }

    public PromoteRequest repository(final RepositorySpec value) {
        this.repository = value;
        return this;
    }

    /** Blank for {@code main}. */
    public PromoteRequest branch(final String value) {
        this.branch = value;
        return this;
    }

    public PromoteRequest edits(final List<EditSpec> values) {
        this.edits = values == null ? new ArrayList<>() : new ArrayList<>(values);
        return this;
    }

    /** {@code push} or {@code pr}; blank for {@code push}. */
    public PromoteRequest mode(final String value) {
        this.mode = value;
        return this;
    }

    /** {@code github} or {@code gitlab}, for {@code mode: 'pr'}. */
    public PromoteRequest pullRequestProvider(final String value) {
        this.pullRequestProvider = value;
        return this;
    }

    public PromoteRequest pullRequestApiUrl(final String value) {
        this.pullRequestApiUrl = value;
        return this;
    }

    public PromoteRequest pullRequestRepository(final String value) {
        this.pullRequestRepository = value;
        return this;
    }

    public PromoteRequest pullRequestBranch(final String value) {
        this.pullRequestBranch = value;
        return this;
    }

    public PromoteRequest alias(final String value) {
        this.alias = value;
        return this;
    }

    /** Registry tags as {@code KEY=VALUE}. */
    public PromoteRequest tags(final List<String> values) {
        this.tags = Values.list(values);
        return this;
    }

    public PromoteRequest requires(final String value) {
        this.requires = value;
        return this;
    }

    public PromoteRequest soak(final String value) {
        this.soak = value;
        return this;
    }

    public PromoteRequest allowRejected(final boolean value) {
        this.allowRejected = value;
        return this;
    }

    /** The Argo CD Application to wait for. */
    public PromoteRequest waitForSync(final String value) {
        this.waitForSync = value;
        return this;
    }

    /** How long to wait for Argo CD ({@code 10m}, {@code 90s}, {@code PT5M}); blank for 10 minutes. */
    public PromoteRequest timeout(final String value) {
        this.timeout = value;
        return this;
    }

    public PromoteRequest argocdNamespace(final String value) {
        this.argocdNamespace = value;
        return this;
    }

    public PromoteRequest promotionId(final String value) {
        this.promotionId = value;
        return this;
    }

    public PromoteRequest messageTemplate(final String value) {
        this.messageTemplate = value;
        return this;
    }

    /** {@code Name <email>}; blank for the build's {@code GIT_AUTHOR_NAME}/{@code GIT_AUTHOR_EMAIL}. */
    public PromoteRequest author(final String value) {
        this.author = value;
        return this;
    }

    public PromoteRequest reportDigest(final String value) {
        this.reportDigest = value;
        return this;
    }

    @Override
    public PromoteRequest mlflowUrl(final String value) {
        this.mlflowUrl = value;
        return this;
    }

    /** A workspace path to write a copy of the record to (what {@code mlRollback record:} reads). */
    public PromoteRequest report(final String value) {
        this.report = value;
        return this;
    }

    /**
     * Takes {@code BUILD_URL} (the {@code Build-Url} trailer), {@code GIT_AUTHOR_NAME}/{@code GIT_AUTHOR_EMAIL} (the
     * default author) and {@code KUBECONFIG} (Argo CD's cluster) from the build's environment.
     */
    @Override
    public PromoteRequest buildEnvironment(final Map<String, String> variables) {
        this.buildUrl = Values.blankToNull(variables.get("BUILD_URL"));
        this.buildAuthorName = Values.blankToNull(variables.get("GIT_AUTHOR_NAME"));
        this.buildAuthorEmail = Values.blankToNull(variables.get("GIT_AUTHOR_EMAIL"));
        this.kubeconfig = Values.blankToNull(variables.get("KUBECONFIG"));
        return this;
    }

    /**
     * The cluster whose Argo CD {@code waitForSync} watches: the one configured in Manage Jenkins, resolved on the
     * controller for this call. The build's {@code KUBECONFIG} wins over it.
     */
    public PromoteRequest syncCluster(final KubernetesAccess cluster) {
        this.syncCluster = Objects.requireNonNull(cluster, "cluster");
        return this;
    }

    /**
     * The engine command for these parameters, with the agent's own cluster discovery for {@code waitForSync}.
     *
     * @throws InvalidSettingsException when a parameter is missing or its value is not one the engine accepts
     */
    public PromoteCommand command(final Path workspace, final RepositorySpec.Access access,
            final ProgressListener progress) throws InvalidSettingsException {
        return command(workspace, access, new KubernetesAccess.Opened(null, null, null), progress);
    }

    /**
     * The engine command for these parameters.
     *
     * @param cluster the cluster of {@code waitForSync}, opened on this machine
     * @throws InvalidSettingsException when a parameter is missing or its value is not one the engine accepts
     */
    private PromoteCommand command(final Path workspace, final RepositorySpec.Access access,
            final KubernetesAccess.Opened cluster, final ProgressListener progress) throws InvalidSettingsException {
        for (String[] required : new String[][] {{"model", model}, {"version", version},
            {"environment", environment}}) {
            if (Values.blankToNull(required[1]) == null) {
                throw new InvalidSettingsException("mlPromote needs " + required[0] + ".");
            }
        }
        if (edits.isEmpty()) {
            throw new InvalidSettingsException("mlPromote needs at least one edit: edits: [setImage(...)] or "
                    + "[setValue(...)].");
        }
        PromoteCommand command = MlGitOps.promote().repository(access.settings())
                .branch(Values.blankToNull(branch) == null ? "main" : branch.trim())
                .environment(environment.trim()).model(model.trim()).version(version.trim())
                .alias(Values.blankToNull(alias)).allowRejected(allowRejected)
                .promotionId(Values.blankToNull(promotionId))
                .messageTemplate(Values.blankToNull(messageTemplate) == null ? PromotionSettings.DEFAULT_MESSAGE
                        : messageTemplate)
                .author(author()).buildUrl(buildUrl).reportDigest(Values.blankToNull(reportDigest))
                .mlflowUrl(Choices.url("mlflowUrl", mlflowUrl)).secrets(access.secrets()).progress(progress);
        for (EditSpec edit : edits) {
            command.edit(edit.toEdit());
        }
        for (String tag : tags) {
            int equals = tag.indexOf('=');
            if (equals <= 0) {
                throw new InvalidSettingsException("tags must be KEY=VALUE, got '" + tag + "'");
            }
            command.tag(tag.substring(0, equals).trim(), tag.substring(equals + 1));
        }
        if (Values.blankToNull(requires) != null || Values.blankToNull(soak) != null) {
            command.requires(Values.blankToNull(requires), Values.blankToNull(soak) == null ? null
                    : duration("soak", soak));
        }
        if (Values.blankToNull(waitForSync) != null) {
            KubernetesSettings kubernetes = KubernetesSettings.DEFAULTS.withNamespace(
                    Values.blankToNull(argocdNamespace) == null ? KubernetesSettings.ARGOCD_NAMESPACE
                            : argocdNamespace.trim());
            kubernetes = kubeconfig != null ? kubernetes.withKubeconfig(WorkspacePaths.file(workspace, kubeconfig), null)
                    : cluster.applyTo(kubernetes);
            command.waitForSync(waitForSync.trim(), Values.blankToNull(timeout) == null
                    ? PromotionSettings.DEFAULT_SYNC_TIMEOUT : duration("timeout", timeout), kubernetes);
        }
        if (pullRequestMode()) {
            command.pullRequest(pullRequests(access), Values.blankToNull(pullRequestBranch) == null
                    ? PromotionSettings.DEFAULT_PULL_REQUEST_BRANCH : pullRequestBranch.trim());
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

    private boolean pullRequestMode() throws InvalidSettingsException {
        String chosen = Values.blankToNull(mode);
        if (chosen == null) {
            return false;
        }
        return switch (chosen.toLowerCase(Locale.ROOT)) {
            case "push" -> false;
            case "pr" -> true;
            default -> throw new InvalidSettingsException("mode must be push or pr, got '" + mode + "'");
        };
    }

    private PullRequests pullRequests(final RepositorySpec.Access access) throws InvalidSettingsException {
        String provider = Values.blankToNull(pullRequestProvider);
        if (provider == null) {
            throw new InvalidSettingsException("mode: 'pr' needs pullRequestProvider: 'github' or 'gitlab'.");
        }
        provider = provider.toLowerCase(Locale.ROOT);
        GitCredentials credentials = repository.credentials();
        String token = credentials.hasHttpsSecret() ? credentials.secretName()
                : "gitlab".equals(provider) ? "GITLAB_TOKEN" : "GITHUB_TOKEN";
        return new PullRequests(provider, Choices.url("pullRequestApiUrl", pullRequestApiUrl), token,
                Values.blankToNull(pullRequestRepository));
    }

    static Duration duration(final String parameter, final String text) throws InvalidSettingsException {
        try {
            return Durations.parse(text.trim());
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidSettingsException(parameter + ": " + invalid.getMessage(), invalid);
        }
    }

    @Override
    public List<String> secretValues() {
        List<String> values = new ArrayList<>(syncCluster.secretValues());
        if (repository != null) {
            values.addAll(repository.credentials().secretValues());
        }
        return values;
    }

    @Override
    public StepOutcome run(final Path workspace, final SecretSource secrets, final ProgressListener progress) {
        if (repository == null) {
            return StepOutcome.error(KIND, "mlPromote needs repository: the GitOps repository's URL or path, "
                    + "or set GitOps repository defaults in Manage Jenkins > System > ML GitOps.");
        }
        try (RepositorySpec.Access access = repository.open(workspace, secrets, progress);
                KubernetesAccess.Opened cluster = (Values.blankToNull(waitForSync) == null || kubeconfig != null
                        ? KubernetesAccess.discovery(null) : syncCluster).open(workspace)) {
            Report<PromotionResults> result = command(workspace, access, cluster, progress).call();
            return Outcomes.promotion(KIND, result, Outcomes.json(result, WorkspacePaths.file(workspace, report)));
        }
        catch (MlGitOpsException refused) {
            return StepOutcome.error(KIND, refused.getMessage());
        }
    }
}
