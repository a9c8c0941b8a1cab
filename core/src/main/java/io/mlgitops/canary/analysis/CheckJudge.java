package io.mlgitops.canary.analysis;

import io.mlgitops.canary.CheckSpec;
import io.mlgitops.canary.Decision;
import io.mlgitops.canary.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the measurements of one check into its decision line. A provider failure for the canary is an error; fewer
 * canary samples than needed is no data; otherwise the threshold and comparative judges run and the most severe
 * verdict decides (fail, then error, then no data, then pass), its reason first and the other judge's after it.
 */
public final class CheckJudge {
    private final Instant time;
    private final int weight;
    private final Duration window;

    /**
     * @param time   when the analysis ran (the end of the window)
     * @param weight the canary's traffic share
     * @param window the analysis window
     */
    public CheckJudge(final Instant time, final int weight, final Duration window) {
        this.time = time;
        this.weight = weight;
        this.window = window;
    }

    /**
     * @param spec       the check
     * @param minSamples the analysis' default minimum of samples, used unless the check sets its own
     * @param canary     what the provider gave for the canary
     * @param stable     what it gave for the stable version
     */
    public Decision decide(final CheckSpec spec, final int minSamples, final Observation canary,
            final Observation stable) {
        SampleGuard guard = new SampleGuard(spec.minSamples() != null ? spec.minSamples() : minSamples, window);
        if (canary.isFailure()) {
            return decision(spec, canary, stable, new Judgement(Verdict.ERROR, plannedRule(spec),
                    "canary measurement failed: " + canary.error()));
        }
        String missing = guard.shortfall("canary", canary.measurement());
        if (missing != null) {
            return decision(spec, canary, stable, new Judgement(Verdict.NO_DATA, plannedRule(spec), missing));
        }
        List<Judgement> judgements = new ArrayList<>();
        if (spec.threshold() != null) {
            judgements.add(ThresholdJudge.judge(spec.threshold(), canary.measurement().value()));
        }
        if (spec.comparison() != null) {
            judgements.add(ComparativeJudge.judge(spec.comparison(), canary.measurement(), stable, guard));
        }
        Judgement deciding = judgements.stream().max(Comparator.comparingInt(Judgement::severity)).orElseThrow();
        List<Judgement> ordered = new ArrayList<>(judgements);
        ordered.remove(deciding);
        ordered.add(0, deciding);
        String rules = judgements.stream().map(Judgement::rule).collect(Collectors.joining("; "));
        String reasons = ordered.stream().map(Judgement::reason).collect(Collectors.joining("; "));
        return decision(spec, canary, stable, new Judgement(deciding.verdict(), rules, reasons));
    }

    private static String plannedRule(final CheckSpec spec) {
        List<String> rules = new ArrayList<>();
        if (spec.threshold() != null) {
            rules.add(ThresholdJudge.rule(spec.threshold()));
        }
        if (spec.comparison() != null) {
            rules.add(ComparativeJudge.rule(spec.comparison()));
        }
        return String.join("; ", rules);
    }

    private Decision decision(final CheckSpec spec, final Observation canary, final Observation stable,
            final Judgement judgement) {
        long samples = canary.isFailure() ? 0 : canary.measurement().samples();
        return new Decision(time, weight, spec.name(), canary.value(), stable.value(), judgement.rule(), samples,
                judgement.verdict(), judgement.reason());
    }
}
