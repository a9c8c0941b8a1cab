package io.mlgitops.canary;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.mlgitops.canary.AnalystTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckSpecsTest {
    private static final Function<String, MetricQuery> CATALOGUE = name -> List.of("request-success-rate",
            "request-duration", "model-accuracy").contains(name) ? query(name) : null;
    private static final String CUSTOM = "sum(rate(http_requests_total{app=\"churn\",code=~\"5..\"}[1m])) "
            + "/ sum(rate(http_requests_total{app=\"churn\"}[1m]))";

    @Test
    void shouldReadAThresholdCheck() {
        CheckSpec check = CheckSpecs.parseCheck("request-success-rate:min=99,critical=true,minSamples=50", CATALOGUE);

        assertThat(check).isEqualTo(new CheckSpec("request-success-rate", query("request-success-rate"),
                new Threshold(99.0, null), null, true, 50));
    }

    @Test
    void shouldReadBothBoundsWithKeysInAnyCase() {
        CheckSpec check = CheckSpecs.parseCheck("model-accuracy: MIN=0.8, Max=0.99", CATALOGUE);

        assertThat(check.threshold()).isEqualTo(new Threshold(0.8, 0.99));
        assertThat(check.critical()).isFalse();
        assertThat(check.minSamples()).isNull();
    }

    @Test
    void shouldReadACustomQueryWhoseCommasAreInsideBraces() {
        CheckSpec check = CheckSpecs.parseCheck("error-ratio:max=0.01,query=" + CUSTOM
                + ",samples=sum(increase(http_requests_total{app=\"churn\",variant=\"{{target}}\"}[1m]))", CATALOGUE);

        assertThat(check.query()).isEqualTo(new MetricQuery("error-ratio", CUSTOM,
                "sum(increase(http_requests_total{app=\"churn\",variant=\"{{target}}\"}[1m]))"));
        assertThat(check.threshold()).isEqualTo(new Threshold(null, 0.01));
    }

    @Test
    void shouldReadAComparison() {
        CheckSpec check = CheckSpecs.parseCompare("request-duration:direction=increase,maxIncrease=0.2,alpha=0.01,"
                + "critical=true", CATALOGUE);

        assertThat(check).isEqualTo(new CheckSpec("request-duration", query("request-duration"), null,
                new Comparison(Comparison.Direction.INCREASE, 0.2, null, 0.01), true, null));
    }

    @Test
    void shouldReadPercentagesAndDefaultTheSignificanceLevel() {
        CheckSpec check = CheckSpecs.parseCompare("model-accuracy:direction=either,maxIncrease=50%,maxDecrease=2.5%",
                CATALOGUE);

        assertThat(check.comparison()).isEqualTo(new Comparison(Comparison.Direction.EITHER, 0.5, 0.025, 0.05));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "request-success-rate | it needs NAME: before the settings",
            "request-success-rate: | it has no settings after NAME:",
            ":min=99 | the check name '' must be letters, digits, '.', '_' or '-'",
            "request-success-rate:min=99,,max=100 | it has an empty setting between commas",
            "request-success-rate:min | 'min' is not KEY=VALUE",
            "request-success-rate:min=ninety | min must be a number, got 'ninety'",
            "request-success-rate:min=NaN | min must be a number, got 'NaN'",
            "request-success-rate:min=99,min=98 | min is given twice",
            "request-success-rate:min=99,direction=increase | unknown setting 'direction'; the settings are min, max, "
                    + "critical, minSamples, query, samples",
            "request-success-rate:critical=true | it needs min, max or compare",
            "request-success-rate:min=99,critical=yes | critical must be true or false, got 'yes'",
            "request-success-rate:min=99,minSamples=-3 | minSamples must be a whole number of 0 or more, got '-3'",
            "request-success-rate:min=100,max=99 | Threshold min 100.0 is above max 99.0",
            "custom:max=1,query=up | a custom query needs samples=PROMQL too, the number of observations behind "
                    + "the value",
            "request-success-rate:min=99,samples=up | samples=PROMQL goes with a custom query=PROMQL",
            "request-succes-rate:min=99 | 'request-succes-rate' is not a built-in check; give query=PROMQL and "
                    + "samples=PROMQL for a custom one"})
    void shouldExplainAMalformedCheck(final String spec, final String reason) {
        assertThatThrownBy(() -> CheckSpecs.parseCheck(spec, CATALOGUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Malformed --check '" + spec + "' (" + reason + "): use " + CheckSpecs.CHECK_FORM + ".");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "request-duration:maxIncrease=0.1 | it needs direction=increase, decrease or either",
            "request-duration:direction=up,maxIncrease=0.1 | direction must be increase, decrease or either, got 'up'",
            "request-duration:direction=increase | direction=increase needs maxIncrease",
            "request-duration:direction=increase,maxIncrease=0.1,maxDecrease=0.1 | maxDecrease does not apply to "
                    + "direction=increase",
            "request-duration:direction=either,maxIncrease=0.1 | direction=either needs maxDecrease",
            "request-duration:direction=decrease,maxDecrease=-0.1 | maxDecrease must be a fraction of 0 or more "
                    + "(0.1 = 10%), got -0.1",
            "request-duration:direction=increase,maxIncrease=ten% | maxIncrease must be a fraction such as 0.1 or a "
                    + "percentage such as 10%, got 'ten%'",
            "request-duration:direction=increase,maxIncrease=0.1,alpha=5 | alpha must be between 0 and 1 "
                    + "(exclusive), got 5.0",
            "request-duration:direction=increase,maxIncrease=0.1,min=3 | unknown setting 'min'; the settings are "
                    + "direction, maxIncrease, maxDecrease, alpha, critical, minSamples, query, samples"})
    void shouldExplainAMalformedComparison(final String spec, final String reason) {
        assertThatThrownBy(() -> CheckSpecs.parseCompare(spec, CATALOGUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Malformed --compare '" + spec + "' (" + reason + "): use " + CheckSpecs.COMPARE_FORM
                        + ".");
    }

    @Test
    void shouldCarryTheCatalogueOwnMessage() {
        Function<String, MetricQuery> strict = name -> {
            throw new IllegalArgumentException("unknown check " + name + "; built in: request-success-rate");
        };

        assertThatThrownBy(() -> CheckSpecs.parseCheck("latency:max=3", strict))
                .hasMessageStartingWith("Malformed --check 'latency:max=3' (unknown check latency; built in: "
                        + "request-success-rate): use");
    }

    @Test
    void shouldReadChecksOfAYamlConfiguration() throws IOException {
        List<Map<String, Object>> entries = yaml("""
                - name: request-success-rate
                  min: 99
                  critical: true
                - name: request-duration
                  max: 500
                  minSamples: 50
                  compare: {direction: increase, maxIncrease: 20%}
                - name: error-ratio
                  query: 'sum(rate(errors{app="churn",variant="{{target}}"}[{{interval}}]))'
                  samples: 'sum(increase(requests{variant="{{target}}"}[{{interval}}]))'
                  compare:
                    direction: increase
                    maxIncrease: 0
                    alpha: 0.02
                """);

        List<CheckSpec> checks = entries.stream().map(entry -> CheckSpecs.fromConfig(entry, CATALOGUE)).toList();

        assertThat(checks).containsExactly(
                new CheckSpec("request-success-rate", query("request-success-rate"), new Threshold(99.0, null), null,
                        true, null),
                new CheckSpec("request-duration", query("request-duration"), new Threshold(null, 500.0),
                        new Comparison(Comparison.Direction.INCREASE, 0.2, null, 0.05), false, 50),
                new CheckSpec("error-ratio", new MetricQuery("error-ratio",
                        "sum(rate(errors{app=\"churn\",variant=\"{{target}}\"}[{{interval}}]))",
                        "sum(increase(requests{variant=\"{{target}}\"}[{{interval}}]))"), null,
                        new Comparison(Comparison.Direction.INCREASE, 0.0, null, 0.02), false, null));
    }

    @Test
    void shouldExplainAMalformedConfigurationEntry() throws IOException {
        List<Map<String, Object>> entries = yaml("""
                - name: request-duration
                  compare: increase
                - name: request-duration
                  compare: {direction: increase, maxIncrease: 0.1, critical: true}
                - min: 99
                - name: model-accuracy
                  min: [0.8]
                - name: model-accuracy
                  threshold: 0.8
                """);

        assertThat(entries).extracting(entry -> messageOf(() -> CheckSpecs.fromConfig(entry, CATALOGUE)))
                .containsExactly(
                        "Malformed check 'request-duration' (compare must be a map of direction, maxIncrease, "
                                + "maxDecrease, alpha): " + CheckSpecs.CONFIG_FORM + ".",
                        "Malformed check 'request-duration' (unknown setting 'compare.critical'; the settings are "
                                + "direction, maxIncrease, maxDecrease, alpha): " + CheckSpecs.CONFIG_FORM + ".",
                        "Malformed check (it has no name): " + CheckSpecs.CONFIG_FORM + ".",
                        "Malformed check 'model-accuracy' (min must be a single value): " + CheckSpecs.CONFIG_FORM
                                + ".",
                        "Malformed check 'model-accuracy' (unknown setting 'threshold'; the settings are name, min, "
                                + "max, critical, minSamples, query, samples, compare): " + CheckSpecs.CONFIG_FORM
                                + ".");
    }

    @Test
    void shouldCombineAThresholdAndAComparisonOfOneName() {
        List<CheckSpec> combined = CheckSpecs.combine(List.of(
                CheckSpecs.parseCheck("request-success-rate:min=99", CATALOGUE),
                CheckSpecs.parseCheck("request-duration:max=500,minSamples=40", CATALOGUE),
                CheckSpecs.parseCompare("request-success-rate:direction=decrease,maxDecrease=0.01,critical=true",
                        CATALOGUE)));

        assertThat(combined).containsExactly(
                new CheckSpec("request-success-rate", query("request-success-rate"), new Threshold(99.0, null),
                        new Comparison(Comparison.Direction.DECREASE, null, 0.01, 0.05), true, null),
                new CheckSpec("request-duration", query("request-duration"), new Threshold(null, 500.0), null, false,
                        40));
    }

    @Test
    void shouldRefuseConflictingChecksOfOneName() {
        CheckSpec threshold = CheckSpecs.parseCheck("request-duration:max=500,minSamples=40", CATALOGUE);

        assertThat(messageOf(() -> CheckSpecs.combine(List.of(threshold,
                CheckSpecs.parseCheck("request-duration:max=400", CATALOGUE)))))
                .isEqualTo("Check request-duration has two thresholds; give min and max in one");
        assertThat(messageOf(() -> CheckSpecs.combine(List.of(threshold, CheckSpecs.parseCompare(
                "request-duration:direction=increase,maxIncrease=0.1,minSamples=10", CATALOGUE)))))
                .isEqualTo("Check request-duration is given two values of minSamples: 40 and 10");
        assertThat(messageOf(() -> CheckSpecs.combine(List.of(threshold, CheckSpecs.parseCompare(
                "request-duration:direction=increase,maxIncrease=0.1,query=up,samples=up", CATALOGUE)))))
                .isEqualTo("Check request-duration is given two different queries");
    }

    private static String messageOf(final Runnable action) {
        try {
            action.run();
        }
        catch (IllegalArgumentException expected) {
            return expected.getMessage();
        }
        return "no exception";
    }

    private static List<Map<String, Object>> yaml(final String text) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readValue(text, new TypeReference<>() {
        });
    }
}
