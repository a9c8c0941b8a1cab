package io.mlgitops.canary.analysis;

import io.mlgitops.canary.Comparison;
import io.mlgitops.canary.Measurement;
import io.mlgitops.canary.Verdict;
import io.mlgitops.stats.MannWhitney;
import io.mlgitops.stats.MannWhitney.Alternative;

import java.util.List;

/**
 * Judges the canary against the stable version over the same window: a Mann-Whitney U test of the two series, one-
 * sided in the bad direction (two-sided for {@code either}), and the relative change of the window values against the
 * allowed bound. Only a significant change beyond the bound fails. NaN points of a series are left out; series too
 * short for the test to ever reach {@code alpha} give no data rather than a pass.
 */
final class ComparativeJudge {
    private ComparativeJudge() {
    }

    /**
     * @param canary  the canary's measurement, with enough samples
     * @param stable  what the provider gave for the stable version
     * @param samples the minimum-samples rule, applied to the stable version as well
     */
    static Judgement judge(final Comparison comparison, final Measurement canary, final Observation stable,
            final SampleGuard samples) {
        String planned = rule(comparison);
        if (stable.isFailure()) {
            return new Judgement(Verdict.ERROR, planned, "stable measurement failed: " + stable.error());
        }
        Measurement reference = stable.measurement();
        String missing = samples.shortfall("stable", reference);
        if (missing != null) {
            return new Judgement(Verdict.NO_DATA, planned, missing);
        }
        double[] canarySeries = withoutNaN(canary.series());
        double[] stableSeries = withoutNaN(reference.series());
        Alternative alternative = alternative(comparison.direction());
        double smallest = MannWhitney.smallestPValue(canarySeries.length, stableSeries.length, alternative);
        if (!(smallest < comparison.alpha())) {
            return new Judgement(Verdict.NO_DATA, planned, canarySeries.length + " canary and " + stableSeries.length
                    + " stable points cannot show a difference at alpha " + Numbers.value(comparison.alpha())
                    + " (smallest possible p=" + Numbers.pValue(smallest) + ")");
        }
        double p = MannWhitney.test(canarySeries, stableSeries, alternative).pValue();
        double change = relativeChange(canary.value(), reference.value());
        return verdict(comparison, p, change);
    }

    private static Judgement verdict(final Comparison comparison, final double p, final double change) {
        String alpha = Numbers.value(comparison.alpha());
        String test = "Mann-Whitney p=" + Numbers.pValue(p);
        if (!(p < comparison.alpha())) {
            String what = switch (comparison.direction()) {
                case INCREASE -> "increase against";
                case DECREASE -> "decrease against";
                default -> "difference from";
            };
            return new Judgement(Verdict.PASS, test + " >= " + alpha, "no significant " + what + " stable (p="
                    + Numbers.pValue(p) + " >= " + alpha + ")");
        }
        Comparison.Direction direction = comparison.direction();
        boolean beyond = (direction.increaseIsBad() && change > comparison.maxIncrease())
                || (direction.decreaseIsBad() && change < -comparison.maxDecrease());
        String significant = test + " < " + alpha;
        if (!beyond) {
            return new Judgement(Verdict.PASS, significant + ", " + Numbers.percent(change) + " within "
                    + bounds(comparison), "the change against stable is significant (p=" + Numbers.pValue(p) + " < "
                    + alpha + ") but its size, " + Numbers.percent(change) + ", is within the allowed "
                    + bounds(comparison));
        }
        boolean increase = change > 0;
        String allowed = Numbers.percent(increase ? comparison.maxIncrease() : -comparison.maxDecrease());
        return new Judgement(Verdict.FAIL, significant + ", " + Numbers.percent(change) + (increase ? " > " : " < ")
                + allowed, "canary is significantly " + (increase ? "higher" : "lower") + " than stable (p="
                + Numbers.pValue(p) + " < " + alpha + ") by " + Numbers.percent(change) + ", beyond the allowed "
                + allowed);
    }

    /** The test before it ran: {@code Mann-Whitney increase, alpha 0.05, allowed +10%}. */
    static String rule(final Comparison comparison) {
        return "Mann-Whitney " + comparison.direction().label() + ", alpha " + Numbers.value(comparison.alpha())
                + ", allowed " + bounds(comparison);
    }

    /** {@code (canary - stable) / |stable|}; from a stable value of 0, any change is infinitely large. */
    private static double relativeChange(final double canary, final double stable) {
        if (canary == stable) {
            return 0;
        }
        if (stable == 0) {
            return canary > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return (canary - stable) / Math.abs(stable);
    }

    private static String bounds(final Comparison comparison) {
        return switch (comparison.direction()) {
            case INCREASE -> Numbers.percent(comparison.maxIncrease());
            case DECREASE -> Numbers.percent(-comparison.maxDecrease());
            default -> Numbers.percent(comparison.maxIncrease()) + "/" + Numbers.percent(-comparison.maxDecrease());
        };
    }

    private static Alternative alternative(final Comparison.Direction direction) {
        return switch (direction) {
            case INCREASE -> Alternative.GREATER;
            case DECREASE -> Alternative.LESS;
            default -> Alternative.TWO_SIDED;
        };
    }

    private static double[] withoutNaN(final List<Double> series) {
        return series.stream().mapToDouble(Double::doubleValue).filter(value -> !Double.isNaN(value)).toArray();
    }
}
