package io.mlgitops.api;

import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.canary.Analyst;
import io.mlgitops.canary.CanaryActions;
import io.mlgitops.canary.CanaryController;
import io.mlgitops.canary.CanaryProgress;
import io.mlgitops.canary.CanaryResults;
import io.mlgitops.canary.CanarySettings;
import io.mlgitops.canary.CheckSpec;
import io.mlgitops.canary.MetricProvider;
import io.mlgitops.canary.MetricProviders;
import io.mlgitops.canary.NoDataPolicy;
import io.mlgitops.canary.PrometheusSettings;
import io.mlgitops.canary.RollbackMode;
import io.mlgitops.canary.TrafficRouter;
import io.mlgitops.canary.WatchedRolloutController;
import io.mlgitops.canary.WebhookType;
import io.mlgitops.gitops.PromotionResults;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.net.Sleeper;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportLog;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rolls a candidate out step by step (default 1, 5, 25, 100 percent), analyses it at every interval, and promotes it
 * or rolls it back — in traffic, and with a full rollback also in git and the registry. Or follows a rollout that
 * Flagger or Argo Rollouts drives. Single use.
 */
public final class CanaryCommand {
    private String candidate;
    private CanaryRouting routing;
    private PrometheusSettings prometheus;
    private List<Integer> steps = CanarySettings.DEFAULT_STEPS;
    private Duration stepDuration = Duration.ofMinutes(10);
    private Duration analysisInterval = Duration.ofMinutes(1);
    private final List<CheckSpec> checks = new ArrayList<>();
    private int minSamples = 50;
    private NoDataPolicy onNoData = NoDataPolicy.HOLD;
    private Duration maxStepExtension = Duration.ofMinutes(30);
    private int failureLimit = 2;
    private int consecutiveErrorLimit = 3;
    private RollbackMode rollbackMode = RollbackMode.FULL;
    private RollbackCommand rollback;
    private PromoteCommand promotion;
    private final Map<WebhookType, URI> webhooks = new EnumMap<>(WebhookType.class);
    private boolean dryRun;
    private Duration timeout = Duration.ofHours(2);
    private String argoApplication;
    private boolean abort;
    private boolean promoteNow;
    private SecretSource secrets = SecretSource.ENVIRONMENT;
    private ProgressListener progress = ProgressListener.NONE;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.THREAD;
    private boolean called;

    CanaryCommand() {
    }

    /** The candidate's identity (a model version, an image): the durable state belongs to it. */
    public CanaryCommand candidate(final String reference) {
        this.candidate = reference;
        return this;
    }

    public CanaryCommand routing(final CanaryRouting value) {
        this.routing = Objects.requireNonNull(value, "routing");
        return this;
    }

    /** The Prometheus the metrics come from; the local routing measures its own servers without it. */
    public CanaryCommand prometheus(final PrometheusSettings settings) {
        this.prometheus = settings;
        return this;
    }

    public CanaryCommand steps(final List<Integer> weights) {
        this.steps = List.copyOf(weights);
        return this;
    }

    public CanaryCommand stepDuration(final Duration value) {
        this.stepDuration = value;
        return this;
    }

    public CanaryCommand analysisInterval(final Duration value) {
        this.analysisInterval = value;
        return this;
    }

    public CanaryCommand check(final CheckSpec check) {
        checks.add(Objects.requireNonNull(check, "check"));
        return this;
    }

    public CanaryCommand minSamples(final int value) {
        this.minSamples = value;
        return this;
    }

    public CanaryCommand onNoData(final NoDataPolicy policy, final Duration maxExtension) {
        this.onNoData = Objects.requireNonNull(policy, "policy");
        this.maxStepExtension = Objects.requireNonNull(maxExtension, "maxExtension");
        return this;
    }

    public CanaryCommand failureLimit(final int value) {
        this.failureLimit = value;
        return this;
    }

    public CanaryCommand consecutiveErrorLimit(final int value) {
        this.consecutiveErrorLimit = value;
        return this;
    }

