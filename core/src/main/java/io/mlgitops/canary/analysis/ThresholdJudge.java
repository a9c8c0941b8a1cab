package io.mlgitops.canary.analysis;

import io.mlgitops.canary.Threshold;
import io.mlgitops.canary.Verdict;

/** Judges the canary's window value against absolute bounds. */
final class ThresholdJudge {
    private ThresholdJudge() {
    }

    static Judgement judge(final Threshold threshold, final double canary) {
        String rule = rule(threshold);
        String value = "canary " + Numbers.value(canary);
        if (threshold.min() != null && canary < threshold.min()) {
            return new Judgement(Verdict.FAIL, rule, value + " is below the minimum "
                    + Numbers.value(threshold.min()));
        }
        if (threshold.max() != null && canary > threshold.max()) {
            return new Judgement(Verdict.FAIL, rule, value + " is above the maximum "
                    + Numbers.value(threshold.max()));
        }
        return new Judgement(Verdict.PASS, rule, value + " meets " + rule);
    }

    /** The bounds in words: {@code >= 99}, {@code <= 500}, {@code >= 0.5 and <= 0.9}. */
    static String rule(final Threshold threshold) {
        if (threshold.max() == null) {
            return ">= " + Numbers.value(threshold.min());
        }
        if (threshold.min() == null) {
            return "<= " + Numbers.value(threshold.max());
        }
        return ">= " + Numbers.value(threshold.min()) + " and <= " + Numbers.value(threshold.max());
    }
}
