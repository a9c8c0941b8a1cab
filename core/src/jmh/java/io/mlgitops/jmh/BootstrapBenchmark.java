package io.mlgitops.jmh;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.metrics.EvaluationData;
import io.mlgitops.metrics.MetricCatalog;
import io.mlgitops.metrics.PreparedMetric;
import io.mlgitops.metrics.Task;
import io.mlgitops.stats.BootstrapResult;
import io.mlgitops.stats.PairedBootstrap;
import io.mlgitops.stats.Resampling;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** The paired bootstrap, 1,000 resamples of 1,000,000 rows, on the default two threads. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class BootstrapBenchmark {
    private static final PairedBootstrap BOOTSTRAP = new PairedBootstrap(1000, 0.95, 42);

    private PreparedMetric candidateF1;
    private PreparedMetric championF1;
    private PreparedMetric candidateAuc;
    private PreparedMetric championAuc;
    private Resampling rows;
    private Resampling byClass;

    @Setup
    public void setUp() throws InputException {
        int[] yTrue = BinaryData.target(1);
        EvaluationData champion = BinaryData.model(yTrue, 1.0, 2);
        EvaluationData candidate = BinaryData.model(yTrue, 1.1, 3);
        candidateF1 = MetricCatalog.resolve("f1_score", Task.BINARY).prepare(candidate);
        championF1 = MetricCatalog.resolve("f1_score", Task.BINARY).prepare(champion);
        candidateAuc = MetricCatalog.resolve("roc_auc", Task.BINARY).prepare(candidate);
        championAuc = MetricCatalog.resolve("roc_auc", Task.BINARY).prepare(champion);
        rows = Resampling.rows(yTrue.length);
        byClass = Resampling.stratified(yTrue);
    }

    @Benchmark
    public BootstrapResult f1Difference() {
        return BOOTSTRAP.compare(candidateF1, championF1, rows);
    }

    @Benchmark
    public BootstrapResult aucDifferenceStratified() {
        return BOOTSTRAP.compare(candidateAuc, championAuc, byClass);
    }
}