    public CanaryCommand rollbackMode(final RollbackMode mode) {
        this.rollbackMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** What a full rollback undoes in git and the registry: the candidate's promotion (the reason is set then). */
    public CanaryCommand rollBackPromotion(final RollbackCommand command) {
        this.rollback = command;
        return this;
    }

    /** The promotion of the candidate to the stable manifests and alias after it took all traffic. */
    public CanaryCommand promoteOnSuccess(final PromoteCommand command) {
        this.promotion = command;
        return this;
    }

    public CanaryCommand webhook(final WebhookType type, final URI url) {
        webhooks.put(type, url);
        return this;
    }

    public CanaryCommand dryRun(final boolean value) {
        this.dryRun = value;
        return this;
    }

    public CanaryCommand timeout(final Duration value) {
        this.timeout = value;
        return this;
    }

    /** The Argo CD Application that applies the routed object: warns when it lacks the ignoreDifferences entry. */
    public CanaryCommand argoApplication(final String name) {
        this.argoApplication = name;
        return this;
    }

    /** Roll back whatever rollout of the candidate is in progress (or ask a watched controller to abort). */
    public CanaryCommand abort(final boolean value) {
        this.abort = value;
        return this;
    }

    /** Ask a watched controller to promote now. */
    public CanaryCommand promoteNow(final boolean value) {
        this.promoteNow = value;
        return this;
    }

    public CanaryCommand secrets(final SecretSource source) {
        this.secrets = Objects.requireNonNull(source, "source");
        return this;
    }

    public CanaryCommand progress(final ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** The clock and the way to wait, for tests that run minutes of rollout without sleeping. */
    public CanaryCommand time(final Clock value, final Sleeper waiting) {
        this.clock = Objects.requireNonNull(value, "clock");
        this.sleeper = Objects.requireNonNull(waiting, "sleeper");
        return this;
    }

    /**
     * Runs the canary to its end: promoted, rolled back, or frozen.
     *
     * @throws MlGitOpsException when an input is wrong or a service cannot be reached
     */
    public Report<CanaryResults> call() throws MlGitOpsException {
        if (called) {
            throw new IllegalStateException("A CanaryCommand runs once; get a new one from MlGitOps.canary()");
        }
        called = true;
        if (routing == null || candidate == null) {
            throw new InvalidSettingsException("The canary needs a candidate and a router (--router).");
        }
        ReportLog log = new ReportLog(progress);
        if (routing instanceof CanaryRouting.Watched watched) {
            return CanaryEnvironment.watch(watched, candidate, timeout, clock, sleeper, log, promoteNow, abort);
        }
        CanarySettings settings = settings();
        try (CanaryEnvironment environment = CanaryEnvironment.open(routing, prometheus, secrets, candidate, clock,
                log)) {
            environment.warnAboutIgnoreDifferences(argoApplication);
            TrafficRouter router = environment.router();
            MetricProvider metrics = environment.metrics();
            Analyst analyst = new Analyst(settings.checks(), settings.minSamples(), metrics, router.targets(), clock);
            return new CanaryController(settings, router, analyst, actions(), HttpSettings.DEFAULTS, clock, sleeper,
                    log).run(abort);
        }
    }

    /**
     * Advances the rollout by at most one analysis interval and returns where it stands, for a caller that schedules
     * the rounds itself (the Jenkins step, on a timer, so that no thread waits between analyses). The first call
     * enters the first step; each later one analyses the interval that ended, judges it and steps on, ends the
     * rollout or leaves it where it is. The state is kept where {@link #call()} keeps it (the routed object's
     * annotation, or the local router's state file), so a round run by another process continues the rollout. The
     * local router measures only while it runs: its rounds wait one interval before analysing.
     *
     * @throws InvalidSettingsException with a dry run (it keeps no state to continue from) or a watched controller
     * @throws MlGitOpsException        when an input is wrong or a service cannot be reached
     */
    public CanaryProgress advance() throws MlGitOpsException {
        return advance(false);
    }

    /**
     * As {@link #advance()}; with {@code continueOnly} the round only continues a stored rollout and fails when
     * there is none (it ended, or its state was removed), for the rounds after the first.
     */
    public CanaryProgress advance(final boolean continueOnly) throws MlGitOpsException {
        if (called) {
            throw new IllegalStateException("A CanaryCommand runs once; get a new one from MlGitOps.canary()");
        }
        called = true;
        if (routing == null || candidate == null) {
            throw new InvalidSettingsException("The canary needs a candidate and a router (--router).");
        }
        if (routing instanceof CanaryRouting.Watched || dryRun || abort) {
            throw new InvalidSettingsException("A canary advances round by round only with a router it drives, "
                    + "without a dry run (which keeps no state to continue from) and without abort.");
        }
        ReportLog log = new ReportLog(progress);
        CanarySettings settings = settings();
        try (CanaryEnvironment environment = CanaryEnvironment.open(routing, prometheus, secrets, candidate, clock,
                log)) {
            TrafficRouter router = environment.router();
            Analyst analyst = new Analyst(settings.checks(), settings.minSamples(), environment.metrics(),
                    router.targets(), clock);
            return new CanaryController(settings, router, analyst, actions(), HttpSettings.DEFAULTS, clock, sleeper,
                    log).advance(routing instanceof CanaryRouting.Local, continueOnly);
        }
    }

    private CanarySettings settings() throws InvalidSettingsException {
        try {
            return new CanarySettings(candidate, steps, stepDuration, analysisInterval, checks, minSamples, onNoData,
                    maxStepExtension, failureLimit, consecutiveErrorLimit, rollbackMode, promotion != null, webhooks,
                    dryRun, timeout);
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidSettingsException(invalid.getMessage(), invalid);
        }
    }

    private CanaryActions actions() {
        return new CanaryActions() {
            @Override
            public Optional<Report<PromotionResults>> rollBack(final String reason) throws MlGitOpsException {
                return rollback == null ? Optional.empty()
                        : Optional.of(rollback.reason("canary of " + candidate + " failed: " + reason).call());
            }

            @Override
            public Optional<Report<PromotionResults>> promote() throws MlGitOpsException {
                return promotion == null ? Optional.empty() : Optional.of(promotion.call());
            }
        };
    }
}
