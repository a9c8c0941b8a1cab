package io.mlgitops.canary.local;

import io.mlgitops.canary.Variant;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ProbabilityTable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The text format, parsed back with the grammar of Prometheus' exposition format 0.0.4. */
class ExpositionTest {
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)} (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final ServerLabels LABELS = new ServerLabels(Variant.CANARY, "ml", "churn-canary",
            "churn \"v2\" \\ new\nline", "7");

    private record Sample(String name, Map<String, String> labels, String value) {
    }

    private static List<Sample> parse(final String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                assertThat(line).matches("# (HELP|TYPE) [a-z_]+ .+");
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as(line).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(sample.group(2));
            int end = 0;
            while (label.lookingAt()) {
                labels.put(label.group(1), unescape(label.group(2)));
                end = label.end();
                label.region(end, sample.group(2).length());
            }
            assertThat(end).as(line).isEqualTo(sample.group(2).length());
            samples.add(new Sample(sample.group(1), labels, sample.group(3)));
        }
        return samples;
    }

    private static String unescape(final String value) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                c = value.charAt(++i) == 'n' ? '\n' : value.charAt(i);
            }
            text.append(c);
        }
        return text.toString();
    }

    private static MetricsSnapshot snapshot() {
        ServerMetrics metrics = new ServerMetrics(Optional.empty());
        metrics.recordRequest(200, 3.0);
        metrics.recordRequest(200, 7.5);
        metrics.recordRequest(500, 40);
        ModelOutput output = new ModelOutput(new NumericColumn("prediction", new double[] {1, 0, 1}),
                Optional.of(ProbabilityTable.perClass(List.of("0", "1"),
                        new double[][] {{0.2, 0.9, 0.45}, {0.8, 0.1, 0.55}})), List.of());
        metrics.recordPredictions(output, new String[] {"1", "1", null});
        return metrics.snapshot(Instant.EPOCH);
    }

    @Test
    void shouldWriteCountersWithTheDocumentedLabels() {
        List<Sample> samples = parse(Exposition.write(LABELS, snapshot()));

        Sample ok = find(samples, "istio_requests_total", "200");
        assertThat(ok.value()).isEqualTo("2");
        assertThat(ok.labels()).containsExactly(Map.entry("reporter", "destination"),
                Map.entry("destination_workload_namespace", "ml"), Map.entry("destination_workload", "churn-canary"),
                Map.entry("variant", "canary"), Map.entry("model", LABELS.model()), Map.entry("version", "7"),
                Map.entry("response_code", "200"));
        assertThat(find(samples, "istio_requests_total", "500").value()).isEqualTo("1");
        assertThat(value(samples, "mlgitops_model_predictions_total")).isEqualTo("3");
        assertThat(value(samples, "mlgitops_model_predictions_labelled_total")).isEqualTo("2");
        assertThat(value(samples, "mlgitops_model_predictions_correct_total")).isEqualTo("1");
        assertThat(samples).filteredOn(sample -> sample.name().startsWith("mlgitops_"))
                .allSatisfy(sample -> assertThat(sample.labels()).doesNotContainKey("reporter")
                        .containsEntry("destination_workload", "churn-canary"));
    }

    @Test
    void shouldWriteCumulativeHistogramsEndingInTheCount() {
        List<Sample> samples = parse(Exposition.write(LABELS, snapshot()));

        List<Sample> buckets = samples.stream().filter(sample -> sample.name()
                .equals("istio_request_duration_milliseconds_bucket")
                && "200".equals(sample.labels().get("response_code"))).toList();
        assertThat(buckets).extracting(sample -> sample.labels().get("le")).containsExactly("0.5", "1", "5", "10",
                "25", "50", "100", "250", "500", "1000", "2500", "5000", "10000", "30000", "60000", "300000",
                "600000", "1800000", "3600000", "+Inf");
        assertThat(buckets).extracting(Sample::value).containsExactly("0", "0", "1", "2", "2", "2", "2", "2", "2",
                "2", "2", "2", "2", "2", "2", "2", "2", "2", "2", "2");
        assertThat(find(samples, "istio_request_duration_milliseconds_sum", "200").value()).isEqualTo("10.5");
        assertThat(find(samples, "istio_request_duration_milliseconds_count", "200").value()).isEqualTo("2");
        List<Sample> confidence = samples.stream()
                .filter(sample -> sample.name().equals("mlgitops_model_prediction_confidence_bucket")).toList();
        assertThat(confidence).extracting(sample -> sample.labels().get("le") + "=" + sample.value())
                .contains("0.5=0", "0.6=1", "0.8=2", "0.9=3", "+Inf=3");
        assertThat(Double.parseDouble(value(samples, "mlgitops_model_prediction_confidence_sum")))
                .isEqualTo(0.8 + 0.9 + 0.55);
    }

    @Test
    void shouldLeaveOutAnUndefinedDriftScore() {
        String text = Exposition.write(LABELS, snapshot());

        assertThat(text).doesNotContain("mlgitops_model_drift_score");
    }

    @Test
    void shouldExportADefinedDriftScore() {
        ServerMetrics metrics = new ServerMetrics(Optional.of(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
        double[] positive = new double[DriftWindow.MIN_PREDICTIONS];
        Arrays.fill(positive, 0.95);
        metrics.recordPredictions(new ModelOutput(new NumericColumn("prediction", new double[positive.length]),
                Optional.of(ProbabilityTable.positiveClass(positive)), List.of()), new String[positive.length]);

        List<Sample> samples = parse(Exposition.write(LABELS, metrics.snapshot(Instant.EPOCH)));

        long[] current = new long[10];
        current[9] = DriftWindow.MIN_PREDICTIONS;
        assertThat(Double.parseDouble(value(samples, "mlgitops_model_drift_score")))
                .isEqualTo(DriftWindow.psi(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, current));
    }

    private static Sample find(final List<Sample> samples, final String name, final String code) {
        return samples.stream().filter(sample -> sample.name().equals(name)
                && code.equals(sample.labels().get("response_code"))).findFirst().orElseThrow();
    }

    private static String value(final List<Sample> samples, final String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).findFirst().orElseThrow().value();
    }
}
