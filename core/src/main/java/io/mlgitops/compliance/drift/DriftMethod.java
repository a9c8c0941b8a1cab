package io.mlgitops.compliance.drift;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How one column's drift is measured, with Evidently's names, scores and drift rules (legacy stattests at
 * evidentlyai/evidently@a4aa4c2b): distances drift when the score is at least the threshold, tests when the p-value
 * is at most ({@code ks}) or below ({@code chisquare}, {@code z}) it.
 */
enum DriftMethod {
    /** Evidently's default choice per column, see {@link #defaultFor}. */
    AUTO,
    /** Population stability index. */
    PSI,
    /** Two-sample Kolmogorov-Smirnov test (numbers only). */
    KS,
    /** Jensen-Shannon distance. */
    JENSENSHANNON,
    /** Wasserstein distance normed by the reference standard deviation (numbers only). */
    WASSERSTEIN,
    /** Chi-square goodness-of-fit test. */
    CHISQUARE,
    /** Two-proportion z-test. */
    Z;

    /** Up to this many reference values, Evidently's default is a statistical test, above it a distance. */
    private static final int SMALL_REFERENCE = 1000;
    /** Up to this many distinct values, a numerical column is tested like a categorical one. */
    private static final int FEW_VALUES = 5;
    /** Up to this many distinct values, a categorical column is tested for two proportions. */
    private static final int BINARY = 2;

    /** The name a policy writes. */
    String policyName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> policyNames() {
        return Arrays.stream(values()).map(DriftMethod::policyName).toList();
    }

    static DriftMethod named(final String policyName) {
        return valueOf(policyName.toUpperCase(Locale.ROOT));
    }

    /** Whether the score is a p-value (else a distance). */
    boolean isTest() {
        return this == KS || this == CHISQUARE || this == Z;
    }

    /** Whether the method needs numbers in both data sets. */
    boolean needsNumbers() {
        return this == KS || this == WASSERSTEIN;
    }

    boolean drifted(final double score, final double threshold) {
        return switch (this) {
            case KS -> score <= threshold;
            case CHISQUARE, Z -> score < threshold;
            default -> score >= threshold;
        };
    }

    /** How a drifting score compares with the threshold, for messages. */
    String driftComparison() {
        return switch (this) {
            case KS -> "<=";
            case CHISQUARE, Z -> "<";
            default -> ">=";
        };
    }

    /** The drift score: a p-value for tests, a distance otherwise. */
    double score(final ColumnSample sample) {
        return switch (this) {
            case PSI -> DistanceMeasures.populationStabilityIndex(sample);
            case KS -> KolmogorovSmirnovStatistic.test(sample.numbers().reference(), sample.numbers().current())
                    .pValue();
            case JENSENSHANNON -> DistanceMeasures.jensenShannon(sample);
            case WASSERSTEIN -> DistanceMeasures.normedWasserstein(sample.numbers());
            case CHISQUARE -> ChiSquareStatistic.pValue(sample.categories());
            case Z -> TwoProportionZStatistic.pValue(sample.categories());
            case AUTO -> throw new IllegalStateException("choose a method for column " + sample.name() + " first");
        };
    }

    /**
     * Evidently's default ({@code _get_default_stattest}) from the reference size and the distinct values of both
     * samples: up to 1000 reference values, {@code ks} for a numerical column with more than 5 distinct values,
     * else {@code chisquare} above 2 distinct values and {@code z} otherwise; above 1000, {@code wasserstein} for a
     * numerical column with more than 5 distinct values and {@code jensenshannon} otherwise.
     */
    static DriftMethod defaultFor(final ColumnSample sample) {
        boolean manyValues = !sample.isCategorical() && sample.distinct() > FEW_VALUES;
        if (sample.referenceSize() <= SMALL_REFERENCE) {
            if (manyValues) {
                return KS;
            }
            return sample.distinct() > BINARY ? CHISQUARE : Z;
        }
        return manyValues ? WASSERSTEIN : JENSENSHANNON;
    }
}
