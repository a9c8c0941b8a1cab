package io.mlgitops.compliance.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.PythonReference;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFixture;
import io.mlgitops.data.CsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * The expectations against Great Expectations' pandas semantics written out in Python (pandas 3.1) on a generated
 * CSV file that both sides read: success, element, missing and unexpected counts, and observed values (aggregates
 * equal to 1e-12 relative).
 */
class ExpectationPandasIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double RELATIVE = 1e-12;
    private static final int ROWS = 5000;

    @TempDir
    Path folder;

    @Test
    void shouldAgreeWithGreatExpectationsOnPandas() throws Exception {
        Path file = writeData();
        Evidence evidence = Evidence.builder().dataset(CsvReader.read(file), null).build();
        List<Map<String, Object>> cases = cases();
        JsonNode expected = PythonReference.run(folder, getClass(), "ge_pandas_reference.py",
                Map.of("csv", file.toString(), "cases", cases)).path("results");

        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        int failed = 0;
        for (int i = 0; i < cases.size(); i++) {
            RuleCheck check = new DataExpectationRule().check(RuleFixture.rule("dataExpectation",
                    JSON.writeValueAsString(cases.get(i))), evidence);
            for (Map.Entry<String, JsonNode> field : expected.get(i).properties()) {
                JsonNode actual = JSON.valueToTree(check.evidence().get(field.getKey()));
                compared++;
                if (!same(actual, field.getValue())) {
                    mismatches.add(String.format(Locale.ROOT, "%s: %s is %s, GE on pandas %s", cases.get(i),
                            field.getKey(), actual, field.getValue()));
                }
            }
            failed += expected.get(i).path("success").asBoolean() ? 0 : 1;
        }
        assertThat(mismatches).as("results that differ from Great Expectations on pandas").isEmpty();
        assertThat(cases).hasSizeGreaterThan(50);
        assertThat(failed).as("expectations that fail").isBetween(20, cases.size() - 20);
        System.out.printf(Locale.ROOT, "Great Expectations on pandas: %d expectations (%d failing), %d result fields "
                + "compared%n", cases.size(), failed, compared);
    }

    private static boolean same(final JsonNode actual, final JsonNode expected) {
        if (actual.isNumber() && expected.isNumber()) {
            return PythonReference.relativeDifference(actual.asDouble(), expected.asDouble()) <= RELATIVE;
        }
        if (actual.isContainerNode() && expected.isContainerNode() && actual.size() == expected.size()) {
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                if (!same(actual.path(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            for (int i = 0; expected.isArray() && i < expected.size(); i++) {
                if (!same(actual.get(i), expected.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return actual.equals(expected);
    }

    private Path writeData() throws Exception {
        Random random = new Random(42);
        String[] plans = {"basic", "plus", "premium"};
        Path file = folder.resolve("customers.csv");
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("id,age,income,tiny,code,plan,whole_missing,empty\n");
            for (int row = 0; row < ROWS; row++) {
                double income = Math.round(Math.exp(10 + random.nextGaussian()) * 100) / 100.0;
                double tiny = Math.pow(10, -7 + 25 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
                writer.write(String.join(",", Integer.toString(row + 1), Integer.toString(18 + random.nextInt(60)),
                        random.nextDouble() < 0.05 ? "" : String.format(Locale.ROOT, "%.17g", income),
                        random.nextDouble() < 0.1 ? "" : String.format(Locale.ROOT, "%.3e", tiny),
                        random.nextDouble() < 0.03 ? "" : random.nextDouble() < 0.1 ? "xx"
                                : "AB-" + random.nextInt(2000),
                        random.nextDouble() < 0.02 ? "" : plans[random.nextInt(plans.length)],
                        random.nextDouble() < 0.2 ? "" : Integer.toString(random.nextInt(150)), ""));
                writer.write('\n');
            }
        }
        return file;
    }

    private static List<Map<String, Object>> cases() {
        List<Map<String, Object>> cases = new ArrayList<>();
        cases.add(of("expect_column_values_to_not_be_null", "column", "income", "mostly", 0.9));
        cases.add(of("expect_column_values_to_not_be_null", "column", "income"));
        cases.add(of("expect_column_values_to_not_be_null", "column", "id"));
        cases.add(of("expect_column_values_to_be_null", "column", "empty"));
        cases.add(of("expect_column_values_to_be_null", "column", "whole_missing", "mostly", 0.1));
        cases.add(of("expect_column_values_to_be_between", "column", "age", "minValue", 20, "maxValue", 60));
        cases.add(of("expect_column_values_to_be_between", "column", "age", "minValue", 18, "strictMin", true,
                "mostly", 0.98));
        cases.add(of("expect_column_values_to_be_between", "column", "income", "maxValue", 50000, "strictMax", true,
                "mostly", 0.95));
        cases.add(of("expect_column_values_to_be_between", "column", "tiny", "minValue", -1, "maxValue", 1e10));
        cases.add(of("expect_column_values_to_be_between", "column", "empty", "minValue", 0));
        cases.add(of("expect_column_values_to_be_in_set", "column", "plan", "valueSet", List.of("basic", "plus")));
        cases.add(of("expect_column_values_to_be_in_set", "column", "age", "valueSet", List.of(20, 21, 22, 30.0)));
        cases.add(of("expect_column_values_to_be_in_set", "column", "whole_missing", "valueSet",
                List.of(1, 2, 3, 4, 5), "mostly", 0.01));
        cases.add(of("expect_column_values_to_not_be_in_set", "column", "plan", "valueSet", List.of("premium")));
        cases.add(of("expect_column_values_to_not_be_in_set", "column", "age", "valueSet", List.of(77)));
        for (String column : List.of("id", "age", "income", "code", "plan", "whole_missing")) {
            cases.add(of("expect_column_values_to_be_unique", "column", column, "mostly", 0.5));
        }
        cases.add(of("expect_column_values_to_match_regex", "column", "code", "regex", "^AB-\\d+$"));
        cases.add(of("expect_column_values_to_match_regex", "column", "code", "regex", "B-1", "mostly", 0.2));
        cases.add(of("expect_column_values_to_match_regex", "column", "tiny", "regex", "e-"));
        cases.add(of("expect_column_values_to_match_regex", "column", "whole_missing", "regex", "\\.0$"));
        cases.add(of("expect_column_values_to_match_regex", "column", "income", "regex", "\\.\\d{2}$"));
        cases.add(of("expect_column_values_to_not_match_regex", "column", "code", "regex", "x"));
        cases.add(of("expect_column_values_to_not_match_regex", "column", "age", "regex", "^1"));
        cases.add(of("expect_column_value_lengths_to_be_between", "column", "code", "minValue", 4, "maxValue", 6));
        cases.add(of("expect_column_value_lengths_to_be_between", "column", "whole_missing", "maxValue", 4,
                "strictMax", true));
        cases.add(of("expect_column_value_lengths_to_be_between", "column", "tiny", "minValue", 8, "strictMin",
                true));
        cases.add(of("expect_column_value_lengths_to_be_between", "column", "id", "minValue", 2, "maxValue", 4));
        for (String statistic : List.of("mean", "median", "min", "max", "stdev", "sum")) {
            for (String column : List.of("id", "age", "income", "tiny", "whole_missing", "empty")) {
                cases.add(of("expect_column_" + statistic + "_to_be_between", "column", column, "minValue", 50,
                        "maxValue", 3000));
            }
        }
        for (String column : List.of("age", "plan", "code", "whole_missing", "empty")) {
            cases.add(of("expect_column_proportion_of_unique_values_to_be_between", "column", column, "minValue", 0.01,
                    "maxValue", 0.5, "strictMax", true));
            cases.add(of("expect_column_unique_value_count_to_be_between", "column", column, "minValue", 3,
                    "maxValue", 100));
        }
        cases.add(of("expect_column_quantile_values_to_be_between", "column", "age", "quantiles",
                List.of(0, 0.25, 0.5, 0.9, 1), "valueRanges", List.of(List.of(18, 18), Arrays.asList(null, 40),
                        List.of(45, 50), Arrays.asList(70, null), List.of(77, 77))));
        cases.add(of("expect_column_quantile_values_to_be_between", "column", "income", "quantiles",
                List.of(0.1, 0.333, 0.75), "valueRanges", List.of(List.of(5000, 10000), List.of(10000, 20000),
                        List.of(30000, 50000))));
        cases.add(of("expect_column_distinct_values_to_be_in_set", "column", "plan", "valueSet",
                List.of("basic", "plus", "premium")));
        cases.add(of("expect_column_distinct_values_to_be_in_set", "column", "age", "valueSet", List.of(18, 19)));
        for (String ignore : List.of("all_values_are_missing", "any_value_is_missing", "never")) {
            cases.add(of("expect_compound_columns_to_be_unique", "columnList", List.of("age", "plan"), "ignoreRowIf",
                    ignore));
            cases.add(of("expect_compound_columns_to_be_unique", "columnList", List.of("whole_missing", "empty"),
                    "ignoreRowIf", ignore, "mostly", 0.1));
        }
        cases.add(of("expect_table_row_count_to_be_between", "minValue", 100, "maxValue", ROWS));
        cases.add(of("expect_table_column_count_to_equal", "value", 8));
        return cases;
    }

    private static Map<String, Object> of(final String expectation, final Object... arguments) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("expectation", expectation);
        for (int i = 0; i < arguments.length; i += 2) {
            fields.put((String) arguments[i], arguments[i + 1]);
        }
        return fields;
    }
}
