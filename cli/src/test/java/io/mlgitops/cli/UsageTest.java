package io.mlgitops.cli;

import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage errors exit with 2 and say how to get help. */
class UsageTest {
    private static CliRun benchmark(final String... extra) {
        String[] base = {"benchmark", "--dataset", TestEnvironment.example("churn/test.csv").toString(),
            "--target", "churned", "--champion", "onnx:a.onnx", "--candidate", "onnx:b.onnx"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    private static void assertUsageError(final CliRun run, final String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(fragments).contains("--help").doesNotContain("\tat ");
        assertThat(run.err().lines().filter(line -> line.startsWith("error: "))).hasSize(1);
    }

    @Test
    void shouldNameAMissingRequiredOption() {
        assertUsageError(CliRun.of("benchmark", "--dataset", "x.csv"), "Missing required options",
                "--target", "--champion", "--candidate");
    }

    @Test
    void shouldExplainAMalformedGate() {
        assertUsageError(benchmark("--gate", "accuracy_score"), "NAME:minAbsoluteChange=0.01");
        assertUsageError(benchmark("--gate", "accuracy_score:minAbsoluteChange=lots"),
                "minAbsoluteChange must be a number, got 'lots'");
        assertUsageError(benchmark("--gate", "accuracy_score:minAbsoluteChange=0"),
                "minAbsoluteChange must be greater than 0");
        assertUsageError(benchmark("--gate", "accuracy_score:speed=1"), "'speed=1' is not KEY=VALUE");
    }

    @Test
    void shouldRejectValuesOutOfRange() {
        assertUsageError(benchmark("--confidence", "1.5"), "confidence must be between 0 and 1");
        assertUsageError(benchmark("--resamples", "5"), "resamples must be at least 100");
        assertUsageError(benchmark("--test", "ttest"), "--test", "BOOTSTRAP");
        assertUsageError(benchmark("--delimiter", "ab"), "--delimiter must be one character");
    }

    @Test
    void shouldListTheKnownMetricsForAnUnknownOne() {
        CliRun run = CliRun.of("benchmark", "--dataset", TestEnvironment.example("churn/test.csv").toString(),
                "--target", "churned", "--champion", "onnx:" + TestEnvironment.example("churn/champion.onnx"),
                "--candidate", "onnx:" + TestEnvironment.example("churn/candidate.onnx"), "--metric", "acuracy",
                "--latency-samples", "0");

        assertUsageError(run, "acuracy", "accuracy_score");
        assertThat(run.err()).doesNotContain("Predicting");
    }

    @Test
    void shouldAskForACommand() {
        assertUsageError(CliRun.of(), "Missing command");
    }

    @Test
    void shouldPrintTheHelpOfEveryCommand() {
        for (String command : new String[] {"benchmark", "promote", "rollback", "report", "demo"}) {
            CliRun help = CliRun.of(command, "--help");

            assertThat(help.exitCode()).as(command + ": " + help.err()).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: mlgitops " + command);
        }
        assertThat(CliRun.of("promote", "--help").out()).contains("--set-image", "--wait-for-sync", "--git-token-env");
    }

    @Test
    void shouldPrintHelpAndVersion() {
        CliRun help = CliRun.of("benchmark", "--help");
        CliRun version = CliRun.of("--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--dataset=CSV", "--gate=SPEC", "--on-missing-champion", "models:/NAME@ALIAS");
        assertThat(version.out()).startsWith("mlgitops ");
    }
}
