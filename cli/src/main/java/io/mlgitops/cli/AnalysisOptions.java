package io.mlgitops.cli;

import io.mlgitops.api.CanaryCommand;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.canary.BuiltInChecks;
import io.mlgitops.canary.CheckSpec;
import io.mlgitops.canary.CheckSpecs;
import io.mlgitops.canary.NoDataPolicy;
import io.mlgitops.canary.PrometheusSettings;
import io.mlgitops.canary.RollbackMode;
import io.mlgitops.canary.WebhookType;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The steps, the analysis and its policy, shared by every driven router. */
final class AnalysisOptions {
    @Option(names = "--steps", split = ",", paramLabel = "PERCENT",
            description = "Canary weights (default: 1,5,25,100).")
    private List<Integer> steps = new ArrayList<>(List.of(1, 5, 25, 100));

    @Option(names = "--step-duration", paramLabel = "DURATION", defaultValue = "10m",
            description = "How long each step runs with passing analyses (default: ${DEFAULT-VALUE}).")
    private String stepDuration;

    @Option(names = "--analysis-interval", paramLabel = "DURATION", defaultValue = "1m",
            description = "How often the metrics are analysed, and their window (default: ${DEFAULT-VALUE}).")
    private String analysisInterval;

    @Option(names = "--check", paramLabel = "NAME:min=..|max=..", description = "Absolute bound on the canary: "
            + "request-success-rate, request-duration, model-accuracy, data-drift-score, prediction-confidence, or a "
            + "custom query=PROMQL,samples=PROMQL. Repeatable.")
    private List<String> checks = new ArrayList<>();

    @Option(names = "--compare", paramLabel = "NAME:direction=..,maxIncrease=..", description = "Comparison with the "
            + "stable version over the same window (Mann-Whitney U with an effect-size bound). Repeatable.")
    private List<String> comparisons = new ArrayList<>();

    @Option(names = "--prometheus-url", paramLabel = "URL", description = "Prometheus the metrics come from.")
    private URI prometheusUrl;

    @Option(names = "--scrape-interval", paramLabel = "DURATION", defaultValue = "15s",
            description = "Prometheus' scrape interval: the comparison's series points are at least two apart "
                    + "(default: ${DEFAULT-VALUE}).")
    private String scrapeInterval;

    @Option(names = "--prometheus-token-env", paramLabel = "VAR", defaultValue = "PROMETHEUS_TOKEN",
            description = "Variable holding a bearer token (default: ${DEFAULT-VALUE}).")
    private String prometheusToken;

    @Option(names = "--prometheus-username-env", paramLabel = "VAR", defaultValue = "PROMETHEUS_USERNAME",
            description = "Variable holding a user name (default: ${DEFAULT-VALUE}).")
    private String prometheusUser;

    @Option(names = "--prometheus-password-env", paramLabel = "VAR", defaultValue = "PROMETHEUS_PASSWORD",
            description = "Variable holding a password (default: ${DEFAULT-VALUE}).")
    private String prometheusPassword;

    @Option(names = "--min-samples", paramLabel = "N", defaultValue = "50",
            description = "Fewer canary samples in a window is no data (default: ${DEFAULT-VALUE}).")
    private int minSamples;

    @Option(names = "--on-no-data", paramLabel = "hold|fail|pass", defaultValue = "hold",
            description = "What no data means (default: ${DEFAULT-VALUE}: extend the step).")
    private String onNoData;

    @Option(names = "--max-step-extension", paramLabel = "DURATION", defaultValue = "30m",
            description = "How long a step may be held for lack of data (default: ${DEFAULT-VALUE}).")
    private String maxStepExtension;

    @Option(names = "--failure-limit", paramLabel = "N", defaultValue = "2",
            description = "Failed analyses before rollback (default: ${DEFAULT-VALUE}).")
    private int failureLimit;

    @Option(names = "--consecutive-error-limit", paramLabel = "N", defaultValue = "3",
            description = "Metric-source errors in a row before rollback (default: ${DEFAULT-VALUE}).")
    private int consecutiveErrorLimit;

    @Option(names = "--rollback-mode", paramLabel = "full|trafficOnly|freeze", defaultValue = "full",
            description = "What a failure undoes (default: ${DEFAULT-VALUE}).")
    private String rollbackMode;

    @Option(names = "--webhook", paramLabel = "TYPE=URL",
            description = "pre-rollout, rollout, post-rollout or rollback hook. Repeatable.")
    private List<String> webhooks = new ArrayList<>();

    @Option(names = "--dry-run", description = "Measure and decide, never act.")
    private boolean dryRun;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2h",
            description = "Longest run before rollback (default: ${DEFAULT-VALUE}).")
    private String timeout;

    /** Applies these options to the command. */
    void applyTo(final CanaryCommand command) throws InvalidSettingsException {
        try {
            command.steps(steps).stepDuration(PromoteSubcommand.duration(stepDuration, "--step-duration"))
                    .analysisInterval(PromoteSubcommand.duration(analysisInterval, "--analysis-interval"))
                    .minSamples(minSamples)
                    .onNoData(noDataPolicy(),
                            PromoteSubcommand.duration(maxStepExtension, "--max-step-extension"))
                    .failureLimit(failureLimit).consecutiveErrorLimit(consecutiveErrorLimit)
                    .rollbackMode(rollbackMode()).dryRun(dryRun)
                    .timeout(PromoteSubcommand.duration(timeout, "--timeout"));
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
                    throw new InvalidSettingsException("--webhook must be TYPE=URL, got '" + webhook + "'");
                }
                command.webhook(WebhookType.parse(webhook.substring(0, equals)),
                        URI.create(webhook.substring(equals + 1)));
            }
            if (prometheusUrl != null) {
                command.prometheus(PrometheusSettings.of(prometheusUrl).withCredentialVariables(prometheusUser,
                        prometheusPassword, prometheusToken)
                        .withScrapeInterval(PromoteSubcommand.duration(scrapeInterval, "--scrape-interval")));
            }
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidSettingsException(invalid.getMessage(), invalid);
        }
    }

    private NoDataPolicy noDataPolicy() {
        return switch (onNoData.toLowerCase(Locale.ROOT)) {
            case "hold" -> NoDataPolicy.HOLD;
            case "fail" -> NoDataPolicy.FAIL;
            case "pass" -> NoDataPolicy.PASS;
            default -> throw new IllegalArgumentException("--on-no-data must be hold, fail or pass, got '" + onNoData
                    + "'");
        };
    }

    private RollbackMode rollbackMode() {
        return switch (rollbackMode.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "full" -> RollbackMode.FULL;
            case "trafficonly" -> RollbackMode.TRAFFIC_ONLY;
            case "freeze" -> RollbackMode.FREEZE;
            default -> throw new IllegalArgumentException("--rollback-mode must be full, trafficOnly or freeze, got '"
                    + rollbackMode + "'");
        };
    }
}
