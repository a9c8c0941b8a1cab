package io.mlgitops.compliance.drift;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The drift statistics on values small enough to check by hand or against scipy's documented examples. */
class DriftStatisticsTest {
    @Test
    void shouldNormWassersteinByTheReferenceStandardDeviation() {
        double[] reference = {0, 1, 3};
        double standardDeviation = Math.sqrt((16 + 1 + 25) / 27.0);

        double distance = DistanceMeasures.normedWasserstein(new NumericPair(reference, new double[] {5, 6, 8},
                true, true));

        assertThat(distance).isCloseTo(5.0 / standardDeviation, within(1e-12));
        assertThat(DistanceMeasures.normedWasserstein(new NumericPair(new double[] {2, 2}, new double[] {2, 3},
                true, true))).as("a constant reference is normed by 0.001").isCloseTo(500, within(1e-9));
    }

    @Test
    void shouldComputeJensenShannonDistanceOfCategoryShares() {
        ColumnSample sample = sample(text("a", "a", "b", "b"), text("a", "b", "b", "b"));
        double m1 = (0.5 + 0.25) / 2;
        double m2 = (0.5 + 0.75) / 2;
        double expected = Math.sqrt((0.5 * Math.log(0.5 / m1) + 0.5 * Math.log(0.5 / m2)
                + 0.25 * Math.log(0.25 / m1) + 0.75 * Math.log(0.75 / m2)) / 2);

        assertThat(DistanceMeasures.jensenShannon(sample)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void shouldTestChiSquareAsScipysDocumentedExample() {
        CategoryCounts counts = new CategoryCounts(new long[] {16, 16, 16, 16, 16, 8},
                new long[] {16, 18, 16, 14, 12, 12});

        assertThat(ChiSquareStatistic.pValue(counts)).isCloseTo(0.62338763, within(1e-8));
        assertThat(ChiSquareStatistic.pValue(new CategoryCounts(new long[] {5, 0}, new long[] {3, 2})))
                .as("a value the reference never saw").isZero();
        assertThat(ChiSquareStatistic.pValue(new CategoryCounts(new long[] {5}, new long[] {3}))).isOne();
    }

    @Test
    void shouldTestTwoProportions() {
        CategoryCounts counts = new CategoryCounts(new long[] {50, 50}, new long[] {25, 75});
        double z = 0.25 / Math.sqrt(0.625 * 0.375 * 0.02);

        assertThat(TwoProportionZStatistic.pValue(counts)).isCloseTo(Erf.erfc(z / Math.sqrt(2)), within(1e-15));
        assertThat(TwoProportionZStatistic.pValue(new CategoryCounts(new long[] {7}, new long[] {3}))).isOne();
    }

    @Test
    void shouldTestKolmogorovSmirnovExactly() {
        KolmogorovSmirnovStatistic.Result separated = KolmogorovSmirnovStatistic.test(new double[] {1, 2, 3},
                new double[] {4, 5, 6});
        KolmogorovSmirnovStatistic.Result same = KolmogorovSmirnovStatistic.test(new double[] {1, 2, 3},
                new double[] {1, 2, 3});

        assertThat(separated.statistic()).isOne();
        assertThat(separated.pValue()).as("2 of the C(6, 3) orderings").isCloseTo(0.1, within(1e-15));
        assertThat(separated.exact()).isTrue();
        assertThat(same.statistic()).isZero();
        assertThat(same.pValue()).isOne();
    }

    @Test
    void shouldGiveTheOneSampleDistributionInClosedFormAtTheEnds() {
        assertThat(KolmogorovDistribution.survival(1, 0.7)).as("D_1 = max(U, 1 - U)").isCloseTo(0.6, within(1e-15));
        assertThat(KolmogorovDistribution.survival(10, 0.04)).isOne();
        assertThat(KolmogorovDistribution.survival(10, 1.0)).isZero();
        assertThat(KolmogorovDistribution.survival(1000, 0.5)).isPositive().isLessThan(1e-200);
    }

    @Test
    void shouldChooseEvidentlysDefaultMethod() {
        assertThat(DriftMethod.defaultFor(sample(numbers(1000, 6), numbers(10, 6)))).isEqualTo(DriftMethod.KS);
        assertThat(DriftMethod.defaultFor(sample(numbers(1001, 6), numbers(10, 6))))
                .isEqualTo(DriftMethod.WASSERSTEIN);
        assertThat(DriftMethod.defaultFor(sample(numbers(1001, 5), numbers(10, 5))))
                .isEqualTo(DriftMethod.JENSENSHANNON);
        assertThat(DriftMethod.defaultFor(sample(numbers(1000, 3), numbers(10, 3))))
                .isEqualTo(DriftMethod.CHISQUARE);
        assertThat(DriftMethod.defaultFor(sample(numbers(1000, 2), numbers(10, 2)))).isEqualTo(DriftMethod.Z);
        assertThat(DriftMethod.defaultFor(sample(text("a", "b", "c"), text("d")))).isEqualTo(DriftMethod.CHISQUARE);
    }

    @Test
    void shouldTypeWholeNumbersWithFewValuesAsCategorical() {
        ColumnSample fewWholeNumbers = sample(numbers(100, 5), numbers(100, 9));
        ColumnSample fewDecimals = sample(column(0.5, 1.5), column(0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5));

        assertThat(fewWholeNumbers.isCategorical()).isTrue();
        assertThat(DriftMethod.defaultFor(fewWholeNumbers)).as("categorical, so never ks").isEqualTo(
                DriftMethod.CHISQUARE);
        assertThat(fewDecimals.isCategorical()).isFalse();
        assertThat(DriftMethod.defaultFor(fewDecimals)).isEqualTo(DriftMethod.KS);
    }

    private static ColumnSample sample(final Column reference, final Column current) {
        try {
            return ColumnSample.of(reference, "reference.csv", current, "current.csv");
        }
        catch (InputException unexpected) {
            throw new AssertionError(unexpected);
        }
    }

    /** {@code rows} whole numbers cycling through {@code distinct} values. */
    private static NumericColumn numbers(final int rows, final int distinct) {
        return new NumericColumn("x", IntStream.range(0, rows).mapToDouble(row -> row % distinct).toArray());
    }

    private static NumericColumn column(final double... values) {
        return new NumericColumn("x", values);
    }

    private static TextColumn text(final String... values) {
        List<String> dictionary = Arrays.stream(values).distinct().toList();
        int[] codes = Arrays.stream(values).mapToInt(dictionary::indexOf).toArray();
        return new TextColumn("x", "test.csv", codes, dictionary.toArray(String[]::new));
    }
}
