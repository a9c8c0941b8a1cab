package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.CanaryCommand;
import io.mlgitops.api.CanaryRouting;
import io.mlgitops.api.MlGitOps;
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
import io.mlgitops.gitops.Durations;
import io.mlgitops.gitops.KubernetesSettings;
import io.mlgitops.report.Report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The parameters of {@code mlCanary}, named as the options of {@code mlgitops canary} in camelCase, and their
 * translation into the engine's {@link CanaryCommand}. A request runs one <em>round</em> on the agent
 * ({@link CanaryCommand#advance()}: at most one analysis, the state saved in the routed object's annotation or the
 * local router's state file) or, as {@link #aborting()}, the engine's abort (the rollback mode applied). It holds no
 * credential, only names and values, so the step's execution keeps it in the build's program state and a controller
 * restart continues the rollout with the next round.
 */
public final class CanaryRequest implements EngineRun {
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
        CanaryRequest copy = new CanaryRequest();
        copy.router = router;
        copy.candidate = candidate;
        copy.namespace = namespace;
        copy.target = target;
        copy.route = route;
        copy.stableBackend = stableBackend;
        copy.canaryBackend = canaryBackend;
        copy.stableWorkload = stableWorkload;
        copy.canaryWorkload = canaryWorkload;
        copy.apiVersion = apiVersion;
        copy.kubeconfig = kubeconfig;
        copy.kubeContext = kubeContext;
        copy.steps = steps;
        copy.stepDuration = stepDuration;
        copy.analysisInterval = analysisInterval;
        copy.checks = new ArrayList<>(checks);
        copy.comparisons = new ArrayList<>(comparisons);
        copy.prometheusUrl = prometheusUrl;
        copy.scrapeInterval = scrapeInterval;
        copy.minSamples = minSamples;
        copy.onNoData = onNoData;
        copy.maxStepExtension = maxStepExtension;
        copy.failureLimit = failureLimit;
        copy.consecutiveErrorLimit = consecutiveErrorLimit;
        copy.rollbackMode = rollbackMode;
        copy.webhooks = new ArrayList<>(webhooks);
        copy.timeout = timeout;
        copy.stable = stable;
        copy.traffic = traffic;
        copy.targetColumn = targetColumn;
        copy.features = features;
        copy.rate = rate;
        copy.stateFile = stateFile;
        copy.injectLatency = injectLatency;
        copy.injectErrorRate = injectErrorRate;
        copy.report = report;
        copy.abort = abort;
        copy.continueOnly = continueOnly;
        return copy;
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
     * @throws InvalidSettingsException when a parameter is missing or malformed; the message names it
     */
    public CanaryCommand command(final Path workspace, final SecretSource secrets, final ProgressListener progress)
            throws InvalidSettingsException {
        if (Values.blankToNull(candidate) == null) {
            throw new InvalidSettingsException("mlCanary needs candidate: the candidate's reference (e.g. churn:7).");
        }
        CanaryCommand command = MlGitOps.canary().candidate(candidate.trim()).routing(routing(workspace))
                .abort(abort).secrets(secrets).progress(progress);
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
        return command;
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

    private CanaryRouting routing(final Path workspace) throws InvalidSettingsException {
        String kind = Values.blankToNull(router) == null ? "" : router.trim().toLowerCase(Locale.ROOT);
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
        CanaryRouting.Kind routed = switch (kind) {
            case "istio" -> CanaryRouting.Kind.ISTIO;
            case "gateway-api" -> CanaryRouting.Kind.GATEWAY_API;
            case "smi" -> CanaryRouting.Kind.SMI;
            case "kserve" -> CanaryRouting.Kind.KSERVE;
            default -> throw new InvalidSettingsException("mlCanary router must be istio, gateway-api, smi, kserve "
                    + "or local, got '" + router + "' (Flagger and Argo Rollouts: use mlgitops canary)");
        };
        KubernetesSettings cluster = KubernetesSettings.DEFAULTS.withKubeconfig(
                Values.blankToNull(kubeconfig) == null ? null : WorkspacePaths.file(workspace, kubeconfig),
                Values.blankToNull(kubeContext));
        return new CanaryRouting.Cluster(routed, kubernetesRoute(), cluster);
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

    @Override
    public StepOutcome run(final Path workspace, final SecretSource secrets, final ProgressListener progress) {
        try {
            CanaryCommand command = command(workspace, secrets, progress);
            if (abort) {
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
        catch (MlGitOpsException refused) {
            return StepOutcome.error(KIND, refused.getMessage());
        }
    }
}
