package io.mlgitops.cli;

import io.mlgitops.api.CanaryCommand;
import io.mlgitops.api.CanaryRouting;
import io.mlgitops.api.MlGitOps;
import io.mlgitops.api.PromoteCommand;
import io.mlgitops.api.RollbackCommand;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.canary.CanaryResults;
import io.mlgitops.canary.WeightField;
import io.mlgitops.gitops.KubernetesSettings;
import io.mlgitops.gitops.ManifestEdits;
import io.mlgitops.report.Report;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code mlgitops canary}: progressive rollout with analysis, rollback and promotion. */
@Command(name = "canary", sortOptions = false,
        description = "Shift traffic to a candidate step by step, analyse it at every interval against thresholds and "
                + "the stable version, and promote it or roll it back (in traffic, git and the registry). Or follow a "
                + "rollout Flagger or Argo Rollouts drives. Exit code 0 promoted, 1 rolled back or frozen.")
final class CanarySubcommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file of these options by long name; "
            + "options on the command line win.")
    private Path config;

    @Option(names = "--router", required = true, paramLabel = "KIND",
            description = "istio, gateway-api, smi, kserve, flagger, argo-rollouts or local.")
    private String router;

    @Option(names = "--mode", paramLabel = "direct|gitops", defaultValue = "direct",
            description = "Patch the cluster, or commit each weight to the GitOps repository (default: "
                    + "${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--candidate", required = true, paramLabel = "REF",
            description = "The candidate: a model reference for the local router, else its name (e.g. churn:7).")
    private String candidate;

    @Mixin
    private ClusterRouteOptions cluster;

    @Mixin
    private LocalCanaryOptions local;

    @Mixin
    private AnalysisOptions analysis;

    @Mixin
    private RepositoryOptions repository;

    @Option(names = "--branch", paramLabel = "NAME", defaultValue = "main",
            description = "GitOps branch (default: ${DEFAULT-VALUE}).")
    private String branch;

    @Option(names = "--weight-field", paramLabel = "FILE[#N|:Kind/name]:PATH=canary|stable",
            description = "Gitops mode: a manifest field holding a weight. Repeatable.")
    private List<String> weightFields = new ArrayList<>();

    @Option(names = "--argocd-application", paramLabel = "APP", description = "The Argo CD Application of the routed "
            + "object: waited for in gitops mode, checked for ignoreDifferences in direct mode.")
    private String argoApplication;

    @Option(names = "--argocd-namespace", paramLabel = "NS", defaultValue = KubernetesSettings.ARGOCD_NAMESPACE,
            description = "Namespace of Argo CD Applications (default: ${DEFAULT-VALUE}).")
    private String argoNamespace;

    @Option(names = "--sync-timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "Gitops mode: how long to wait for each weight to be applied (default: ${DEFAULT-VALUE}).")
    private String syncTimeout;

    @Option(names = "--rollback-record", paramLabel = "PROMOTION.json",
            description = "Full rollback: the promotion record of the candidate to undo in git and the registry.")
    private Path rollbackRecord;

    @Option(names = "--model", paramLabel = "NAME", description = "Full rollback without a record: undo the latest "
            + "promotion of this model to --environment; with --promote-on-success: the model to promote.")
    private String model;

    @Option(names = "--environment", paramLabel = "ENV", description = "The candidate's environment.")
    private String environment;

    @Option(names = "--version", paramLabel = "V", description = "With --promote-on-success: the version to promote.")
    private String version;

    @Option(names = "--promote-on-success", description = "After the candidate took all traffic, promote it to the "
            + "stable manifests (--promote-set-image/--promote-set) and alias (--alias).")
    private boolean promoteOnSuccess;

    @Option(names = "--promote-set-image", paramLabel = "FILE:IMAGE=NEWIMAGE:TAG", description = "Repeatable.")
    private List<String> promoteImages = new ArrayList<>();

    @Option(names = "--promote-set", paramLabel = "FILE:PATH=VALUE", description = "Repeatable.")
    private List<String> promoteValues = new ArrayList<>();

    @Option(names = "--alias", paramLabel = "NAME", description = "With --promote-on-success: the alias to move.")
    private String alias;

    @Option(names = "--abort", description = "Roll back the rollout in progress (or ask Flagger/Argo to abort).")
    private boolean abort;

    @Option(names = "--promote", description = "Flagger/Argo Rollouts: ask the controller to promote now.")
    private boolean promoteNow;

    @Mixin
    private CommitOptions commit;

    @Mixin
    private RegistryOptions registry;

    @Mixin
    private ReportOptions output;

    @Override
    public Integer call() throws MlGitOpsException {
        CanaryCommand command = MlGitOps.canary().candidate(candidate).abort(abort).promoteNow(promoteNow)
                .argoApplication("direct".equals(mode) ? argoApplication : null)
                .progress(new ConsoleProgress(spec.commandLine().getErr()));
        command.routing(routing());
        analysis.applyTo(command);
        if (rollbackRecord != null || model != null && environment != null && !promoteOnSuccess) {
            command.rollBackPromotion(rollback());
        }
        if (promoteOnSuccess) {
            command.promoteOnSuccess(promotion());
        }
        Report<CanaryResults> report = command.call();
        return output.publish(report, spec.commandLine().getOut(), out -> new CanarySummary(report).print(out));
    }

    private CanaryRouting routing() throws InvalidSettingsException {
        String kind = router.toLowerCase(Locale.ROOT);
        KubernetesSettings kubernetes = cluster.kubernetes(argoNamespace);
        return switch (kind) {
            case "local" -> local.routing(candidate);
            case "flagger" -> new CanaryRouting.Watched(CanaryRouting.Controller.FLAGGER, cluster.namespace(),
                    cluster.target(), kubernetes, ClusterRouteOptions.defaultPoll());
            case "argo-rollouts" -> new CanaryRouting.Watched(CanaryRouting.Controller.ARGO_ROLLOUTS,
                    cluster.namespace(), cluster.target(), kubernetes, ClusterRouteOptions.defaultPoll());
            default -> clusterRouting(kind, kubernetes);
        };
    }

    private CanaryRouting clusterRouting(final String kind, final KubernetesSettings kubernetes)
            throws InvalidSettingsException {
        CanaryRouting.Kind routed = switch (kind) {
            case "istio" -> CanaryRouting.Kind.ISTIO;
            case "gateway-api" -> CanaryRouting.Kind.GATEWAY_API;
            case "smi" -> CanaryRouting.Kind.SMI;
            case "kserve" -> CanaryRouting.Kind.KSERVE;
            default -> throw new InvalidSettingsException("--router must be istio, gateway-api, smi, kserve, flagger, "
                    + "argo-rollouts or local, got '" + router + "'");
        };
        CanaryRouting.Cluster direct = new CanaryRouting.Cluster(routed, cluster.route(), kubernetes);
        if ("direct".equalsIgnoreCase(mode)) {
            return direct;
        }
        if (!"gitops".equalsIgnoreCase(mode)) {
            throw new InvalidSettingsException("--mode must be direct or gitops, got '" + mode + "'");
        }
        if (weightFields.isEmpty()) {
            throw new InvalidSettingsException("--mode gitops needs --weight-field FILE:PATH=canary (and =stable for "
                    + "routers with two weights).");
        }
        return new CanaryRouting.ThroughGit(direct, repository.settings("--mode gitops"), branch, weightFields(),
                argoApplication, PromoteSubcommand.duration(syncTimeout, "--sync-timeout"));
    }

    private List<WeightField> weightFields() throws InvalidSettingsException {
        List<WeightField> fields = new ArrayList<>();
        for (String field : weightFields) {
            try {
                fields.add(WeightField.parse(field));
            }
            catch (IllegalArgumentException malformed) {
                throw new InvalidSettingsException("--weight-field: " + malformed.getMessage(), malformed);
            }
        }
        return fields;
    }

    private RollbackCommand rollback() throws InvalidSettingsException {
        RollbackCommand command = MlGitOps.rollback().repository(repository.settings("A full rollback")).branch(branch)
                .mlflowUrl(registry.url()).author(commit.author()).buildUrl(commit.buildUrl())
                .progress(new ConsoleProgress(spec.commandLine().getErr()));
        return rollbackRecord != null ? command.record(rollbackRecord) : command.previous(model, environment);
    }

    private PromoteCommand promotion() throws InvalidSettingsException {
        if (model == null || version == null || environment == null
                || promoteImages.isEmpty() && promoteValues.isEmpty()) {
            throw new InvalidSettingsException("--promote-on-success needs --model, --version, --environment and "
                    + "--promote-set-image or --promote-set.");
        }
        PromoteCommand command = MlGitOps.promote().repository(repository.settings("--promote-on-success"))
                .branch(branch).model(model).version(version).environment(environment).alias(alias)
                .mlflowUrl(registry.url()).author(commit.author()).buildUrl(commit.buildUrl())
                .progress(new ConsoleProgress(spec.commandLine().getErr()));
        try {
            for (String image : promoteImages) {
                command.edit(ManifestEdits.parseSetImage(image));
            }
            for (String value : promoteValues) {
                command.edit(ManifestEdits.parseSet(value));
            }
        }
        catch (IllegalArgumentException malformed) {
            throw new InvalidSettingsException(malformed.getMessage(), malformed);
        }
        return command;
    }
}
