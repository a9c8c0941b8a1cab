package io.mlgitops.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.stats.MannWhitney.Alternative;
import io.mlgitops.stats.MannWhitney.Method;
import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Mann-Whitney U against scipy 1.17's {@code mannwhitneyu} on random samples made here: continuous values and values
 * rounded so that they tie, shifted and not, sizes from 1 to 5,000 (one sample tiny and the other large too), every
 * alternative, with the AUTO method and with EXACT and ASYMPTOTIC forced; U and p equal to 1e-9 relative.
 */
class MannWhitneyScipyIT {
    private static final double RELATIVE = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[][] SIZES = {{1, 1}, {1, 6}, {2, 3}, {3, 3}, {4, 8}, {5, 20}, {8, 8}, {8, 9}, {7, 120},
            {9, 9}, {10, 12}, {20, 25}, {30, 30}, {50, 40}, {200, 150}, {1000, 800}, {5000, 4}, {3, 2000}};
    private static final Map<Alternative, String> SCIPY_NAMES = new EnumMap<>(Map.of(
            Alternative.TWO_SIDED, "two-sided", Alternative.LESS, "less", Alternative.GREATER, "greater"));

    @TempDir
    Path folder;

    @Test
    void shouldEqualScipyOnRandomSamples() throws Exception {
        List<Case> cases = cases();
        JsonNode expected = runScipy(cases);
        assertThat(expected.path("scipy").asText()).isEqualTo("1.17.1");

        List<String> mismatches = new ArrayList<>();
        Map<Method, Integer> methods = new EnumMap<>(Method.class);
        double worst = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case testCase = cases.get(i);
            JsonNode scipy = expected.path("results").get(i);
            MannWhitneyResult result = MannWhitney.test(testCase.x, testCase.y, testCase.alternative, testCase.method);
            methods.merge(result.method(), 1, Integer::sum);
            double statisticError = relativeError(result.statistic(), scipy.path("statistic").asDouble());
            double pError = relativeError(result.pValue(), scipy.path("pvalue").asDouble());
            worst = Math.max(worst, Math.max(statisticError, pError));
            if (!(statisticError <= RELATIVE && pError <= RELATIVE)) {
                mismatches.add(String.format(Locale.ROOT, "%s: Java U=%s p=%s, scipy U=%s p=%s", testCase.describe(),
                        result.statistic(), result.pValue(), scipy.path("statistic"), scipy.path("pvalue")));
            }
        }

        assertThat(mismatches).as("results that differ from scipy").isEmpty();
        assertThat(cases).hasSizeGreaterThan(500);
        assertThat(methods.getOrDefault(Method.EXACT, 0)).as("exact p-values compared").isGreaterThan(150);
        assertThat(methods.getOrDefault(Method.ASYMPTOTIC, 0)).as("asymptotic p-values compared").isGreaterThan(150);
        System.out.printf(Locale.ROOT, "Mann-Whitney U: %d cases %s, largest relative difference from scipy %.3g%n",
                cases.size(), methods, worst);
    }

    private static double relativeError(final double actual, final double expected) {
        if (actual == expected) {
            return 0;
        }
        return Math.abs(actual - expected) / Math.max(Math.abs(actual), Math.abs(expected));
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (int seed = 1; seed <= 4; seed++) {
            for (int[] size : SIZES) {
                Random random = new Random(seed * 7919L + size[0] * 31L + size[1]);
                for (int decimals : new int[] {-1, 1, 0}) {
                    double shift = random.nextInt(3) * 0.4;
                    double[] x = sample(random, size[0], shift, decimals);
                    double[] y = sample(random, size[1], 0, decimals);
                    for (Alternative alternative : Alternative.values()) {
                        cases.add(new Case(x, y, alternative, Method.AUTO));
                        if (size[0] * size[1] <= 2500) {
                            cases.add(new Case(x, y, alternative, Method.EXACT));
                        }
                        cases.add(new Case(x, y, alternative, Method.ASYMPTOTIC));
                    }
                }
            }
        }
        return cases;
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

    private JsonNode runScipy(final List<Case> cases) throws IOException, InterruptedException {
        Path python = TestEnvironment.python();
        Path script = folder.resolve("scipy_mannwhitneyu.py");
        try (InputStream resource = getClass().getResourceAsStream("scipy_mannwhitneyu.py")) {
            assertThat(resource).as("test resource scipy_mannwhitneyu.py").isNotNull();
            Files.copy(resource, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<Map<String, Object>> input = new ArrayList<>();
        for (Case testCase : cases) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("x", testCase.x);
            entry.put("y", testCase.y);
            entry.put("alternative", SCIPY_NAMES.get(testCase.alternative));
            entry.put("method", testCase.method.name().toLowerCase(Locale.ROOT));
            input.add(entry);
        }
        Path casesFile = folder.resolve("cases.json");
        JSON.writeValue(casesFile.toFile(), input);
        Path output = folder.resolve("scipy.json");
        Path errors = folder.resolve("scipy.err");
        Process process = new ProcessBuilder(python.toString(), script.toString(), casesFile.toString())
                .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("scipy did not finish within 5 minutes");
        }
        if (process.exitValue() != 0) {
            fail("scipy script failed with exit code " + process.exitValue() + ":\n" + Files.readString(errors));
        }
        return JSON.readTree(output.toFile());
    }

    private record Case(double[] x, double[] y, Alternative alternative, Method method) {
        String describe() {
            return String.format(Locale.ROOT, "n=%d/%d %s %s", x.length, y.length, alternative, method);
        }
    }
}
