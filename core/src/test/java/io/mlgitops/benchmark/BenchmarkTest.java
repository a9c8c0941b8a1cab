package io.mlgitops.benchmark;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ModelRunnerFactory;
import io.mlgitops.inference.ProbabilityTable;
import io.mlgitops.metrics.Task;
import io.mlgitops.registry.AliasNotFoundException;
import io.mlgitops.report.Message;
import io.mlgitops.report.Report;
import io.mlgitops.report.Status;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The orchestration of a benchmark with in-memory models: policies, gates, task inference and resource handling.
 * The real runners, CSV reader and registry are covered by their own tests and the command-line tests.
 */
class BenchmarkTest {
    private static final double[] TRUTH = {0, 0, 0, 0, 1, 1, 1, 1, 0, 1};
    private static final String CHAMPION = "predictions:champion.csv";
    private static final String CANDIDATE = "predictions:candidate.csv";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    private final Map<String, FixedRunner> runners = new HashMap<>();
    private final ModelRunnerFactory factory = reference -> {
        FixedRunner runner = runners.get(reference);
        if (runner == null) {
            throw new AliasNotFoundException("churn", "champion", "Registered model alias champion not found.");
        }
        return runner;
    };

    private static Dataset dataset(final double[] target) {
        return new Dataset("test.csv", "ab".repeat(32), List.of(new NumericColumn("y", target)));
    }

    private static ModelOutput labels(final double... predicted) {
        double[] positive = new double[predicted.length];
        for (int row = 0; row < predicted.length; row++) {
            positive[row] = predicted[row] == 1 ? 0.8 : 0.2;
        }
        return new ModelOutput(new NumericColumn("prediction", predicted),
                Optional.of(ProbabilityTable.positiveClass(positive)), List.of());
    }

    private static BenchmarkSettings settings(final List<Gate> gates, final GateMode mode,
            final MissingChampionPolicy policy, final Task task) {
        return new BenchmarkSettings("y", CHAMPION, CANDIDATE, List.of(), null, task, List.of(), gates, mode,
                SignificanceMethod.BOOTSTRAP, 0.95, 200, 7, List.of(), policy, 0, null, 64, 0);
    }

    private Report<BenchmarkResults> run(final BenchmarkSettings settings, final double[] target)
            throws MlGitOpsException {
        return new Benchmark(settings, factory, ProgressListener.NONE, CLOCK).run(columns -> dataset(target));
    }

    private void models(final ModelOutput champion, final ModelOutput candidate) {
        runners.put(CHAMPION, new FixedRunner(CHAMPION, champion));
        runners.put(CANDIDATE, new FixedRunner(CANDIDATE, candidate));
    }

    @Test
    void shouldPassABetterCandidateAndCloseBothModels() throws MlGitOpsException {
        models(labels(0, 1, 0, 0, 1, 0, 1, 1, 1, 1), labels(0, 0, 0, 0, 1, 1, 1, 1, 1, 1));

        Report<BenchmarkResults> report = run(settings(List.of(), GateMode.ALL, MissingChampionPolicy.PASS, null),
                TRUTH);

        assertThat(report.status()).isEqualTo(Status.PASSED);
        assertThat(report.startedAt()).isEqualTo("2026-11-28T12:00:00Z");
        assertThat(report.results().task()).isEqualTo("binary");
        assertThat(report.results().gateMode()).isEqualTo("any");
        assertThat(report.results().gates()).extracting(GateResult::metric)
                .containsExactly("accuracy_score", "f1_weighted");
        MetricComparison accuracy = report.results().metrics().get(1);
        assertThat(accuracy.name()).isEqualTo("accuracy_score");
        assertThat(accuracy.champion()).isEqualTo(0.7);
        assertThat(accuracy.candidate()).isEqualTo(0.9);
        assertThat(accuracy.ci()).isNotNull();
        assertThat(runners.values()).allMatch(FixedRunner::isClosed);
    }

    @Test
    void shouldLetTheFirstModelOfALinePassWithAWarning() throws MlGitOpsException {
        runners.put(CANDIDATE, new FixedRunner(CANDIDATE, labels(0, 0, 0, 0, 1, 1, 1, 1, 1, 1)));

        Report<BenchmarkResults> report = run(settings(List.of(), GateMode.ALL, MissingChampionPolicy.PASS, null),
                TRUTH);

        assertThat(report.status()).isEqualTo(Status.PASSED);
        assertThat(report.results().championPresent()).isFalse();
        assertThat(report.subject()).containsEntry("champion", CHAMPION);
        assertThat(report.inputs()).doesNotContainKey("champion");
        assertThat(report.messages()).extracting(Message::level).contains(Message.Level.WARNING);
        assertThat(report.results().gates()).allSatisfy(gate ->
                assertThat(gate.message()).contains("no champion to compare with"));
        assertThat(report.results().metrics()).allSatisfy(metric -> assertThat(metric.champion()).isNull());
    }

    @Test
    void shouldFailWithoutChampionWhenThePolicySaysSo() throws MlGitOpsException {
        runners.put(CANDIDATE, new FixedRunner(CANDIDATE, labels(0, 0, 0, 0, 1, 1, 1, 1, 1, 1)));

        assertThat(run(settings(List.of(), GateMode.ALL, MissingChampionPolicy.FAIL, null), TRUTH).status())
                .isEqualTo(Status.FAILED);
    }

    @Test
    void shouldStillApplyAbsoluteThresholdsWithoutChampion() throws MlGitOpsException {
        runners.put(CANDIDATE, new FixedRunner(CANDIDATE, labels(0, 1, 0, 0, 1, 0, 1, 1, 1, 1)));
        List<Gate> gates = List.of(new Gate("accuracy", 0.8, null, null, null, false));

        Report<BenchmarkResults> report = run(settings(gates, GateMode.ALL, MissingChampionPolicy.PASS, null),
                TRUTH);

        assertThat(report.status()).isEqualTo(Status.FAILED);
        assertThat(report.results().gates().get(0).metric()).isEqualTo("accuracy_score");
        assertThat(report.results().gates().get(0).message()).contains("below threshold 0.8000");
    }

