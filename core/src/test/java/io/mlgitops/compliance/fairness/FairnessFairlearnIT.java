package io.mlgitops.compliance.fairness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleStatus;
import io.mlgitops.data.CsvReader;
import io.mlgitops.data.Dataset;
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
 * The {@code fairness} rule against fairlearn 0.15 on data generated here: four data sets (2 to 5 regions, a gender
 * group too small to judge, a region without actual positives, rows without a sensitive value, two with disparity
 * and two without), every metric with both methods and both aggregations, each sensitive column alone and the two
 * combined, minGroupSize 30 and 1. The metric and every compared group's rates must equal fairlearn's to 1e-12.
 */
class FairnessFairlearnIT {
    private static final double ABSOLUTE = 1e-12;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SENSITIVE = List.of("gender", "region");
    private static final List<String> RATES = List.of("selectionRate", "truePositiveRate", "falsePositiveRate");

    @TempDir
    Path folder;

    @Test
    void shouldEqualFairlearnOnGeneratedData() throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int seed = 1; seed <= 4; seed++) {
            samples.add(sample(seed));
        }
        List<Config> configs = configs();
        JsonNode expected = runFairlearn(samples, configs);
        assertThat(expected.path("fairlearn").asText()).as("fairlearn version of the test environment")
                .isEqualTo("0.15.0");

        List<String> mismatches = new ArrayList<>();
        Map<RuleStatus, Integer> statuses = new EnumMap<>(RuleStatus.class);
        int compared = 0;
        int undefined = 0;
        int withExcludedGroups = 0;
        int withNotes = 0;
        double worst = 0;
        for (int s = 0; s < samples.size(); s++) {
            Sample sample = samples.get(s);
            JsonNode results = expected.path("results").get(s);
            int next = 0;
            for (Config config : configs) {
                RuleCheck check = new FairnessRule().check(config.rule(), sample.evidence());
                statuses.merge(check.status(), 1, Integer::sum);
                for (List<String> grouping : config.groupings()) {
                    JsonNode fairlearn = results.get(next++);
                    JsonNode ours = JSON.valueToTree(check.evidence()).path("columns").path(String.join("+",
                            grouping));
                    String label = String.format(Locale.ROOT, "seed %d, %s, %s", sample.seed(), config, grouping);
                    worst = Math.max(worst, compare(label, ours, fairlearn, mismatches));
                    compared++;
                    undefined += fairlearn.path("value").isNull() ? 1 : 0;
                    withExcludedGroups += ours.path("excludedGroups").isEmpty() ? 0 : 1;
                    withNotes += ours.path("notes").isEmpty() ? 0 : 1;
                }
            }
        }

        assertThat(mismatches).as("results that differ from fairlearn").isEmpty();
        assertThat(compared).isGreaterThan(400);
        assertThat(withExcludedGroups).as("comparisons with a group too small to judge").isGreaterThan(80);
        assertThat(withNotes).as("comparisons where a compared group has no positives").isGreaterThan(50);
        assertThat(statuses).containsKeys(RuleStatus.PASSED, RuleStatus.FAILED);
        System.out.printf(Locale.ROOT, "fairness vs fairlearn 0.15: %d metric values compared (%d undefined in "
                + "both), largest absolute difference %.3g, rule outcomes %s%n", compared, undefined, worst, statuses);
    }

    /** Adds what differs to {@code mismatches}; returns the largest absolute difference of the numbers compared. */
    private static double compare(final String label, final JsonNode ours, final JsonNode fairlearn,
            final List<String> mismatches) {
        if (!ours.path("compared").asBoolean()) {
            mismatches.add(label + ": not compared");
            return 0;
        }
        JsonNode expectedValue = fairlearn.path("value");
        JsonNode value = ours.path("value");
        double worst = expectedValue.isNull() ? 0 : Math.abs(value.asDouble() - expectedValue.asDouble());
        if (expectedValue.isNull() != value.isMissingNode() || !(worst <= ABSOLUTE)) {
            mismatches.add(label + ": value " + value + ", fairlearn " + expectedValue);
        }
        List<String> judged = new ArrayList<>();
        ours.path("groups").properties().forEach(group -> {
            if (group.getValue().path("judged").asBoolean()) {
                judged.add(group.getKey());
            }
        });
        List<String> expectedGroups = new ArrayList<>();
        fairlearn.path("groups").fieldNames().forEachRemaining(expectedGroups::add);
        if (!judged.equals(expectedGroups)) {
            mismatches.add(label + ": judged groups " + judged + ", fairlearn " + expectedGroups);
            return worst;
        }
        for (String group : judged) {
            for (String rate : RATES) {
                double actual = ours.path("groups").path(group).path(rate).asDouble();
                double reference = fairlearn.path("groups").path(group).path(rate).asDouble();
                double difference = Math.abs(actual - reference);
                worst = Math.max(worst, difference);
                if (!(difference <= ABSOLUTE)) {
                    mismatches.add(label + ": " + group + " " + rate + " " + actual + ", fairlearn " + reference);
                }
            }
        }
        return worst;
    }

    /**
     * Rows with gender F, M or (rarely) X and a region 1..k; a few sensitive values missing. About 40% of the rows
     * are positive, except in the last region (none). With disparity (odd seeds) the true and false positive rates
     * depend on gender and region; without, they are the same for every group.
     */
    private Sample sample(final int seed) throws IOException, InputException {
        Random random = new Random(seed * 104_729L);
        int regions = 2 + (seed - 1) % 4;
        boolean disparate = seed % 2 == 1;
        StringBuilder csv = new StringBuilder("gender,region,label,prediction\n");
        for (int row = 0; row < 300 + 150 * seed; row++) {
            double draw = random.nextDouble();
            String gender = draw < 0.01 ? "" : draw < 0.025 ? "X" : draw < 0.5 ? "F" : "M";
            int region = 1 + random.nextInt(regions);
            String regionText = random.nextDouble() < 0.02 ? "" : Integer.toString(region);
            boolean positive = region != regions && random.nextDouble() < 0.4;
            double truePositiveRate = disparate ? ("F".equals(gender) ? 0.55 : 0.85) - 0.05 * region : 0.75;
            double falsePositiveRate = disparate ? ("F".equals(gender) ? 0.08 : 0.2) + 0.03 * region : 0.15;
            boolean predicted = random.nextDouble() < (positive ? truePositiveRate : falsePositiveRate);
            csv.append(gender).append(',').append(regionText).append(',').append(positive ? 1 : 0).append(',')
                    .append(predicted ? 1 : 0).append('\n');
        }
        Path file = folder.resolve("sample-" + seed + ".csv");
        Files.writeString(file, csv);
        return new Sample(seed, file, CsvReader.read(file));
    }

    private static List<Config> configs() {
        List<Config> configs = new ArrayList<>();
        for (FairnessMetric metric : FairnessMetric.values()) {
            for (Disparity method : metric.judgesGroups() ? List.of(Disparity.BETWEEN_GROUPS)
                    : List.of(Disparity.values())) {
                for (OddsAggregation agg : metric.combinesRates() ? List.of(OddsAggregation.values())
                        : List.of(OddsAggregation.WORST_CASE)) {
                    for (boolean intersectional : new boolean[] {false, true}) {
                        for (int minGroupSize : new int[] {30, 1}) {
                            configs.add(new Config(metric, method, agg, intersectional, minGroupSize));
                        }
                    }
                }
            }
        }
        return configs;
    }

    private JsonNode runFairlearn(final List<Sample> samples, final List<Config> configs)
            throws IOException, InterruptedException {
        Path python = TestEnvironment.python();
        Path script = folder.resolve("fairlearn_metrics.py");
        try (InputStream resource = getClass().getResourceAsStream("fairlearn_metrics.py")) {
            assertThat(resource).as("test resource fairlearn_metrics.py").isNotNull();
            Files.copy(resource, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<Map<String, Object>> input = new ArrayList<>();
        for (Sample sample : samples) {
            List<Map<String, Object>> cases = new ArrayList<>();
            for (Config config : configs) {
                for (List<String> grouping : config.groupings()) {
                    cases.add(Map.of("sensitive", grouping, "minGroupSize", config.minGroupSize(),
                            "metric", config.metric().policyName(), "method", config.method().policyName(),
                            "agg", config.agg().policyName()));
                }
            }
            input.add(Map.of("csv", sample.file().toString(), "target", "label", "prediction", "prediction",
                    "cases", cases));
        }
        Path casesFile = folder.resolve("cases.json");
        JSON.writeValue(casesFile.toFile(), input);
        Path output = folder.resolve("fairlearn.json");
        Path errors = folder.resolve("fairlearn.err");
        Process process = new ProcessBuilder(python.toString(), script.toString(), casesFile.toString())
                .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("fairlearn did not finish within 5 minutes");
        }
        if (process.exitValue() != 0) {
            fail("fairlearn script failed with exit code " + process.exitValue() + ":\n" + Files.readString(errors));
        }
        return JSON.readTree(output.toFile());
    }

    private record Sample(int seed, Path file, Dataset data) {
        Evidence evidence() {
            return Evidence.builder().dataset(data, "label").predictions(() -> data.column("prediction"))
                    .sensitive(SENSITIVE).build();
        }
    }

    private record Config(FairnessMetric metric, Disparity method, OddsAggregation agg, boolean intersectional,
            int minGroupSize) {
        RuleFields rule() {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            fields.put("metric", JSON.valueToTree(metric.policyName()));
            if (!metric.judgesGroups()) {
                fields.put("method", JSON.valueToTree(method.policyName()));
            }
            if (metric.combinesRates()) {
                fields.put("agg", JSON.valueToTree(agg.policyName()));
            }
            fields.put("intersectional", JSON.valueToTree(intersectional));
            fields.put("minGroupSize", JSON.valueToTree(minGroupSize));
            return new RuleFields("policy.yaml", "fairness-" + metric.policyName(), "fairness", fields);
        }

        List<List<String>> groupings() {
            return intersectional ? List.of(SENSITIVE) : SENSITIVE.stream().map(List::of).toList();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s %s%s minGroupSize %d", metric.policyName(), method.policyName(),
                    agg.policyName(), intersectional ? " intersectional" : "", minGroupSize);
        }
    }
}
