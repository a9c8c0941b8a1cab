package io.mlgitops.stats;

import io.mlgitops.metrics.ClassLabels;
import io.mlgitops.metrics.EvaluationData;
import io.mlgitops.metrics.MetricCatalog;
import io.mlgitops.metrics.PreparedMetric;
import io.mlgitops.metrics.Task;
import io.mlgitops.testing.ReferenceVectors;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PairedBootstrapTest {
    private static final ClassLabels BINARY = ClassLabels.sorted(List.of("0", "1"));

    @Test
    void shouldReproduceTheReferenceAccuracyInterval() throws Exception {
        // scipy/numpy (seed 7, B = 2000) gave [0.02, 0.17]; another RNG stream gives a slightly different interval.
        BootstrapResult result = new PairedBootstrap(2000, 0.95, 7)
                .compare(reference("accuracy_score", "p_candidate"), reference("accuracy_score", "p_champion"),
                        Resampling.rows(200));
        double[] scipy = ReferenceVectors.doubles("paired_bootstrap_acc_diff_percentile_95");

        assertThat(result.delta()).isEqualTo(ReferenceVectors.number("point_estimate_acc_diff"));
        assertThat(result.low()).isLessThan(result.delta()).isCloseTo(scipy[0], within(0.015));
        assertThat(result.high()).isGreaterThan(result.delta()).isCloseTo(scipy[1], within(0.015));
        assertThat(result.pValue()).isLessThan(0.05);
        assertThat(result.resamples()).isEqualTo(2000);
        assertThat(result.seed()).isEqualTo(7);
        assertThat(result.level()).isEqualTo(0.95);
        assertThat(result.excluded()).isZero();
        assertThat(result.stratified()).isFalse();
    }

    @Test
    void shouldNotDependOnTheNumberOfThreads() throws Exception {
        PairedBootstrap bootstrap = new PairedBootstrap(300, 0.9, 123);
        List<MetricPair> pairs = List.of(
                new MetricPair(reference("f1_score", "p_candidate"), reference("f1_score", "p_champion")),
                new MetricPair(reference("roc_auc", "p_candidate"), reference("roc_auc", "p_champion")));

        List<BootstrapResult> one = bootstrap.withThreads(1).compare(pairs, Resampling.rows(200));
        List<BootstrapResult> two = bootstrap.compare(pairs, Resampling.rows(200));
        List<BootstrapResult> three = bootstrap.withThreads(3).compare(pairs, Resampling.rows(200));

        assertThat(two).isEqualTo(one).isEqualTo(three);
        assertThat(new PairedBootstrap(300, 0.9, 124).compare(pairs, Resampling.rows(200))).isNotEqualTo(one);
    }

    @Test
    void shouldStratifyAucResamplesSoThatNoneLacksAClass() throws Exception {
        EvaluationData candidate = tiny(new double[] {0.9, 0.2, 0.3, 0.4, 0.1, 0.35, 0.6, 0.05});
        EvaluationData champion = tiny(new double[] {0.5, 0.4, 0.3, 0.6, 0.1, 0.2, 0.7, 0.15});
        MetricPair auc = MetricPair.of(MetricCatalog.resolve("roc_auc", Task.BINARY), candidate, champion);
        PairedBootstrap bootstrap = new PairedBootstrap(1000, 0.95, 5);

        BootstrapResult simple = bootstrap.compare(List.of(auc), Resampling.rows(candidate.size())).get(0);
        BootstrapResult stratified = bootstrap.compare(List.of(auc), Resampling.stratified(candidate.yTrue())).get(0);

        assertThat(simple.excluded()).isPositive();
        assertThat(simple.used()).isEqualTo(1000 - simple.excluded());
        assertThat(stratified.excluded()).isZero();
        assertThat(stratified.stratified()).isTrue();
        assertThat(stratified.low()).isLessThanOrEqualTo(stratified.delta());
        assertThat(stratified.high()).isGreaterThanOrEqualTo(stratified.delta());
    }

    @Test
    void shouldAgreeWithDeLongOnTheReferenceAucDifference() throws Exception {
        BootstrapResult result = new PairedBootstrap(2000, 0.95, 11)
                .compare(reference("roc_auc", "p_candidate"), reference("roc_auc", "p_champion"),
                        Resampling.stratified(ReferenceVectors.ints("binary", "y_true")));
        double[] delong = ReferenceVectors.doubles("delong", "ci95_diff");

        assertThat(result.delta()).isCloseTo(ReferenceVectors.number("delong", "auc1")
                - ReferenceVectors.number("delong", "auc2"), within(1e-15));
        assertThat(result.low()).isCloseTo(delong[0], within(0.02));
        assertThat(result.high()).isCloseTo(delong[1], within(0.02));
        assertThat(result.pValue()).isLessThan(0.05);
    }

    @Test
    void shouldGiveAZeroIntervalAndPValueOneForIdenticalModels() throws Exception {
        PreparedMetric f1 = reference("f1_score", "p_champion");

        BootstrapResult result = new PairedBootstrap(200, 0.95, 1).compare(f1, f1, Resampling.rows(200));

        assertThat(result.delta()).isZero();
        assertThat(result.low()).isZero();
        assertThat(result.high()).isZero();
        assertThat(result.pValue()).isEqualTo(1.0);
    }

    @Test
    void shouldCoverTheTrueDifferenceAtAboutTheNominalRate() throws Exception {
        // Champion right with probability 0.75, candidate 0.80, independently: the true accuracy difference is 0.05.
        Random random = new Random(2024);
        int simulations = 200;
        int covered = 0;
        for (int simulation = 0; simulation < simulations; simulation++) {
            int rows = 300;
            int[] yTrue = new int[rows];
            int[] championPred = new int[rows];
            int[] candidatePred = new int[rows];
            for (int row = 0; row < rows; row++) {
                yTrue[row] = random.nextInt(2);
                championPred[row] = random.nextDouble() < 0.75 ? yTrue[row] : 1 - yTrue[row];
                candidatePred[row] = random.nextDouble() < 0.80 ? yTrue[row] : 1 - yTrue[row];
            }
            BootstrapResult result = new PairedBootstrap(400, 0.9, simulation).withThreads(1).compare(
                    accuracy(yTrue, candidatePred), accuracy(yTrue, championPred), Resampling.rows(rows));
            covered += result.low() <= 0.05 && 0.05 <= result.high() ? 1 : 0;
        }

        assertThat(covered / (double) simulations).isBetween(0.84, 0.95);
    }

    @Test
    void shouldDrawAsManyRowsAsThereAreAndKeepStrataSizes() {
        int[] strata = {0, 0, 1, 2, 2, 2, 1, 0, 2};
        int[] weights = new int[strata.length];
        Resampling.stratified(strata).draw(new SplittableRandom(3), weights);
        int[] perStratum = new int[3];
        for (int row = 0; row < strata.length; row++) {
            perStratum[strata[row]] += weights[row];
        }
        int[] simple = new int[10];
        Resampling.rows(10).draw(new SplittableRandom(3), simple);

        assertThat(perStratum).containsExactly(3, 2, 4);
        assertThat(Arrays.stream(simple).sum()).isEqualTo(10);
    }

    private static PreparedMetric reference(final String metric, final String probabilities) throws Exception {
        int[] yTrue = ReferenceVectors.ints("binary", "y_true");
        double[] positive = ReferenceVectors.doubles("binary", probabilities);
        return MetricCatalog.resolve(metric, Task.BINARY).prepare(binary(yTrue, positive));
    }

    private static EvaluationData tiny(final double[] positive) {
        return binary(new int[] {1, 0, 0, 0, 0, 0, 1, 0}, positive);
    }

    private static EvaluationData binary(final int[] yTrue, final double[] positive) {
        int[] yPred = new int[yTrue.length];
        double[] negative = new double[yTrue.length];
        for (int row = 0; row < yTrue.length; row++) {
            yPred[row] = positive[row] >= 0.5 ? 1 : 0;
            negative[row] = 1 - positive[row];
        }
        return EvaluationData.classification(BINARY, 1, yTrue, yPred, new double[][] {negative, positive});
    }

    private static PreparedMetric accuracy(final int[] yTrue, final int[] yPred) throws Exception {
        return MetricCatalog.resolve("accuracy", Task.BINARY)
                .prepare(EvaluationData.classification(BINARY, 1, yTrue, yPred, null));
    }
}
