package io.mlgitops.jmh;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.metrics.EvaluationData;
import io.mlgitops.metrics.MetricCatalog;
import io.mlgitops.metrics.PreparedMetric;
import io.mlgitops.metrics.Task;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** The metric kernels on 1,000,000 binary rows: counts (accuracy, F1), ROC AUC and log loss. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class MetricKernelsBenchmark {
    private EvaluationData data;
    private int[] weights;
    private PreparedMetric accuracy;
    private PreparedMetric f1;
    private PreparedMetric rocAuc;
    private PreparedMetric logLoss;

    @Setup
    public void setUp() throws InputException {
        data = BinaryData.model(BinaryData.target(1), 1.0, 2);
        weights = new int[data.size()];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < weights.length; i++) {
            weights[random.nextInt(weights.length)]++;
        }
        accuracy = prepare("accuracy_score");
        f1 = prepare("f1_score");
        rocAuc = prepare("roc_auc");
        logLoss = prepare("log_loss");
    }

    private PreparedMetric prepare(final String metric) throws InputException {
        return MetricCatalog.resolve(metric, Task.BINARY).prepare(data);
    }

    @Benchmark
    public double accuracy() {
        return accuracy.value();
    }

    @Benchmark
    public double f1() {
        return f1.value();
    }

    @Benchmark
    public double f1Weighted() {
        return f1.value(weights);
    }

    /** Sorting the scores into tie groups: done once per model. */
    @Benchmark
    public PreparedMetric rocAucPrepare() throws InputException {
        return prepare("roc_auc");
    }

    @Benchmark
    public double rocAuc() {
        return rocAuc.value();
    }

    @Benchmark
    public double rocAucWeighted() {
        return rocAuc.value(weights);
    }

    /** Clipping and logarithms of every row: done once per model. */
    @Benchmark
    public PreparedMetric logLossPrepare() throws InputException {
        return prepare("log_loss");
    }

    @Benchmark
    public double logLoss() {
        return logLoss.value();
    }

    @Benchmark
    public double logLossWeighted() {
        return logLoss.value(weights);
    }
}
