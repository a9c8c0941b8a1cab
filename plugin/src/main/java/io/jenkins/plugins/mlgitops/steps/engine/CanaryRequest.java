package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.CanaryCommand;
import io.mlgitops.api.CanaryRouting;
import io.mlgitops.api.MlGitOps;
import io.mlgitops.api.PromoteCommand;
import io.mlgitops.api.RollbackCommand;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.canary.BuiltInChecks;
import io.mlgitops.canary.CanaryProgress;
import io.mlgitops.canary.CanaryResults;
import io.mlgitops.canary.CheckSpec;
import io.mlgitops.canary.CheckSpecs;
import io.mlgitops.canary.Faults;
import io.mlgitops.canary.KubernetesRoute;
import io.mlgitops.canary.NoDataPolicy;
import io.mlgitops.canary.PrometheusSettings;
import io.mlgitops.canary.RollbackMode;
import io.mlgitops.canary.WebhookType;
import io.mlgitops.canary.WeightField;
import io.mlgitops.gitops.Durations;
import io.mlgitops.gitops.KubernetesSettings;
import io.mlgitops.report.Report;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of {@code mlCanary}, named as the options of {@code mlgitops canary} in camelCase, and their
 * translation into the engine's {@link CanaryCommand}. A request runs as a {@link CanaryRound} on the agent: one
 * <em>round</em> ({@link CanaryCommand#advance()}: at most one analysis, the state saved in the routed object's
 * annotation or the local router's state file), the whole run in one round where the engine keeps no state to
 * continue from (a dry run; Flagger and Argo Rollouts, which the step follows) or, as {@link #aborting()}, the
 * engine's abort (the rollback mode applied). It holds no credential, only names and values (the GitOps repository
 * without its credential, and the credential's id), so the step's execution keeps it in the build's program state
 * and a controller restart continues the rollout with the next round; the credential is resolved again for each
 * round and travels with the round only.
 */
public final class CanaryRequest implements Serializable, Cloneable {
    private static final long serialVersionUID = 1L;
    static final String KIND = "canary";
    /** The status of a round after which the rollout goes on. */
    public static final String IN_PROGRESS = "IN_PROGRESS";

    private String router;
    private String candidate;
    private String namespace;
    private String target;
    private String route;
    private String stableBackend;
    private String canaryBackend;
    private String stableWorkload;
    private String canaryWorkload;
    private String apiVersion;
    private String kubeconfig;
    private String kubeContext;
    private String steps;
    private String stepDuration;
    private String analysisInterval;
    private ArrayList<String> checks = new ArrayList<>();
    private ArrayList<String> comparisons = new ArrayList<>();
    private String prometheusUrl;
    private String scrapeInterval;
    private int minSamples = 50;
    private String onNoData;
    private String maxStepExtension;
    private int failureLimit = 2;
    private int consecutiveErrorLimit = 3;
    private String rollbackMode;
    private ArrayList<String> webhooks = new ArrayList<>();
    private String timeout;
    private String stable;
    private String traffic;
    private String targetColumn;
    private String features;
    private double rate = 50;
    private String stateFile;
    private String injectLatency;
    private double injectErrorRate;
    private String report;
    private String mode;
    private ArrayList<String> weightFields = new ArrayList<>();
    private String argocdApplication;
    private String argocdNamespace;
    private String syncTimeout;
    private boolean promoteNow;
    private boolean dryRun;
    private RepositorySpec repository;
    private String credentialsId;
    private String branch;
    private String author;
    private String messageTemplate;
    private String mlflowUrl;
    private String mlflowCredentialsId;
    private String prometheusCredentialsId;
    private String kubeconfigCredentialsId;
    private String rollbackRecord;
    private String model;
    private String version;
    private String environment;
    private String alias;
    private boolean promoteOnSuccess;
    private ArrayList<EditSpec> promoteEdits = new ArrayList<>();
    private boolean abort;
    private boolean continueOnly;

    public CanaryRequest router(final String value) {
        this.router = value;
        return this;
    }

    public CanaryRequest candidate(final String value) {
        this.candidate = value;
        return this;
    }

    /** The routed object: namespace, name, HTTP route or rule, backends, workloads and API version. */
    public CanaryRequest route(final String objectNamespace, final String objectName, final String section,
            final String stableBackendName, final String canaryBackendName) {
        this.namespace = objectNamespace;
        this.target = objectName;
        this.route = section;
        this.stableBackend = stableBackendName;
        this.canaryBackend = canaryBackendName;
        return this;
    }

    public CanaryRequest workloads(final String stableName, final String canaryName, final String version) {
        this.stableWorkload = stableName;
        this.canaryWorkload = canaryName;
        this.apiVersion = version;
        return this;
    }

    public CanaryRequest kubernetes(final String file, final String context) {
        this.kubeconfig = file;
        this.kubeContext = context;
        return this;
    }

    /** Weights {@code "1,5,25,100"}, step duration and analysis interval ({@code 10m}, {@code PT1M}). */
    public CanaryRequest schedule(final String weights, final String duration, final String interval) {
        this.steps = weights;
        this.stepDuration = duration;
        this.analysisInterval = interval;
        return this;
    }

    /** A {@code --check} in the command line's grammar, {@code NAME:min=N,critical=true}. */
    public CanaryRequest check(final String spec) {
        checks.add(spec);
        return this;
    }

    /** A {@code --compare} in the command line's grammar, {@code NAME:direction=decrease,maxDecrease=0.02}. */
    public CanaryRequest compare(final String spec) {
        comparisons.add(spec);
        return this;
    }

    public CanaryRequest prometheus(final String url, final String scrape) {
        this.prometheusUrl = url;
        this.scrapeInterval = scrape;
        return this;
    }

    public CanaryRequest policy(final int samples, final String noData, final String extension, final int failures,
            final int errors, final String mode, final String longest) {
        this.minSamples = samples;
        this.onNoData = noData;
        this.maxStepExtension = extension;
        this.failureLimit = failures;
        this.consecutiveErrorLimit = errors;
        this.rollbackMode = mode;
        this.timeout = longest;
        return this;
    }

    /** A {@code TYPE=URL} webhook. */
    public CanaryRequest webhook(final String spec) {
        webhooks.add(spec);
        return this;
    }

    /** The local router's models, traffic and state file (workspace paths). */
    public CanaryRequest local(final String stableModel, final String trafficCsv, final String label,
            final String featureColumns, final double requestsPerSecond, final String state) {
        this.stable = stableModel;
        this.traffic = trafficCsv;
        this.targetColumn = label;
        this.features = featureColumns;
        this.rate = requestsPerSecond;
        this.stateFile = state;
        return this;
    }

    public CanaryRequest faults(final String latency, final double errorRate) {
        this.injectLatency = latency;
        this.injectErrorRate = errorRate;
        return this;
    }

    public CanaryRequest report(final String value) {
        this.report = value;
        return this;
    }

    /**
     * {@code direct} (blank) or {@code gitops}: each weight committed to the GitOps repository's {@code weightFields}
     * ({@code FILE[#N|:Kind/name]:PATH=canary|stable}) and waited for in Argo CD's {@code argocdApplication} (in
     * {@code direct} mode checked for its {@code ignoreDifferences}) up to {@code syncTimeout} for each weight.
     */
    public CanaryRequest gitops(final String routerMode, final List<String> fields, final String application,
            final String applicationNamespace, final String perWeightTimeout) {
        this.mode = routerMode;
        this.weightFields = Values.list(fields);
        this.argocdApplication = application;
        this.argocdNamespace = applicationNamespace;
        this.syncTimeout = perWeightTimeout;
        return this;
    }

    /** Flagger and Argo Rollouts: ask the controller to promote now. */
    public CanaryRequest promoteNow(final boolean value) {
        this.promoteNow = value;
        return this;
    }

    /** Measure and decide, never act. */
    public CanaryRequest dryRun(final boolean value) {
        this.dryRun = value;
        return this;
    }

    /**
     * The GitOps repository of {@code mode: 'gitops'}, the full rollback and the promotion, and who commits. The
     * repository is kept without a credential: {@code id} names the Jenkins credential resolved for each round.
     *
     * @throws IllegalArgumentException when {@code location} carries a credential
     */
    public CanaryRequest repository(final RepositorySpec location, final String id, final String branchName,
            final String commitAuthor, final String message) {
        if (location != null && location.credentials().kind() != GitCredentials.Kind.NONE) {
            throw new IllegalArgumentException("A canary request keeps no credential: give its id, not "
                    + location.credentials());
        }
        this.repository = location;
        this.credentialsId = id;
        this.branch = branchName;
        this.author = commitAuthor;
        this.messageTemplate = message;
        return this;
    }

    /** The MLflow server of the full rollback and the promotion; blank for the build's tracking URI. */
    public CanaryRequest mlflowUrl(final String value) {
        this.mlflowUrl = value;
        return this;
    }

    /**
     * The Jenkins credentials of the chosen MLflow server, Prometheus and cluster (a kubeconfig Secret file), by id
     * only ({@code null}: the build's variables, the agent's kubeconfig discovery); resolved for every round.
     */
    public CanaryRequest serviceCredentials(final String mlflowId, final String prometheusId,
            final String kubeconfigId) {
        this.mlflowCredentialsId = mlflowId;
        this.prometheusCredentialsId = prometheusId;
        this.kubeconfigCredentialsId = kubeconfigId;
        return this;
    }

    public String mlflowCredentialsId() {
        return Values.blankToNull(mlflowCredentialsId);
    }

    public String prometheusCredentialsId() {
        return Values.blankToNull(prometheusCredentialsId);
    }

    public String kubeconfigCredentialsId() {
        return Values.blankToNull(kubeconfigCredentialsId);
    }

    /** The kubeconfig context of the call, or {@code null} for the current one. */
    public String kubeContext() {
        return Values.blankToNull(kubeContext);
    }

    /**
     * The candidate's release: the promotion a full rollback undoes without a record (the latest of
     * {@code modelName} to {@code environmentName}), and what {@code promoteOnSuccess} promotes.
     */
    public CanaryRequest release(final String modelName, final String modelVersion, final String environmentName,
            final String aliasName) {
        this.model = modelName;
        this.version = modelVersion;
        this.environment = environmentName;
        this.alias = aliasName;
        return this;
    }

    /** The record of the candidate's promotion that a full rollback undoes in git and the registry. */
    public CanaryRequest rollbackRecord(final String workspaceFile) {
        this.rollbackRecord = workspaceFile;
        return this;
    }

    /** After the candidate took all traffic: promote it with these edits (and the release's alias). */
    public CanaryRequest promoteOnSuccess(final boolean value, final List<EditSpec> edits) {
        this.promoteOnSuccess = value;
        this.promoteEdits = edits == null ? new ArrayList<>() : new ArrayList<>(edits);
        return this;
    }

    /** The id of the Jenkins credential for the GitOps repository, or {@code null}: resolved for every round. */
    public String credentialsId() {
        return Values.blankToNull(credentialsId);
    }

    /**
     * This request for one run on the agent, with what it must not keep: the credential resolved on the controller
     * for this round, and the build's variables (only {@link CanaryRound#BUILD_VARIABLES} are taken).
     */
    public CanaryRound round(final GitCredentials credentials, final Map<String, String> buildVariables) {
        return round(credentials, KubernetesAccess.discovery(kubeContext()), buildVariables);
    }

    /** As {@link #round(GitCredentials, Map)}, with the cluster's kubeconfig resolved on the controller too. */
    public CanaryRound round(final GitCredentials credentials, final KubernetesAccess cluster,
            final Map<String, String> buildVariables) {
        return new CanaryRound(this, credentials, cluster, buildVariables);
    }

    /**
     * Whether the whole run is one round, the engine's {@link CanaryCommand#call()}: a dry run keeps no state to
     * continue from, and Flagger and Argo Rollouts drive the rollout themselves, so the step follows it in one round.
     * The agent's thread then waits for the whole rollout; a controller restart starts the round again.
     */
    public boolean runsInOneRound() {
        return dryRun || watchedController() != null;
    }

    /** This request as the engine's abort: the rollout in progress is rolled back by the rollback mode. */
    public CanaryRequest aborting() {
        CanaryRequest copy = copy();
        copy.abort = true;
        return copy;
    }

    /**
     * This request for the rounds after the first: they only continue the stored rollout, so that a round repeated
     * after its answer was lost (a broken agent channel) cannot start the rollout again once it ended.
     */
    public CanaryRequest continuing() {
        CanaryRequest copy = copy();
        copy.continueOnly = true;
        return copy;
    }

    private CanaryRequest copy() {
        try {
            CanaryRequest copy = (CanaryRequest) super.clone();
            copy.checks = new ArrayList<>(checks);
            copy.comparisons = new ArrayList<>(comparisons);
            copy.webhooks = new ArrayList<>(webhooks);
            copy.weightFields = new ArrayList<>(weightFields);
            copy.promoteEdits = new ArrayList<>(promoteEdits);
            return copy;
        }
        catch (CloneNotSupportedException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public boolean isAbort() {
        return abort;
    }

    /** The analysis interval, for the step's timer: rounds are this far apart. */
    public Duration interval() throws InvalidSettingsException {
        return duration("analysisInterval", analysisInterval, Duration.ofMinutes(1));
    }

    /**
     * The engine command for these parameters.
     *
     * @param access    the GitOps repository opened with this round's credential, or {@code null} when no parameter
     *                  needs it
     * @param secrets   the build's secrets
     * @param variables the build's variables, for the commits' author and {@code Build-Url}
     * @throws InvalidSettingsException when a parameter is missing or malformed; the message names it
     */
    CanaryCommand command(final Path workspace, final RepositorySpec.Access access, final Path clusterKubeconfig,
            final SecretSource secrets, final Map<String, String> variables, final ProgressListener progress)
            throws InvalidSettingsException {
        if (Values.blankToNull(candidate) == null) {
            throw new InvalidSettingsException("mlCanary needs candidate: the candidate's reference (e.g. churn:7).");
        }
        CanaryCommand command = MlGitOps.canary().candidate(candidate.trim()).routing(routing(workspace, access, clusterKubeconfig))
                .abort(abort).promoteNow(promoteNow).dryRun(dryRun)
                .argoApplication(gitops() ? null : Values.blankToNull(argocdApplication))
                .secrets(access == null ? secrets : access.secrets()).progress(progress);
        try {
            command.steps(weights()).stepDuration(duration("stepDuration", stepDuration, Duration.ofMinutes(10)))
                    .analysisInterval(interval()).minSamples(minSamples)
                    .onNoData(Choices.choice("onNoData", onNoData, NoDataPolicy.class, NoDataPolicy.HOLD),
                            duration("maxStepExtension", maxStepExtension, Duration.ofMinutes(30)))
                    .failureLimit(failureLimit).consecutiveErrorLimit(consecutiveErrorLimit)
                    .rollbackMode(rollbackMode()).timeout(duration("timeout", timeout, Duration.ofHours(2)));
            List<CheckSpec> specs = new ArrayList<>();
            for (String check : checks) {
                specs.add(CheckSpecs.parseCheck(check, name -> BuiltInChecks.find(name).orElse(null)));
            }
            for (String comparison : comparisons) {
                specs.add(CheckSpecs.parseCompare(comparison, name -> BuiltInChecks.find(name).orElse(null)));
            }
            CheckSpecs.combine(specs).forEach(command::check);
            for (String webhook : webhooks) {
                int equals = webhook.indexOf('=');
                if (equals <= 0) {
                    throw new InvalidSettingsException("mlCanary webhooks must be 'TYPE=URL', got '" + webhook + "'");
                }
                command.webhook(WebhookType.parse(webhook.substring(0, equals)),
                        Choices.url("webhooks", webhook.substring(equals + 1)));
            }
            if (Values.blankToNull(prometheusUrl) != null) {
                command.prometheus(PrometheusSettings.of(Choices.url("prometheusUrl", prometheusUrl))
                        .withScrapeInterval(duration("scrapeInterval", scrapeInterval, Duration.ofSeconds(15))));
            }
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidSettingsException(invalid.getMessage(), invalid);
        }
        if (rollsBackAPromotion()) {
            command.rollBackPromotion(rollback(workspace, access, variables, progress));
        }
        if (promoteOnSuccess) {
            command.promoteOnSuccess(promotion(workspace, access, variables, progress));
        }
        return command;
    }

    /**
     * Flagger and Argo Rollouts analyse, promote and roll back themselves; {@code promoteNow} is only for them;
     * {@code mode: 'gitops'} only for routers whose weights are manifest fields.
     */
    private void refuseWhatTheRouterIgnores() throws InvalidSettingsException {
        boolean watched = watchedController() != null;
        if ((watched || "local".equals(kind())) && gitops()) {
            throw new InvalidSettingsException("mlCanary mode: 'gitops' needs a router whose weights are manifest "
                    + "fields (istio, gateway-api, smi or kserve), not '" + router + "': leave mode out.");
        }
        if (promoteNow && !watched) {
            throw new InvalidSettingsException("mlCanary promoteNow asks Flagger or Argo Rollouts to promote now; "
                    + "with router '" + router + "' leave it out (the step promotes once the last step passes).");
        }
        if (watched && (dryRun || promoteOnSuccess || rollsBackAPromotion())) {
            throw new InvalidSettingsException("mlCanary with router '" + router + "' follows the controller, which "
                    + "analyses, promotes and rolls back itself: leave out dryRun, rollbackRecord, model/environment "
                    + "and promoteOnSuccess.");
        }
    }

    /** A full rollback undoes a promotion: the record's, or the latest of model to environment. */
    private boolean rollsBackAPromotion() {
        return Values.blankToNull(rollbackRecord) != null || !promoteOnSuccess
                && Values.blankToNull(model) != null && Values.blankToNull(environment) != null;
    }

    private boolean needsRepository() throws InvalidSettingsException {
        return gitops() || rollsBackAPromotion() || promoteOnSuccess;
    }

    private boolean gitops() throws InvalidSettingsException {
        String chosen = Values.blankToNull(mode);
        if (chosen == null || "direct".equalsIgnoreCase(chosen.trim())) {
            return false;
        }
        if ("gitops".equalsIgnoreCase(chosen.trim())) {
            return true;
        }
        throw new InvalidSettingsException("mlCanary mode must be direct or gitops, got '" + mode + "'");
    }

    private RollbackCommand rollback(final Path workspace, final RepositorySpec.Access access,
            final Map<String, String> variables, final ProgressListener progress) throws InvalidSettingsException {
        RollbackRequest request = new RollbackRequest().branch(branch).messageTemplate(messageTemplate)
                .author(author).mlflowUrl(mlflowUrl).buildEnvironment(variables);
        if (Values.blankToNull(rollbackRecord) != null) {
            request.record(rollbackRecord);
        }
        else {
            request.model(model).environment(environment);
        }
        return request.command(workspace, access, progress);
    }

    private PromoteCommand promotion(final Path workspace, final RepositorySpec.Access access,
            final Map<String, String> variables, final ProgressListener progress) throws InvalidSettingsException {
        if (Values.blankToNull(model) == null || Values.blankToNull(version) == null
                || Values.blankToNull(environment) == null || promoteEdits.isEmpty()) {
            throw new InvalidSettingsException("mlCanary promoteOnSuccess needs model, version, environment and "
                    + "promoteEdits: [setImage(...)] or [setValue(...)], the stable manifests to promote to.");
        }
        return new PromoteRequest().model(model).version(version).environment(environment).branch(branch)
                .edits(promoteEdits).alias(alias).messageTemplate(messageTemplate).author(author)
                .mlflowUrl(mlflowUrl).buildEnvironment(variables).command(workspace, access, progress);
    }

    private List<Integer> weights() throws InvalidSettingsException {
        if (Values.blankToNull(steps) == null) {
            return List.of(1, 5, 25, 100);
        }
        try {
            return Arrays.stream(steps.split(",")).map(String::trim).map(Integer::valueOf).toList();
        }
        catch (NumberFormatException malformed) {
            throw new InvalidSettingsException("mlCanary steps must be percentages such as '1,5,25,100', got '"
                    + steps + "'", malformed);
        }
    }

    private RollbackMode rollbackMode() throws InvalidSettingsException {
        String mode = Values.blankToNull(rollbackMode);
        if (mode == null) {
            return RollbackMode.FULL;
        }
        return switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "full" -> RollbackMode.FULL;
            case "trafficonly", "traffic_only" -> RollbackMode.TRAFFIC_ONLY;
            case "freeze" -> RollbackMode.FREEZE;
            default -> throw new InvalidSettingsException("mlCanary rollbackMode must be full, trafficOnly or "
                    + "freeze, got '" + rollbackMode + "'");
        };
    }

    /** @param clusterKubeconfig the kubeconfig of a configured cluster, written for this round, or {@code null} */
    private CanaryRouting routing(final Path workspace, final RepositorySpec.Access access,
            final Path clusterKubeconfig) throws InvalidSettingsException {
        String kind = kind();
        if ("local".equals(kind)) {
            if (Values.blankToNull(stable) == null || Values.blankToNull(traffic) == null) {
                throw new InvalidSettingsException("mlCanary with router: 'local' needs stable, candidate and "
                        + "traffic (with targetColumn for online accuracy).");
            }
            try {
                List<String> columns = Values.blankToNull(features) == null ? List.of()
                        : Arrays.stream(features.split(",")).map(String::trim).toList();
                return new CanaryRouting.Local(WorkspacePaths.modelReference(workspace, stable),
                        WorkspacePaths.modelReference(workspace, candidate.trim()),
                        WorkspacePaths.file(workspace, traffic), Values.blankToNull(targetColumn), columns, rate,
                        WorkspacePaths.file(workspace, Values.blankToNull(stateFile) == null ? "canary-state.json"
                                : stateFile), new Faults(duration("injectLatency", injectLatency, Duration.ZERO),
                                injectErrorRate));
            }
            catch (IllegalArgumentException invalid) {
                throw new InvalidSettingsException(invalid.getMessage(), invalid);
            }
        }
        Path stepKubeconfig = Values.blankToNull(kubeconfig) == null ? null
                : WorkspacePaths.file(workspace, kubeconfig);
        KubernetesSettings cluster = KubernetesSettings.DEFAULTS.withKubeconfig(
                clusterKubeconfig != null ? clusterKubeconfig : stepKubeconfig, kubeContext()).withNamespace(Values.blankToNull(argocdNamespace) == null
                        ? KubernetesSettings.ARGOCD_NAMESPACE : argocdNamespace.trim());
        CanaryRouting.Controller controller = watchedController();
        if (controller != null) {
            KubernetesRoute followed = kubernetesRoute();
            return new CanaryRouting.Watched(controller, followed.namespace(), followed.name(), cluster,
                    KubernetesSettings.DEFAULTS.pollInterval());
        }
        CanaryRouting.Kind routed = switch (kind) {
            case "istio" -> CanaryRouting.Kind.ISTIO;
            case "gateway-api" -> CanaryRouting.Kind.GATEWAY_API;
            case "smi" -> CanaryRouting.Kind.SMI;
            case "kserve" -> CanaryRouting.Kind.KSERVE;
            default -> throw new InvalidSettingsException("mlCanary router must be istio, gateway-api, smi, kserve, "
                    + "flagger, argo-rollouts or local, got '" + router + "'");
        };
        CanaryRouting.Cluster direct = new CanaryRouting.Cluster(routed, kubernetesRoute(), cluster);
        if (!gitops()) {
            return direct;
        }
        if (weightFields.isEmpty()) {
            throw new InvalidSettingsException("mlCanary mode: 'gitops' needs weightFields: ['FILE:PATH=canary'] "
                    + "(and 'FILE:PATH=stable' for routers with two weights), the manifest fields of the weights.");
        }
        List<WeightField> fields = new ArrayList<>();
        for (String field : weightFields) {
            try {
                fields.add(WeightField.parse(field));
            }
            catch (IllegalArgumentException malformed) {
                throw new InvalidSettingsException("mlCanary weightFields: " + malformed.getMessage()
                        + " (write 'FILE[#N|:Kind/name]:PATH=canary|stable')", malformed);
            }
        }
        return new CanaryRouting.ThroughGit(direct, access.settings(),
                Values.blankToNull(branch) == null ? "main" : branch.trim(), fields,
                Values.blankToNull(argocdApplication), duration("syncTimeout", syncTimeout, Duration.ofMinutes(5)));
    }

    private String kind() {
        return Values.blankToNull(router) == null ? "" : router.trim().toLowerCase(Locale.ROOT);
    }

    /** Flagger or Argo Rollouts, or {@code null} for a router the step drives. */
    private CanaryRouting.Controller watchedController() {
        return switch (kind()) {
            case "flagger" -> CanaryRouting.Controller.FLAGGER;
            case "argo-rollouts" -> CanaryRouting.Controller.ARGO_ROLLOUTS;
            default -> null;
        };
    }

    private KubernetesRoute kubernetesRoute() throws InvalidSettingsException {
        if (Values.blankToNull(namespace) == null || Values.blankToNull(target) == null) {
            throw new InvalidSettingsException("mlCanary with a cluster router needs namespace and target.");
        }
        try {
            KubernetesRoute routed = KubernetesRoute.of(namespace.trim(), target.trim());
            if (Values.blankToNull(route) != null) {
                routed = routed.withSection(route.trim());
            }
            if (Values.blankToNull(stableBackend) != null || Values.blankToNull(canaryBackend) != null) {
                routed = routed.withBackends(backend("stableBackend", stableBackend),
                        backend("canaryBackend", canaryBackend));
            }
            if (Values.blankToNull(stableWorkload) != null || Values.blankToNull(canaryWorkload) != null) {
                routed = routed.withWorkloads(required("stableWorkload", stableWorkload),
                        required("canaryWorkload", canaryWorkload));
            }
            return Values.blankToNull(apiVersion) == null ? routed : routed.withApiVersion(apiVersion.trim());
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidSettingsException(invalid.getMessage(), invalid);
        }
    }

    private static KubernetesRoute.Backend backend(final String parameter, final String text)
            throws InvalidSettingsException {
        String value = required(parameter, text);
        int slash = value.indexOf('/');
        return slash > 0 ? KubernetesRoute.Backend.subset(value.substring(0, slash), value.substring(slash + 1))
                : KubernetesRoute.Backend.named(value);
    }

    private static String required(final String parameter, final String value) throws InvalidSettingsException {
        if (Values.blankToNull(value) == null) {
            throw new InvalidSettingsException("mlCanary needs " + parameter + " with this router.");
        }
        return value.trim();
    }

    private static Duration duration(final String parameter, final String text, final Duration fallback)
            throws InvalidSettingsException {
        if (Values.blankToNull(text) == null) {
            return fallback;
        }
        try {
            return Durations.parse(text.trim());
        }
        catch (IllegalArgumentException malformed) {
            throw new InvalidSettingsException("mlCanary " + parameter + " must be a duration such as 30s, 10m, 2h "
                    + "or PT10M, got '" + text + "'", malformed);
        }
    }

    /**
     * Runs this request's round on this machine, with the repository (when a parameter needs it) opened with the
     * round's credential; an input error is an outcome with status {@code ERROR}.
     */
    StepOutcome run(final Path workspace, final SecretSource secrets, final ProgressListener progress,
            final GitCredentials credentials, final KubernetesAccess cluster, final Map<String, String> variables) {
        try {
            refuseWhatTheRouterIgnores();
            try (KubernetesAccess.Opened opened = cluster.open(workspace)) {
                return runRound(workspace, secrets, progress, credentials, opened.kubeconfig(), variables);
            }
        }
        catch (MlGitOpsException refused) {
            return StepOutcome.error(KIND, refused.getMessage());
        }
    }

    private StepOutcome runRound(final Path workspace, final SecretSource secrets, final ProgressListener progress,
            final GitCredentials credentials, final Path clusterKubeconfig, final Map<String, String> variables)
            throws MlGitOpsException {
        try (RepositorySpec.Access access = openRepository(workspace, secrets, progress, credentials)) {
            CanaryCommand command = command(workspace, access, clusterKubeconfig, secrets, variables, progress);
            if (abort || runsInOneRound()) {
                Report<CanaryResults> ended = command.call();
                return Outcomes.canary(ended, Outcomes.json(ended, WorkspacePaths.file(workspace, report)));
            }
            CanaryProgress round = command.advance(continueOnly);
            if (round.ended()) {
                Report<CanaryResults> ended = round.report().orElseThrow();
                return Outcomes.canary(ended, Outcomes.json(ended, WorkspacePaths.file(workspace, report)));
            }
            return Outcomes.canaryInProgress(round);
        }
    }

    private RepositorySpec.Access openRepository(final Path workspace, final SecretSource secrets,
            final ProgressListener progress, final GitCredentials credentials) throws MlGitOpsException {
        if (!needsRepository()) {
            return null;
        }
        if (repository == null || Values.blankToNull(repository.remote()) == null) {
            throw new InvalidSettingsException("mlCanary needs repository (the GitOps repository's URL or path) for "
                    + "mode: 'gitops', rollbackRecord, model and environment, and promoteOnSuccess.");
        }
        return repository.withCredentials(credentials).open(workspace, secrets, progress);
    }
}
