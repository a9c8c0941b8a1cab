package io.jenkins.plugins.mlgitops.actions.summary;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Summaries of the real reports the command line wrote (core's test resources), and of broken ones. */
class ReportSummariesTest {
    @Test
    void shouldKeepTheGatesAndTheGatedMetricsOfABenchmark() throws IOException {
        ReportSummary summary = summary("benchmark.json");

        assertThat(summary.getKind()).isEqualTo("benchmark");
        assertThat(summary.getFile()).isEqualTo("benchmark.json");
        assertThat(summary.getStatus()).isEqualTo("FAILED");
        assertThat(summary.getSymbol()).isEqualTo("✘");
        assertThat(summary.getFinishedAt()).isEqualTo("2026-11-28T19:00:04.144490590Z");
        assertThat(summary.getSubject()).contains("candidate onnx:examples/churn/candidate.onnx");
        assertThat(summary.getGates()).extracting(GateVerdict::getName, GateVerdict::isPassed, GateVerdict::getVerdict)
                .containsExactly(tuple("recall_score", false, "✘ FAIL"),
                        tuple("latency", false, "✘ FAIL"));
        assertThat(summary.getMetrics()).singleElement().satisfies(metric -> {
            assertThat(metric.getName()).isEqualTo("recall_score");
            assertThat(metric.getChampion()).isEqualTo(0.6828442437923251);
            assertThat(metric.getCandidate()).isEqualTo(0.6918735891647856);
            assertThat(metric.getDelta()).isEqualTo(0.009029345372460473);
            assertThat(metric.getCiLow()).isEqualTo(-0.0176795580110497);
            assertThat(metric.getCiHigh()).isEqualTo(0.03803682106575705);
        });
        assertThat(summary.getCompliance()).isNull();
        assertThat(summary.getDeployment()).isNull();
        assertThat(summary.getCanary()).isNull();
    }

    @Test
    void shouldCountTheRulesOfAComplianceReport() throws IOException {
        ComplianceCounts counts = summary("compliance.json").getCompliance();

        assertThat(counts.getPassed()).isZero();
        assertThat(counts.getFailed()).isEqualTo(1);
        assertThat(counts.getWaived()).isEqualTo(1);
        assertThat(counts.getErrors()).isZero();
    }

    @Test
    void shouldKeepWhatAPromotionChangedWithAShortCommit() throws IOException {
        ReportSummary summary = summary("promotion.json");
        Deployment deployment = summary.getDeployment();

        assertThat(summary.getKind()).isEqualTo("promotion");
        assertThat(summary.getSymbol()).isEqualTo("✔");
        assertThat(deployment.getOperation()).isEqualTo("promote");
        assertThat(deployment.getModel()).isEqualTo("churn");
        assertThat(deployment.getVersion()).isEqualTo("2");
        assertThat(deployment.getEnvironment()).isEqualTo("staging");
        assertThat(deployment.getCommit()).isEqualTo("a251a1080700");
        assertThat(deployment.getAlias()).isNull();
    }

    @Test
    void shouldNameARollbackByItsOperation() throws IOException {
        ReportSummary summary = ReportSummaries.of("rollback.json", ReportSummaries.tree("""
                {"kind": "promotion", "status": "PASSED", "results": {"operation": "rollback", "model": "churn",
                 "version": "3", "environment": "production", "commit": "abc", "alias": {"name": "champion"}}}"""));

        assertThat(summary.getKind()).isEqualTo("rollback");
        assertThat(summary.getDeployment().getCommit()).isEqualTo("abc");
        assertThat(summary.getDeployment().getAlias()).isEqualTo("champion");
    }

    @Test
    void shouldKeepTheOutcomeOfCanaryRuns() throws IOException {
        CanaryResult promoted = summary("canary-promoted.json").getCanary();
        CanaryResult rolledBack = summary("canary-rolled-back.json").getCanary();

        assertThat(promoted.getOutcome()).isEqualTo("PROMOTED");
        assertThat(promoted.getLabel()).isEqualTo("✔ promoted");
        assertThat(promoted.getFinalWeight()).isEqualTo(100);
        assertThat(promoted.getStepsReached()).isEqualTo(3);
        assertThat(rolledBack.getOutcome()).isEqualTo("ROLLED_BACK");
        assertThat(rolledBack.getLabel()).isEqualTo("✘ rolled back");
        assertThat(rolledBack.getFinalWeight()).isZero();
        assertThat(rolledBack.getStepsReached()).isEqualTo(1);
    }

    @Test
    void shouldSummariseWhatIsThereWhenFieldsAreMissingOrOfAnotherType() throws IOException {
        ReportSummary empty = ReportSummaries.of("x.json", ReportSummaries.tree("{}"));
        ReportSummary benchmark = ReportSummaries.of("benchmark.json", ReportSummaries.tree(
                "{\"kind\": \"benchmark\", \"status\": 3, \"results\": {\"gates\": \"all\", \"metrics\": 5}}"));
        ReportSummary canary = ReportSummaries.of("canary.json", ReportSummaries.tree(
                "{\"kind\": \"canary\", \"results\": {\"finalWeight\": \"half\", \"steps\": {}}}"));
        ReportSummary compliance = ReportSummaries.of("compliance.json", ReportSummaries.tree(
                "{\"kind\": \"compliance\", \"results\": []}"));
        ReportSummary future = ReportSummaries.of("drift.json", ReportSummaries.tree(
                "{\"kind\": \"drift\", \"status\": \"PASSED\", \"results\": {\"psi\": 0.1}}"));

        assertThat(empty.getKind()).isEqualTo("?");
        assertThat(empty.getStatus()).isEqualTo("?");
        assertThat(empty.getSymbol()).isEqualTo("?");
        assertThat(empty.getFinishedAt()).isNull();
        assertThat(benchmark.getStatus()).isEqualTo("3");
        assertThat(benchmark.getGates()).isEmpty();
        assertThat(benchmark.getMetrics()).isEmpty();
        assertThat(canary.getCanary().getOutcome()).isNull();
        assertThat(canary.getCanary().getFinalWeight()).isNull();
        assertThat(canary.getCanary().getStepsReached()).isZero();
        assertThat(compliance.getCompliance().getFailed()).isZero();
        assertThat(future.getKind()).isEqualTo("drift");
        assertThat(future.getMetrics()).isEmpty();
    }

    @Test
    void shouldSurviveSerialisation() throws IOException, ClassNotFoundException {
        ReportSummary summary = summary("benchmark.json");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(summary);
        }

        ReportSummary copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ReportSummary) in.readObject();
        }

        assertThat(copy).usingRecursiveComparison().isEqualTo(summary);
        assertThat(bytes.size()).as("a summary is small").isLessThan(2048);
    }

    static ReportSummary summary(final String resource) throws IOException {
        return ReportSummaries.of(resource, ReportSummaries.tree(RealReports.text(resource)));
    }
}
