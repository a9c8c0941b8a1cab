package io.mlgitops.compliance.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.compliance.PythonReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kolmogorov-Smirnov distributions against scipy 1.17: {@code kstwo.sf} on a grid that reaches every branch
 * (Ruben-Gambino ends, Durbin matrix, Pelz-Good, one-sided Smirnov sums up to n = 10^6 and its approximation above),
 * and {@code ks_2samp} on random samples, exact (up to 10,000 values) and asymptotic, with and without ties; equal to
 * 1e-9 relative.
 */
class KolmogorovSmirnovScipyIT {
    private static final double RELATIVE = 1e-9;
    /** p-values this small are 0 for any purpose; scipy's may underflow differently. */
    private static final double NEGLIGIBLE = 1e-290;
    private static final int[] SIZES = {1, 2, 3, 5, 10, 57, 140, 141, 500, 999, 5000, 20_000, 100_000, 100_001,
        500_000, 1_000_000, 1_000_001, 3_000_000};
    private static final double[] NX_SQUARED = {0.05, 0.3, 0.7546, 0.76, 1.0, 1.5, 2.19, 2.21, 3.9, 4.1, 8, 30, 100,
        300, 369, 371};
    private static final int[][] SAMPLE_SIZES = {{1, 1}, {3, 4}, {7, 7}, {10, 25}, {50, 50}, {60, 45}, {200, 130},
        {1000, 1000}, {999, 1000}, {2500, 700}, {10_000, 9_999}, {10_000, 10_000}, {10_001, 50}, {12_000, 800},
        {30_000, 150}, {40_000, 40_000}, {300_000, 200_000}};

    @TempDir
    Path folder;

    @Test
    void shouldEqualScipyKstwoSurvival() throws Exception {
        List<double[]> points = new ArrayList<>();
        for (int n : SIZES) {
            for (double level : NX_SQUARED) {
                points.add(new double[] {n, Math.sqrt(level / n)});
            }
            for (double x : new double[] {0.3 / n, 0.7 / n, 1.0 / n, 1.5 / n, 0.5, 0.6, 0.95, 1 - 0.5 / n}) {
                points.add(new double[] {n, x});
            }
        }
        List<Object[]> input = new ArrayList<>();
        for (double[] point : points) {
            input.add(new Object[] {(int) point[0], Double.toHexString(point[1])});
        }
        JsonNode scipy = PythonReference.run(folder, getClass(), "scipy_kolmogorov.py", Map.of("kstwo", input, "ks2",
                List.of()));
        assertThat(scipy.path("scipy").asText()).isEqualTo("1.17.1");

        List<String> mismatches = new ArrayList<>();
        double worst = 0;
        for (int i = 0; i < points.size(); i++) {
            int n = (int) points.get(i)[0];
            double x = points.get(i)[1];
            double expected = scipy.path("kstwo").get(i).asDouble();
            double actual = KolmogorovDistribution.survival(n, x);
            double difference = difference(actual, expected);
            worst = Math.max(worst, difference);
            if (difference > RELATIVE) {
                mismatches.add(String.format(Locale.ROOT, "n=%d x=%s nx^2=%.4g: Java %s, scipy %s", n, x, n * x * x,
                        actual, expected));
            }
        }
        assertThat(mismatches).as("kstwo.sf values that differ from scipy").isEmpty();
        System.out.printf(Locale.ROOT, "kstwo.sf: %d points, largest relative difference from scipy %.3g%n",
                points.size(), worst);
    }

    @Test
    void shouldEqualScipyTwoSampleTest() throws Exception {
        List<double[][]> samples = new ArrayList<>();
        Random random = new Random(20_261_128);
        for (int[] size : SAMPLE_SIZES) {
            for (int decimals : new int[] {-1, 1}) {
                for (double shift : new double[] {0, 0.05, 0.3}) {
                    samples.add(new double[][] {sample(random, size[0], 0, decimals),
                        sample(random, size[1], shift, decimals)});
                }
            }
        }
        List<List<List<String>>> input = new ArrayList<>();
        for (double[][] pair : samples) {
            input.add(List.of(hex(pair[0]), hex(pair[1])));
        }
        Map<String, Object> cases = new LinkedHashMap<>();
        cases.put("kstwo", List.of());
        cases.put("ks2", input);
        JsonNode scipy = PythonReference.run(folder, getClass(), "scipy_kolmogorov.py", cases);

        List<String> mismatches = new ArrayList<>();
        double worst = 0;
        int exact = 0;
        for (int i = 0; i < samples.size(); i++) {
            double[] first = samples.get(i)[0].clone();
            double[] second = samples.get(i)[1].clone();
            Arrays.sort(first);
            Arrays.sort(second);
            KolmogorovSmirnovStatistic.Result result = KolmogorovSmirnovStatistic.test(first, second);
            exact += result.exact() ? 1 : 0;
            JsonNode expected = scipy.path("ks2").get(i);
            double difference = Math.max(difference(result.statistic(), expected.get(0).asDouble()),
                    difference(result.pValue(), expected.get(1).asDouble()));
            worst = Math.max(worst, difference);
            if (difference > RELATIVE) {
                mismatches.add(String.format(Locale.ROOT, "n=%d/%d: Java D=%s p=%s, scipy D=%s p=%s", first.length,
                        second.length, result.statistic(), result.pValue(), expected.get(0), expected.get(1)));
            }
        }
        assertThat(mismatches).as("ks_2samp results that differ from scipy").isEmpty();
        assertThat(exact).as("exact p-values compared").isGreaterThan(40);
        assertThat(samples.size() - exact).as("asymptotic p-values compared").isGreaterThan(20);
        System.out.printf(Locale.ROOT, "ks_2samp: %d sample pairs (%d exact), largest relative difference from scipy "
                + "%.3g%n", samples.size(), exact, worst);
    }

    private static double difference(final double actual, final double expected) {
        if (Math.abs(actual) < NEGLIGIBLE && Math.abs(expected) < NEGLIGIBLE) {
            return 0;
        }
        return PythonReference.relativeDifference(actual, expected);
    }

    /** Normal values, rounded to {@code decimals} places (so that they tie) unless it is negative. */
    private static double[] sample(final Random random, final int size, final double shift, final int decimals) {
        double[] values = new double[size];
        double scale = Math.pow(10, Math.max(decimals, 0));
        for (int i = 0; i < size; i++) {
            double value = random.nextGaussian() + shift;
            values[i] = decimals < 0 ? value : Math.round(value * scale) / scale;
        }
        return values;
    }

    private static List<String> hex(final double[] values) {
        return Arrays.stream(values).mapToObj(Double::toHexString).toList();
    }
}
