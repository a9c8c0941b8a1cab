package io.mlgitops.compliance.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.PythonReference;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.data.CsvReader;
import io.mlgitops.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift rule against Evidently's formulas run in Python (pandas 3.1, numpy 2.4, scipy 1.17) on generated CSV
 * files that both sides read: normal and shifted numbers, heavy ties, whole numbers with few values, text
 * categories, missing cells, references of 40 to 1.1 million rows (so that {@code auto} picks every method), every
 * method forced too. Method, column type and drift decision must be equal, the statistic equal to 1e-9 relative.
 */
class DriftScipyIT {
    private static final double RELATIVE = 1e-9;
    private static final double NEGLIGIBLE = 1e-290;
    private static final List<String> EVERY_COLUMN_METHODS = List.of("auto", "psi", "jensenshannon", "chisquare",
            "z");
    private static final List<String> NUMERIC_METHODS = List.of("ks", "wasserstein");

    @TempDir
    Path folder;

    @Test
    void shouldEqualEvidentlyFormulas() throws Exception {
        List<Case> cases = new ArrayList<>();
        cases.addAll(scenario("small", 300, 250, 0.0, false));
        cases.addAll(scenario("small-shifted", 300, 250, 0.4, false));
        cases.addAll(scenario("tiny", 40, 30, 0.8, false));
        cases.addAll(scenario("asymptotic-ks", 1000, 12_000, 0.05, false));
        cases.addAll(scenario("medium", 1500, 1200, 0.0, false));
        cases.addAll(scenario("medium-shifted", 5000, 3000, 0.3, false));
        cases.addAll(scenario("large", 1_100_000, 1_000_000, 0.01, true));
        List<Map<String, Object>> input = new ArrayList<>();
        for (Case testCase : cases) {
            input.add(Map.of("reference", testCase.reference.toString(), "current", testCase.current.toString(),
                    "method", testCase.method, "columns", List.copyOf(testCase.columns().keySet())));
        }
        JsonNode evidently = PythonReference.run(folder, getClass(), "evidently_drift.py", input).path("results");

        List<String> mismatches = new ArrayList<>();
        Map<String, Double> worst = new TreeMap<>();
        Set<String> autoMethods = new TreeSet<>();
        for (int i = 0; i < cases.size(); i++) {
            Case testCase = cases.get(i);
            for (Map.Entry<String, Map<String, Object>> column : testCase.columns().entrySet()) {
                JsonNode expected = evidently.get(i).path(column.getKey());
                Map<String, Object> actual = column.getValue();
                String method = (String) actual.get("method");
                if ("auto".equals(testCase.method)) {
                    autoMethods.add(method);
                }
                double statistic = (double) actual.get("statistic");
                double difference = difference(statistic, expected.path("statistic").asDouble());
                worst.merge(method, difference, Math::max);
                if (!method.equals(expected.path("method").asText())
                        || !actual.get("type").equals(expected.path("type").asText())
                        || !actual.get("drifted").equals(expected.path("drifted").asBoolean())
                        || difference > RELATIVE) {
                    mismatches.add(String.format(Locale.ROOT, "%s, %s, column %s: Java %s, Evidently %s",
                            testCase.name, testCase.method, column.getKey(), actual, expected));
                }
            }
        }
        assertThat(mismatches).as("columns whose drift differs from Evidently's").isEmpty();
        assertThat(autoMethods).as("methods chosen by auto").containsExactlyInAnyOrder("ks", "chisquare", "z",
                "wasserstein", "jensenshannon");
        System.out.printf(Locale.ROOT, "drift: %d cases, largest relative difference from Evidently's formulas "
                + "per method %s%n", cases.size(), worst);
    }

    private static double difference(final double actual, final double expected) {
        if (Math.abs(actual) < NEGLIGIBLE && Math.abs(expected) < NEGLIGIBLE) {
            return 0;
        }
        return PythonReference.relativeDifference(actual, expected);
    }

