package io.mlgitops.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportJsonTest {
    private final ReportJson json = new ReportJson();

    private static Report<Map<String, Object>> report(final Status status) {
        return new Report<>(Report.SCHEMA_VERSION, "benchmark", status, "2026-11-28T10:00:00Z",
                "2026-11-28T10:00:05Z", Map.of("candidate", "onnx:candidate.onnx"),
                Map.of("dataset", Map.of("path", "test.csv", "sha256", "ab12")),
                Map.of("accuracy", 0.85, "labels", List.of("0", "1")), List.of(Message.warning("no champion")), "");
    }

    @Test
    void shouldWriteTheFieldsOfDesignSectionFiveInOrder() {
        ObjectNode tree = json.toTree(report(Status.PASSED));

        assertThat(tree.fieldNames()).toIterable().containsExactly("schemaVersion", "kind", "status", "startedAt",
                "finishedAt", "subject", "inputs", "results", "messages", "digest");
        assertThat(tree.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(tree.get("messages").get(0).get("level").asText()).isEqualTo("WARNING");
        assertThat(tree.get("digest").asText()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void shouldComputeADigestThatSurvivesAWriteAndReadRoundTrip(@TempDir final Path folder) throws Exception {
        Path file = folder.resolve("reports/benchmark.json");

        json.write(report(Status.PASSED), file);
        JsonNode read = json.read(file);

        assertThat(json.hasValidDigest(read)).isTrue();
        assertThat(read.get("digest").asText()).isEqualTo(json.toTree(report(Status.PASSED)).get("digest").asText());
        assertThat(folder.resolve("reports")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void shouldDetectATamperedReport() {
        ObjectNode tree = json.toTree(report(Status.FAILED));
        assertThat(json.hasValidDigest(tree)).isTrue();

        tree.put("status", "PASSED");

        assertThat(json.hasValidDigest(tree)).isFalse();
    }

    @Test
    void shouldNotDependOnKeyOrder() {
        ObjectNode tree = json.toTree(report(Status.PASSED));
        ObjectNode reordered = tree.objectNode();
        reordered.set("results", tree.get("results"));
        tree.fieldNames().forEachRemaining(name -> reordered.set(name, tree.get(name)));

        assertThat(json.digest(reordered)).isEqualTo(json.digest(tree));
    }

    @Test
    void shouldNameTheFolderWhenTheReportCannotBeWritten(@TempDir final Path folder) throws IOException {
        Path blocker = Files.writeString(folder.resolve("blocker"), "a file, not a folder");

        assertThatThrownBy(() -> json.write(report(Status.PASSED), blocker.resolve("report.json")))
                .hasMessageContaining("Cannot write the report to " + blocker.resolve("report.json"))
                .hasMessageContaining("writable");
    }
}