    @Test
    void shouldCloseTheCandidateWhenTheChampionCannotBeOpened() {
        FixedRunner candidate = new FixedRunner(CANDIDATE, labels(TRUTH));
        ModelRunnerFactory failingChampion = reference -> {
            if (reference.equals(CANDIDATE)) {
                return candidate;
            }
            throw new InputException("champion.onnx is not an ONNX model");
        };
        Benchmark benchmark = new Benchmark(settings(List.of(), GateMode.ALL, MissingChampionPolicy.PASS, null),
                failingChampion, ProgressListener.NONE, CLOCK);

        assertThatThrownBy(() -> benchmark.run(columns -> dataset(TRUTH)))
                .hasMessage("champion.onnx is not an ONNX model");
        assertThat(candidate.isClosed()).isTrue();
    }

    @Test
    void shouldCloseTheModelsWhenTheDataCannotBeRead() {
        models(labels(TRUTH), labels(TRUTH));
        Benchmark benchmark = new Benchmark(settings(List.of(), GateMode.ALL, MissingChampionPolicy.PASS, null),
                factory, ProgressListener.NONE, CLOCK);

        assertThatThrownBy(() -> benchmark.run(columns -> {
            throw new InputException("test.csv does not exist");
        })).hasMessage("test.csv does not exist");
        assertThat(runners.values()).allMatch(FixedRunner::isClosed);
    }

    @Test
    void shouldReadOnlyTheNeededColumnsWhenBothModelsArePredictionsFiles() throws MlGitOpsException {
        models(labels(TRUTH), labels(TRUTH));
        List<Set<String>> requested = new ArrayList<>();

        new Benchmark(settings(List.of(), GateMode.ALL, MissingChampionPolicy.PASS, null), factory,
                ProgressListener.NONE, CLOCK).run(columns -> {
                    requested.add(columns);
                    return dataset(TRUTH);
                });

        assertThat(requested).containsExactly(Set.of("y"));
    }

    @Test
    void shouldInferRegressionFromFractionalPredictions() throws MlGitOpsException {
        double[] target = {1, 2, 3, 4, 5, 6};
        models(new ModelOutput(new NumericColumn("prediction", new double[] {1.5, 2.5, 2.5, 4.5, 4.5, 6.5}),
                        Optional.empty(), List.of()),
                new ModelOutput(new NumericColumn("prediction", new double[] {1.1, 2.1, 2.9, 4.1, 5.1, 5.9}),
                        Optional.empty(), List.of()));

        Report<BenchmarkResults> report = run(settings(List.of(), GateMode.ALL, MissingChampionPolicy.PASS, null),
                target);

        assertThat(report.results().task()).isEqualTo("regression");
        assertThat(report.results().labels()).isEmpty();
        assertThat(report.results().gates()).extracting(GateResult::metric)
                .containsExactly("root_mean_squared_error", "r2_score");
        assertThat(report.status()).isEqualTo(Status.PASSED);
    }

    @Test
    void shouldRejectALatencyGateOnPrecomputedPredictions() {
        models(labels(TRUTH), labels(TRUTH));
        BenchmarkSettings withLatencyGate = new BenchmarkSettings("y", CHAMPION, CANDIDATE, List.of(), null, null,
                List.of(), List.of(), GateMode.ALL, SignificanceMethod.NONE, 0.95, 200, 7, List.of(),
                MissingChampionPolicy.PASS, 10, 1.2, 64, 0);
        Benchmark benchmark = new Benchmark(withLatencyGate, factory, ProgressListener.NONE, CLOCK);

        assertThatThrownBy(() -> benchmark.run(columns -> dataset(TRUTH)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("--max-latency-regression needs both models to run");
    }

    @Test
    void shouldReportAnUnknownTargetAndCloseTheModels() {
        models(labels(TRUTH), labels(TRUTH));
        BenchmarkSettings wrongTarget = new BenchmarkSettings("label", CHAMPION, "onnx:candidate.onnx", List.of(),
                null, null, List.of(), List.of(), GateMode.ALL, SignificanceMethod.NONE, 0.95, 200, 7, List.of(),
                MissingChampionPolicy.PASS, 0, null, 64, 0);
        runners.put("onnx:candidate.onnx", new FixedRunner("onnx:candidate.onnx", labels(TRUTH)));

        assertThatThrownBy(() -> new Benchmark(wrongTarget, factory, ProgressListener.NONE, CLOCK)
                .run(columns -> dataset(TRUTH)))
                .hasMessageContaining("test.csv has no column 'label'. Columns: y.");
        assertThat(runners.get(CHAMPION).isClosed()).isTrue();
        assertThat(runners.get("onnx:candidate.onnx").isClosed()).isTrue();
    }

    @Test
    void shouldNotMixUpModelsWhenTheTaskIsGiven() throws MlGitOpsException {
        models(labels(TRUTH), labels(TRUTH));

        Report<BenchmarkResults> report = run(settings(List.of(), GateMode.ALL, MissingChampionPolicy.PASS,
                Task.BINARY), TRUTH);

        assertThat(report.results().metrics()).filteredOn(metric -> "accuracy_score".equals(metric.name()))
                .singleElement().satisfies(metric -> {
                    assertThat(metric.delta()).isZero();
                    assertThat(metric.significant()).isFalse();
                });
        assertThat(report.status()).isEqualTo(Status.FAILED);
    }
}
