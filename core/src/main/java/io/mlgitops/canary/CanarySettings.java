package io.mlgitops.canary;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a canary rolls out and when it stops, validated.
 *
 * @param candidate             the candidate's reference (a model version, an image), recorded in the durable
 *                              state so that a rerun resumes only its own rollout
 * @param steps                 canary weights in percent, increasing, the last one 100 (the seed's 1, 5, 25, 100)
 * @param stepDuration          how long each step must run with passing analyses before the next one
 * @param analysisInterval      how often the metrics are analysed; also the window of each analysis
 * @param checks                what the analysis checks
 * @param minSamples            fewer canary samples than this in a window means no data
 * @param onNoData              what an analysis without data means
 * @param maxStepExtension      how long a step may be held for lack of data before it fails
 * @param failureLimit          failed analyses that roll back (Flagger's {@code threshold})
 * @param consecutiveErrorLimit metric-source errors in a row that roll back (an outage shorter than this is not the
 *                              canary's fault)
 * @param rollbackMode          what a failure undoes
 * @param promoteOnSuccess      promote the candidate to the stable manifests and alias after it took all traffic
 * @param webhooks              URLs called at the rollout's moments
 * @param dryRun                measure and decide, never act
 * @param timeout               the longest a run may take before it rolls back
 */
public record CanarySettings(String candidate, List<Integer> steps, Duration stepDuration,
        Duration analysisInterval, List<CheckSpec> checks, int minSamples, NoDataPolicy onNoData,
        Duration maxStepExtension, int failureLimit, int consecutiveErrorLimit, RollbackMode rollbackMode,
        boolean promoteOnSuccess, Map<WebhookType, URI> webhooks, boolean dryRun, Duration timeout) {
    public static final List<Integer> DEFAULT_STEPS = List.of(1, 5, 25, 100);

    public CanarySettings {
        Objects.requireNonNull(candidate, "candidate");
        steps = List.copyOf(steps);
        checkSteps(steps);
        requirePositive(stepDuration, "step duration");
        requirePositive(analysisInterval, "analysis interval");
        requirePositive(timeout, "timeout");
        Objects.requireNonNull(maxStepExtension, "maxStepExtension");
        if (maxStepExtension.isNegative()) {
            throw new IllegalArgumentException("the maximum step extension must not be negative");
        }
        checks = List.copyOf(checks);
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("a canary needs at least one check (--check or --compare)");
        }
        if (minSamples < 1 || failureLimit < 1 || consecutiveErrorLimit < 1) {
            throw new IllegalArgumentException("minSamples, failureLimit and consecutiveErrorLimit must be at least 1");
        }
        Objects.requireNonNull(onNoData, "onNoData");
        Objects.requireNonNull(rollbackMode, "rollbackMode");
        webhooks = webhooks.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(webhooks));
    }

    private static void checkSteps(final List<Integer> steps) {
        if (steps.isEmpty() || steps.get(steps.size() - 1) != 100) {
            throw new IllegalArgumentException("canary steps must end at 100, got " + steps);
        }
        int previous = 0;
        for (int weight : steps) {
            if (weight <= previous || weight > 100) {
                throw new IllegalArgumentException("canary steps must increase from above 0 to 100, got " + steps);
            }
            previous = weight;
        }
    }

    private static void requirePositive(final Duration duration, final String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive, got " + duration);
        }
    }
}