    /** A reference and a current file with the same columns, checked with every method. */
    private List<Case> scenario(final String name, final int referenceRows, final int currentRows,
            final double shift, final boolean large) throws Exception {
        Random random = new Random(name.hashCode());
        Path reference = folder.resolve(name + "-reference.csv");
        Path current = folder.resolve(name + "-current.csv");
        List<Generated> referenceColumns = large ? largeColumns(random, 0) : columns(random, 0);
        List<Generated> currentColumns = large ? largeColumns(random, shift) : columns(random, shift);
        write(reference, referenceColumns, referenceRows);
        write(current, currentColumns, currentRows);
        Dataset referenceData = CsvReader.read(reference);
        Dataset currentData = CsvReader.read(current);
        Evidence evidence = Evidence.builder().dataset(currentData, "target").referenceDataset(referenceData)
                .sensitive(List.of("gender")).build();
        List<String> numeric = large ? List.of("small_int", "normal")
                : List.of("normal", "scaled", "ties", "wide", "binary", "three", "halves", "income");
        List<Case> cases = new ArrayList<>();
        for (String method : large ? List.of("auto", "psi", "jensenshannon") : EVERY_COLUMN_METHODS) {
            cases.add(new Case(name, method, reference, current, run(method, List.of(), evidence)));
        }
        for (String method : NUMERIC_METHODS) {
            cases.add(new Case(name, method, reference, current, run(method, numeric, evidence)));
        }
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> run(final String method, final List<String> columns,
            final Evidence evidence) throws Exception {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        fields.put("method", nodes.textNode(method));
        if (!columns.isEmpty()) {
            fields.put("columns", nodes.arrayNode().addAll(columns.stream().map(nodes::textNode).toList()));
        }
        RuleCheck check = new DriftRule().check(new RuleFields("drift-it.yaml", "drift", "drift", fields), evidence);
        return (Map<String, Map<String, Object>>) check.evidence().get("columns");
    }

    private static List<Generated> columns(final Random random, final double shift) {
        String[] plans = {"basic", "plus", "premium", "enterprise"};
        double[] planWeights = {0.4 - shift / 4, 0.3, 0.2 + shift / 4, 0.1};
        String[] regions = shift > 0 ? new String[] {"north", "south", "east", "new"}
                : new String[] {"north", "south", "east"};
        return List.of(
                whole("target", () -> random.nextDouble() < 0.3 ? 1 : 0),
                text("gender", () -> random.nextBoolean() ? "F" : "M"),
                decimal("normal", () -> random.nextGaussian() + shift),
                decimal("scaled", () -> 10 + 3 * (1 + shift) * random.nextGaussian() + 3 * shift),
                whole("ties", () -> Math.round(4 * random.nextGaussian() + shift)),
                whole("wide", () -> Math.round(50 + 20 * random.nextGaussian() + 10 * shift)),
                text("plan", () -> random.nextDouble() < 0.03 ? null : pick(random, plans, planWeights)),
                whole("binary", () -> random.nextDouble() < 0.3 + shift / 5 ? 1 : 0),
                whole("three", () -> 1 + Math.min(2, (long) (random.nextDouble() * (3 + shift)))),
                decimal("halves", () -> 0.5 + Math.min(3, (int) (random.nextDouble() * (4 + shift)))),
                decimal("income", () -> random.nextDouble() < 0.08 ? Double.NaN
                        : Math.exp(10 + 0.5 * random.nextGaussian() + shift / 2)),
                text("region", () -> regions[random.nextInt(regions.length)]));
    }

    /** Two numeric columns of a million rows: one of 21 whole numbers (so numpy widens Sturges' bins to 1). */
    private static List<Generated> largeColumns(final Random random, final double shift) {
        return List.of(
                whole("target", () -> random.nextDouble() < 0.3 ? 1 : 0),
                whole("small_int", () -> random.nextDouble() < shift ? 20 : random.nextInt(21)),
                decimal("normal", () -> random.nextGaussian() + shift));
    }

    private static String pick(final Random random, final String[] values, final double[] weights) {
        double draw = random.nextDouble();
        for (int i = 0; i < values.length - 1; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static Generated decimal(final String name, final DoubleSupplier values) {
        return new Generated(name, () -> {
            double value = values.getAsDouble();
            return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.17g", Math.round(value * 1e6) / 1e6);
        });
    }

    private static Generated whole(final String name, final DoubleSupplier values) {
        return new Generated(name, () -> Long.toString((long) values.getAsDouble()));
    }

    private static Generated text(final String name, final Supplier<String> values) {
        return new Generated(name, () -> {
            String value = values.get();
            return value == null ? "" : value;
        });
    }

    private static void write(final Path file, final List<Generated> columns, final int rows) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(String.join(",", columns.stream().map(Generated::name).toList()));
            writer.write('\n');
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns.size(); column++) {
                    if (column > 0) {
                        writer.write(',');
                    }
                    writer.write(columns.get(column).cells().get());
                }
                writer.write('\n');
            }
        }
    }

    private record Generated(String name, Supplier<String> cells) {
    }

    private record Case(String name, String method, Path reference, Path current,
            Map<String, Map<String, Object>> columns) {
    }
}
