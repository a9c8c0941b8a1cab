package io.jenkins.plugins.mlgitops.steps.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The controller's half: report kept with the build, summary in the log, verdict, return value. */
class StepFinisherTest {
    @TempDir
    private Path build;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void shouldKeepEveryReportOfABuildUnderItsOwnNameAndReturnItsPath() throws Exception {
        StepFinisher.Finished first = finish(outcome("PASSED", "{\"n\":1}"), false);
        StepFinisher.Finished second = finish(outcome("PASSED", "{\"n\":2}"), false);

        assertThat(first.verdict().decision()).isEqualTo(StepVerdict.Decision.CONTINUE);
        assertThat(first.values()).containsEntry("report", "mlgitops/benchmark.json")
                .containsEntry("reportFile", build.resolve("mlgitops/benchmark.json").toString())
                .containsEntry("status", "PASSED");
        assertThat(second.values()).containsEntry("report", "mlgitops/benchmark-2.json");
        assertThat(build.resolve("mlgitops/benchmark.json")).hasContent("{\"n\":1}");
        assertThat(build.resolve("mlgitops/benchmark-2.json")).hasContent("{\"n\":2}");
        assertThat(lines()).contains("[mlBenchmark] PASSED accuracy_score: +0.02",
                "[mlBenchmark] Report kept with the build: mlgitops/benchmark.json");
    }

    @Test
    void shouldFailTheBuildOnAFailedGateUnlessAskedToMarkItUnstable() throws Exception {
        StepFinisher.Finished failed = finish(outcome("FAILED", "{}"), false);
        StepFinisher.Finished unstable = finish(outcome("FAILED", "{}"), true);

        assertThat(failed.verdict()).isEqualTo(new StepVerdict(StepVerdict.Decision.FAIL,
                "mlBenchmark failed: accuracy_score: +0.002 < 0.01"));
        assertThat(unstable.verdict().decision()).isEqualTo(StepVerdict.Decision.UNSTABLE);
        assertThat(unstable.values()).containsEntry("report", "mlgitops/benchmark-2.json");
        assertThat(lines()).contains("[mlBenchmark] Marking the build UNSTABLE (unstableOnFailure: true): "
                + "mlBenchmark failed: accuracy_score: +0.002 < 0.01");
    }

    @Test
    void shouldAlwaysFailOnAnInputErrorAndKeepNoReport() throws Exception {
        StepFinisher.Finished finished = finish(StepOutcome.error("benchmark", "data/x.csv does not exist"), true);

        assertThat(finished.verdict()).isEqualTo(new StepVerdict(StepVerdict.Decision.FAIL,
                "mlBenchmark could not run: data/x.csv does not exist"));
        assertThat(finished.values()).containsEntry("status", "ERROR").doesNotContainKey("report");
        assertThat(build.resolve("mlgitops")).doesNotExist();
    }

    @Test
    void shouldFailOnRulesThatCouldNotBeEvaluatedEvenWhenUnstableIsAllowed() {
        StepOutcome errored = new StepOutcome("compliance", "ERROR", "{}", new LinkedHashMap<>(),
                new ArrayList<>(List.of("sbom ERROR: not CycloneDX")), new ArrayList<>());

        assertThat(StepVerdict.of("mlComplianceCheck", errored, true)).isEqualTo(new StepVerdict(
                StepVerdict.Decision.FAIL, "mlComplianceCheck error: sbom ERROR: not CycloneDX"));
    }

    @Test
    void shouldHandAMutableCopyToThePipeline() throws Exception {
        StepOutcome outcome = outcome("PASSED", null);
        StepFinisher.Finished finished = finish(outcome, false);

        finished.values().put("mine", 1);

        assertThat(outcome.values()).doesNotContainKey("mine");
        assertThat(Files.exists(build.resolve("mlgitops"))).isFalse();
    }

    private StepFinisher.Finished finish(final StepOutcome outcome, final boolean unstable) throws Exception {
        try (PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            return StepFinisher.finish("mlBenchmark", outcome, build, unstable, out);
        }
    }

    private List<String> lines() {
        return log.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static StepOutcome outcome(final String status, final String json) {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        values.put("status", status);
        boolean passed = "PASSED".equals(status);
        return new StepOutcome("benchmark", status, json, values,
                new ArrayList<>(passed ? List.of() : List.of("accuracy_score: +0.002 < 0.01")),
                new ArrayList<>(List.of(passed ? "PASSED accuracy_score: +0.02" : "FAILED accuracy_score: +0.002")));
    }
}
