package io.mlgitops.metrics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Integer weights must act as replication counts: a weighted evaluation equals the metric on the physically
 * replicated rows, and unit weights equal the unweighted value exactly.
 */
class WeightedMetricsTest {
    static Stream<Arguments> metricsAndData() {
        List<Arguments> cases = new ArrayList<>();
        EvaluationData binary = ReferenceData.binary("p_champion");
        EvaluationData multiclass = randomMulticlass(new Random(3), 300, 4);
        EvaluationData regression = ReferenceData.regressionReference();
        for (EvaluationData data : List.of(binary, multiclass, regression)) {
            for (Metric metric : allMetricsFor(data.task())) {
                cases.add(Arguments.of(metric, data));
            }
        }
        return cases.stream();
    }

    private static List<Metric> allMetricsFor(final Task task) {
        List<Metric> metrics = new ArrayList<>();
        for (String name : MetricCatalog.names(task)) {
            metrics.add(MetricCatalog.byName(name).orElseThrow());
        }
        return metrics;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("metricsAndData")
    void shouldEqualTheMetricOnReplicatedRows(final Metric metric, final EvaluationData data) throws Exception {
        Random random = new Random(11);
        for (int trial = 0; trial < 5; trial++) {
            int[] weights = new int[data.size()];
            for (int row = 0; row < weights.length; row++) {
                weights[row] = random.nextInt(4);
            }
            double weighted = metric.prepare(data).value(weights);
            double replicated = metric.prepare(replicate(data, weights)).value();

            assertThat(weighted).as("trial %d", trial).isCloseTo(replicated, within(Math.abs(replicated) * 1e-13));
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("metricsAndData")
    void shouldEqualTheUnweightedValueExactlyWithUnitWeights(final Metric metric, final EvaluationData data)
            throws Exception {
        PreparedMetric prepared = metric.prepare(data);
        int[] ones = new int[data.size()];
        Arrays.fill(ones, 1);

        assertThat(prepared.value(ones)).isEqualTo(prepared.value());
    }

    static EvaluationData randomMulticlass(final Random random, final int rows, final int classes) {
        int[] yTrue = new int[rows];
        int[] yPred = new int[rows];
        double[][] probabilities = new double[classes][rows];
        for (int row = 0; row < rows; row++) {
            yTrue[row] = random.nextInt(classes);
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                probabilities[k][row] = random.nextInt(5) + (k == yTrue[row] ? 2 : 0);
                sum += probabilities[k][row];
            }
            int best = 0;
            for (int k = 0; k < classes; k++) {
                probabilities[k][row] /= sum;
                best = probabilities[k][row] > probabilities[best][row] ? k : best;
            }
            yPred[row] = best;
        }
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            labels.add(Integer.toString(k));
        }
        return EvaluationData.classification(ClassLabels.sorted(labels), classes - 1, yTrue, yPred, probabilities);
    }

    static EvaluationData replicate(final EvaluationData data, final int[] weights) {
        int[] rows = new int[(int) Arrays.stream(weights).asLongStream().sum()];
        int next = 0;
        for (int row = 0; row < weights.length; row++) {
            for (int copy = 0; copy < weights[row]; copy++) {
                rows[next++] = row;
            }
        }
        if (data.task() == Task.REGRESSION) {
            return EvaluationData.regression(pick(data.yTrueValues(), rows), pick(data.yPredValues(), rows));
        }
        double[][] probabilities = new double[data.labels().size()][];
        for (int k = 0; k < probabilities.length; k++) {
            probabilities[k] = pick(data.probabilities()[k], rows);
        }
        return EvaluationData.classification(data.labels(), data.positiveClass(), pick(data.yTrue(), rows),
                pick(data.yPred(), rows), probabilities);
    }

    private static double[] pick(final double[] values, final int[] rows) {
        return Arrays.stream(rows).mapToDouble(row -> values[row]).toArray();
    }

    private static int[] pick(final int[] values, final int[] rows) {
        return Arrays.stream(rows).map(row -> values[row]).toArray();
    }
}
