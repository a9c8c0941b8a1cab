package io.mlgitops.cli;

import io.mlgitops.api.MlGitOps;
import io.mlgitops.api.PromoteCommand;
import io.mlgitops.api.PullRequests;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.gitops.Durations;
import io.mlgitops.gitops.KubernetesSettings;
import io.mlgitops.gitops.ManifestEdits;
import io.mlgitops.gitops.PromotionResults;
import io.mlgitops.gitops.PromotionSettings;
import io.mlgitops.report.Report;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code mlgitops promote}: a model version into an environment, through the GitOps repository and the registry. */
@Command(name = "promote", sortOptions = false,
        description = "Promote a model version into an environment: edit its manifests in the GitOps repository, "
                + "push safely (or open a pull request), move the registry alias, tag the version, wait for Argo CD.%n"
                + "Values may hold {{model}}, {{version}}, {{environment}} and {{alias}}.")
final class PromoteSubcommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Not the standard help mixin: its {@code --version} would clash with the model version option. */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Mixin
    private RepositoryOptions repository;

    @Option(names = "--branch", paramLabel = "NAME", defaultValue = "main",
            description = "The branch Argo CD or Flux watches (default: ${DEFAULT-VALUE}).")
    private String branch;

    @Option(names = "--environment", required = true, paramLabel = "ENV", description = "The target environment.")
    private String environment;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The registered model name.")
    private String model;

    @Option(names = "--version", required = true, paramLabel = "V", description = "The model version to promote.")
    private String version;

    @Option(names = "--set-image", paramLabel = "FILE:IMAGE=NEWIMAGE:TAG",
            description = "Set a kustomization image (also =NEWIMAGE@sha256:.. or IMAGE:TAG). Repeatable.")
    private List<String> setImages = new ArrayList<>();

    @Option(names = "--set", paramLabel = "FILE[#N|:Kind/name]:PATH=VALUE",
            description = "Set a scalar at a dotted path in a YAML file. Repeatable.")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--mode", paramLabel = "push|pr", defaultValue = "push",
            description = "Push to the branch, or open a pull request (default: ${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--pr-provider", paramLabel = "github|gitlab", description = "Where pull requests are opened.")
    private String pullRequestProvider;

    @Option(names = "--pr-api-url", paramLabel = "URL",
            description = "GitHub API base or GitLab server (default: api.github.com / gitlab.com).")
    private URI pullRequestApi;

    @Option(names = "--pr-token-env", paramLabel = "VAR",
            description = "Variable holding the provider token (default: GITHUB_TOKEN or GITLAB_TOKEN).")
    private String pullRequestToken;

    @Option(names = "--pr-repository", paramLabel = "ID",
            description = "owner/repo or GitLab project path (default: from --repo).")
    private String pullRequestRepository;

    @Option(names = "--pr-branch", paramLabel = "TEMPLATE",
            defaultValue = PromotionSettings.DEFAULT_PULL_REQUEST_BRANCH,
            description = "Pull request branch (default: ${DEFAULT-VALUE}).")
    private String pullRequestBranch;

    @Option(names = "--alias", paramLabel = "NAME",
            description = "Registry alias to point at the version after the push.")
    private String alias;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Registry tag to set on the version. Repeatable.")
    private List<String> tags = new ArrayList<>();

    @Option(names = "--stage", paramLabel = "STAGE",
            description = "Legacy registry stage (deprecated since MLflow 2.9).")
    private String stage;

    @Option(names = "--requires", paramLabel = "ENV", description = "Refuse unless the version was promoted to ENV.")
    private String requires;

    @Option(names = "--soak", paramLabel = "DURATION", description = "... at least this long ago (e.g. 24h).")
    private String soak;

    @Option(names = "--allow-rejected", description = "Promote even a version tagged mlgitops.rejected.")
    private boolean allowRejected;

    @Option(names = "--wait-for-sync", paramLabel = "APP", description = "Wait until this Argo CD Application is "
            + "synced to the commit and healthy.")
    private String syncApplication;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m",
            description = "How long to wait for Argo CD (default: ${DEFAULT-VALUE}).")
    private String timeout;

    @Option(names = "--argocd-namespace", paramLabel = "NS", defaultValue = KubernetesSettings.ARGOCD_NAMESPACE,
            description = "Namespace of the Application (default: ${DEFAULT-VALUE}).")
    private String argoNamespace;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig (default: $KUBECONFIG, "
            + "~/.kube/config or in-cluster).")
    private Path kubeconfig;

    @Option(names = "--kube-context", paramLabel = "NAME", description = "Kubeconfig context.")
    private String kubeContext;

    @Option(names = "--promotion-id", paramLabel = "ID",
            description = "Promotion-Id trailer (default: a hash of model, version, environment and edits).")
    private String promotionId;

    @Option(names = "--message-template", paramLabel = "TEXT", defaultValue = PromotionSettings.DEFAULT_MESSAGE,
            description = "Commit subject (default: ${DEFAULT-VALUE}).")
    private String messageTemplate;

    @Option(names = "--report-digest", paramLabel = "SHA256",
            description = "Report-Digest trailer: the digest of the report that justified the promotion.")
    private String reportDigest;

    @Mixin
    private CommitOptions commit;

    @Mixin
    private RegistryOptions registry;

    @Mixin
    private ReportOptions output;

    @Override
    public Integer call() throws MlGitOpsException {
        if (setImages.isEmpty() && sets.isEmpty()) {
            throw new InvalidSettingsException("A promotion needs at least one --set-image or --set.");
        }
        PromoteCommand command = MlGitOps.promote().repository(repository.settings("The promotion")).branch(branch)
                .environment(environment).model(model).version(version).alias(alias).stage(stage)
                .allowRejected(allowRejected).promotionId(promotionId).messageTemplate(messageTemplate)
                .buildUrl(commit.buildUrl()).reportDigest(reportDigest).author(commit.author())
                .mlflowUrl(registry.url()).progress(new ConsoleProgress(spec.commandLine().getErr()));
        addEdits(command);
        tags().forEach(command::tag);
        if (requires != null || soak != null) {
            command.requires(requires, soak == null ? null : duration(soak, "--soak"));
        }
        if (syncApplication != null) {
            command.waitForSync(syncApplication, duration(timeout, "--timeout"), new KubernetesSettings(kubeconfig,
                    kubeContext, argoNamespace, KubernetesSettings.DEFAULTS.pollInterval(),
                    KubernetesSettings.DEFAULTS.http()));
        }
        if (pullRequestMode()) {
            command.pullRequest(pullRequests(), pullRequestBranch);
        }
        Report<PromotionResults> report = command.call();
        return output.publish(report, spec.commandLine().getOut(), out -> new PromotionSummary(report).print(out));
    }

    private void addEdits(final PromoteCommand command) throws InvalidSettingsException {
        try {
            for (String image : setImages) {
                command.edit(ManifestEdits.parseSetImage(image));
            }
            for (String set : sets) {
                command.edit(ManifestEdits.parseSet(set));
            }
        }
        catch (IllegalArgumentException malformed) {
            throw new InvalidSettingsException(malformed.getMessage(), malformed);
        }
    }

    private Map<String, String> tags() throws InvalidSettingsException {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String tag : tags) {
            int equals = tag.indexOf('=');
            if (equals <= 0) {
                throw new InvalidSettingsException("--tag must be KEY=VALUE, got '" + tag + "'");
            }
            parsed.put(tag.substring(0, equals), tag.substring(equals + 1));
        }
        return parsed;
    }

    private boolean pullRequestMode() throws InvalidSettingsException {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "push" -> false;
            case "pr" -> true;
            default -> throw new InvalidSettingsException("--mode must be push or pr, got '" + mode + "'");
        };
    }

    private PullRequests pullRequests() throws InvalidSettingsException {
        if (pullRequestProvider == null) {
            throw new InvalidSettingsException("--mode pr needs --pr-provider github or gitlab.");
        }
        String provider = pullRequestProvider.toLowerCase(Locale.ROOT);
        String token = pullRequestToken != null ? pullRequestToken
                : "gitlab".equals(provider) ? "GITLAB_TOKEN" : "GITHUB_TOKEN";
        return new PullRequests(provider, pullRequestApi, token, pullRequestRepository);
    }

    static Duration duration(final String text, final String option) throws InvalidSettingsException {
        try {
            return Durations.parse(text);
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidSettingsException(option + ": " + invalid.getMessage(), invalid);
        }
    }
}
