package io.mlgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mlgitops demo} on the embedded churn example: benchmark and compliance pass, the page shows both. */
class DemoSubcommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    private Path folder;

    @Test
    void shouldBenchmarkAndCheckTheCandidateAndWriteThePage() throws Exception {
        CliRun run = CliRun.of("demo", "--workdir", folder.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode benchmark = JSON.readTree(folder.resolve("reports/benchmark.json").toFile());
        JsonNode compliance = JSON.readTree(folder.resolve("reports/compliance.json").toFile());
        assertThat(benchmark.path("status").asText()).isEqualTo("PASSED");
        assertThat(compliance.path("status").asText()).isEqualTo("PASSED");
        assertThat(compliance.at("/results/summary/WAIVED").asInt()).as("the vulnerability, in both packs")
                .isEqualTo(2);
        assertThat(compliance.at("/results/summary/FAILED").asInt()).isZero();
        String page = Files.readString(folder.resolve("report.html"));
        assertThat(page).contains("accuracy_score", "CVE-2026-31337", "bias-examination");
        assertThat(run.out()).contains("== Benchmark", "== Compliance", "report.html");
    }
}
