package io.mlgitops.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GateEvaluatorTest {
    private final GateEvaluator evaluator = new GateEvaluator();

    private static MetricComparison comparison(final Double champion, final Double candidate,
            final ConfidenceInterval ci) {
        Double delta = champion == null || candidate == null ? null : candidate - champion;
        return new MetricComparison("accuracy_score", "higher_is_better", champion, candidate, delta, null, ci, null,
                null, null, null);
    }

    private static Gate gate(final Double threshold, final Double absolute, final Double relative,
            final boolean greater, final boolean significance) {
        return new Gate("accuracy_score", threshold, absolute, relative, greater, significance);
    }

    @Test
    void shouldPassAbsoluteChangeExactlyAtTheMarginLikeMlflow() {
        double champion = 0.5;
        double candidate = champion + 0.25;

        GateResult result = evaluator.evaluate(gate(null, 0.25, null, true, false),
                comparison(champion, candidate, null), true);

        assertThat(result.passed()).isTrue();
        assertThat(result.message()).contains("candidate 0.7500 vs champion 0.5000 (+0.2500)").endsWith("passed");
    }

    @Test
    void shouldCompareTheDoubleSumOfBaselineAndDeltaAsMlflowDoes() {
        // MLflow compares Decimal(candidate) >= Decimal(baseline + delta): 0.7 + 0.1 is 0.7999999999999999 in binary
        assertThat(evaluator.evaluate(gate(null, 0.1, null, true, false), comparison(0.7, 0.7999999999999999, null),
                true).passed()).isTrue();
        assertThat(evaluator.evaluate(gate(null, 0.1, null, true, false), comparison(0.7, 0.7999999999999998, null),
                true).passed()).isFalse();
    }

    @Test
    void shouldFailAnImprovementShortOfTheMargin() {
        GateResult result = evaluator.evaluate(gate(null, 0.01, null, true, false), comparison(0.80, 0.805, null),
                true);

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("change +0.0050 is short of the required +0.0100");
    }

    @Test
    void shouldRequireADecreaseWhenLowerIsBetter() {
        Gate lowerIsBetter = gate(null, 0.1, null, false, false);

        assertThat(evaluator.evaluate(lowerIsBetter, comparison(1.0, 0.9, null), true).passed()).isTrue();
        assertThat(evaluator.evaluate(lowerIsBetter, comparison(1.0, 0.95, null), true).passed()).isFalse();
    }

    @Test
    void shouldApplyTheThresholdToTheCandidateAlone() {
        assertThat(evaluator.evaluate(gate(0.8, null, null, true, false), comparison(0.9, 0.8, null), true).passed())
                .isTrue();
        GateResult below = evaluator.evaluate(gate(0.8, null, null, true, false), comparison(0.7, 0.79, null), true);
        assertThat(below.passed()).isFalse();
        assertThat(below.message()).contains("candidate 0.7900 is below threshold 0.8000");
        assertThat(evaluator.evaluate(gate(0.5, null, null, false, false), comparison(0.7, 0.6, null), true).passed())
                .isFalse();
    }

    @Test
    void shouldDivideTheRelativeChangeByTheSignedBaseline() {
        assertThat(evaluator.evaluate(gate(null, null, 0.1, true, false), comparison(0.5, 0.55, null), true)
                .passed()).isTrue();
        assertThat(evaluator.evaluate(gate(null, null, 0.1, true, false), comparison(0.5, 0.54, null), true)
                .passed()).isFalse();
        assertThat(evaluator.evaluate(gate(null, null, 0.1, false, false), comparison(2.0, 1.7, null), true)
                .passed()).isTrue();
        // a negative baseline flips the meaning, as in MLflow: (-1 - (-2)) / -2 = -0.5
        assertThat(evaluator.evaluate(gate(null, null, 0.1, true, false), comparison(-2.0, -1.0, null), true)
                .passed()).isFalse();
    }

    @Test
    void shouldFallBackToATinyAbsoluteChangeWhenTheBaselineIsZero() {
        assertThat(evaluator.evaluate(gate(null, null, 0.5, true, false), comparison(0.0, 1e-9, null), true)
                .passed()).isTrue();
        assertThat(evaluator.evaluate(gate(null, null, 0.5, true, false), comparison(0.0, 1e-11, null), true)
                .passed()).isFalse();
    }

    @Test
    void shouldRequireTheIntervalToClearTheMarginWhenSignificanceIsRequired() {
        Gate significant = gate(null, 0.01, null, true, true);

        assertThat(evaluator.evaluate(significant, comparison(0.80, 0.85, new ConfidenceInterval(0.02, 0.08, 0.95)),
                true).passed()).isTrue();
        GateResult wide = evaluator.evaluate(significant,
                comparison(0.80, 0.85, new ConfidenceInterval(0.005, 0.09, 0.95)), true);
        assertThat(wide.passed()).isFalse();
        assertThat(wide.message()).contains("the 95% interval [+0.0050, +0.0900] does not clear +0.0100");
    }

    @Test
    void shouldRequireAPositiveIntervalForSignificanceWithoutMargin() {
        Gate significantOnly = gate(0.5, null, null, true, true);

        assertThat(evaluator.evaluate(significantOnly, comparison(0.8, 0.82, new ConfidenceInterval(0.001, 0.04,
                0.95)), true).passed()).isTrue();
        assertThat(evaluator.evaluate(significantOnly, comparison(0.8, 0.82, new ConfidenceInterval(0.0, 0.04,
                0.95)), true).passed()).isFalse();
    }

    @Test
    void shouldExplainThatSignificanceNeedsStatistics() {
        GateResult result = evaluator.evaluate(gate(null, 0.01, null, true, true), comparison(0.8, 0.9, null), true);

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("--test none");
    }

    @Test
    void shouldSkipTheComparisonButKeepTheThresholdWithoutAChampion() {
        GateResult skipped = evaluator.evaluate(gate(null, 0.01, null, true, false), comparison(null, 0.7, null),
                false);
        assertThat(skipped.passed()).isTrue();
        assertThat(skipped.message()).contains("no champion to compare with");

        assertThat(evaluator.evaluate(gate(0.8, 0.01, null, true, false), comparison(null, 0.7, null), false)
                .passed()).isFalse();
    }

    @Test
    void shouldFailWhenTheCandidateMetricIsMissing() {
        GateResult result = evaluator.evaluate(gate(0.1, null, null, true, false), comparison(0.5, Double.NaN, null),
                true);

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("was not computed for the candidate");
    }
}
