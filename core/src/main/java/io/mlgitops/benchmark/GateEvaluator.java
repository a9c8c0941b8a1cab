package io.mlgitops.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges one metric comparison against a gate, the way MLflow's {@code MetricThreshold} validation does: the
 * threshold bounds the candidate, {@code minAbsoluteChange} requires {@code candidate >= champion + delta} (or
 * {@code <=} and {@code -} when lower is better), {@code minRelativeChange} divides by the signed champion value
 * and, when the champion is 0, falls back to an absolute change of 1e-10. With {@code requireSignificance} the
 * confidence interval of the difference must also clear the same margin.
 */
final class GateEvaluator {
    private static final double ZERO_BASELINE_CHANGE = 1e-10;

    /**
     * @param gate               a gate with canonical metric name and resolved direction
     * @param comparison         the metric's values and statistics
     * @param championAvailable  false when there is no champion yet and the policy lets the candidate pass
     */
    GateResult evaluate(final Gate gate, final MetricComparison comparison, final boolean championAvailable) {
        boolean greater = gate.greaterIsBetter();
        Double candidate = comparison.candidate();
        if (candidate == null || candidate.isNaN()) {
            return new GateResult(gate.metric(), gate.rule(), false,
                    gate.metric() + " was not computed for the candidate, so the gate cannot pass");
        }
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (gate.threshold() != null && !compare(candidate, gate.threshold(), greater)) {
            failures.add(String.format(Locale.ROOT, "candidate %s is %s threshold %s", format(candidate),
                    greater ? "below" : "above", format(gate.threshold())));
        }
        if (gate.needsChampion() || gate.requireSignificance()) {
            if (!championAvailable) {
                notes.add("no champion to compare with: comparison skipped");
            }
            else {
                checkChange(gate, comparison, greater, failures);
            }
        }
        boolean passed = failures.isEmpty();
        String summary = summary(comparison, candidate);
        String detail = passed
                ? (notes.isEmpty() ? "passed" : "passed (" + String.join("; ", notes) + ")")
                : "failed: " + String.join("; ", failures);
        return new GateResult(gate.metric(), gate.rule(), passed, gate.metric() + " " + summary + " " + detail);
    }

    private static void checkChange(final Gate gate, final MetricComparison comparison, final boolean greater,
            final List<String> failures) {
        Double champion = comparison.champion();
        if (champion == null || champion.isNaN()) {
            failures.add("the champion's " + gate.metric() + " is missing, so the change cannot be judged");
            return;
        }
        double candidate = comparison.candidate();
        if (gate.minAbsoluteChange() != null) {
            double required = greater ? champion + gate.minAbsoluteChange() : champion - gate.minAbsoluteChange();
            if (!compare(candidate, required, greater)) {
                failures.add(String.format(Locale.ROOT, "change %s is short of the required %s%s",
                        signed(candidate - champion), greater ? "+" : "-", format(gate.minAbsoluteChange())));
            }
        }
        if (gate.minRelativeChange() != null && !relativeChangeMet(candidate, champion, gate.minRelativeChange(),
                greater)) {
            failures.add(String.format(Locale.ROOT, "relative change is short of the required %s%s",
                    greater ? "+" : "-", format(gate.minRelativeChange())));
        }
        if (gate.requireSignificance()) {
            checkInterval(gate, comparison, greater, champion, failures);
        }
    }

    private static boolean relativeChangeMet(final double candidate, final double champion, final double minimum,
            final boolean greater) {
        if (champion == 0) {
            return compare(candidate, greater ? champion + ZERO_BASELINE_CHANGE : champion - ZERO_BASELINE_CHANGE,
                    greater);
        }
        double relative = greater ? (candidate - champion) / champion : (champion - candidate) / champion;
        return relative >= minimum;
    }

    private static void checkInterval(final Gate gate, final MetricComparison comparison, final boolean greater,
            final double champion, final List<String> failures) {
        ConfidenceInterval ci = comparison.ci();
        if (ci == null) {
            failures.add("requireSignificance needs a confidence interval, but statistics were not computed "
                    + "(do not use --test none with this gate)");
            return;
        }
        double margin = margin(gate, champion);
        double bound = greater ? ci.low() : -ci.high();
        boolean cleared = margin == 0 ? bound > 0 : bound >= margin;
        if (!cleared) {
            failures.add(String.format(Locale.ROOT, "the %.0f%% interval [%s, %s] does not clear %s%s",
                    ci.level() * 100, signed(ci.low()), signed(ci.high()), greater ? "+" : "-", format(margin)));
        }
    }

    private static double margin(final Gate gate, final double champion) {
        if (gate.minAbsoluteChange() != null) {
            return gate.minAbsoluteChange();
        }
        if (gate.minRelativeChange() != null) {
            return gate.minRelativeChange() * Math.abs(champion);
        }
        return 0;
    }

    private static boolean compare(final double value, final double bound, final boolean greater) {
        return greater ? value >= bound : value <= bound;
    }

    private static String summary(final MetricComparison comparison, final double candidate) {
        Double champion = comparison.champion();
        if (champion == null || champion.isNaN()) {
            return "candidate " + format(candidate) + ":";
        }
        return "candidate " + format(candidate) + " vs champion " + format(champion) + " ("
                + signed(candidate - champion) + "):";
    }

    static String format(final double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    static String signed(final double value) {
        return String.format(Locale.ROOT, "%+.4f", value);
    }
}
