package io.mlgitops.metrics;

import io.mlgitops.testing.ReferenceVectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RegressionMetricsTest {
    @ParameterizedTest
    @CsvSource({
            "mean_absolute_error, mae",
            "mean_squared_error, mse",
            "root_mean_squared_error, rmse",
            "r2_score, r2",
            "max_error, max_error",
            "mean_absolute_percentage_error, mape"})
    void shouldMatchScikitLearnOnTheReferenceSet(final String metric, final String field) throws Exception {
        double expected = ReferenceVectors.number("regression", field);

        assertThat(ReferenceData.value(metric, ReferenceData.regressionReference()))
                .isCloseTo(expected, within(Math.abs(expected) * 1e-15));
    }

    @ParameterizedTest
    @CsvSource({"mean_absolute_error", "mean_squared_error", "root_mean_squared_error", "r2_score", "max_error",
            "mean_absolute_percentage_error", "example_count"})
    void shouldReportRegressionMetricsWithTheirDirection(final String metric) throws Exception {
        Metric resolved = MetricCatalog.resolve(metric, Task.REGRESSION);

        assertThat(resolved.name()).isEqualTo(metric);
        assertThat(resolved.needsProbabilities()).isFalse();
        assertThat(resolved.direction()).isEqualTo(switch (metric) {
            case "r2_score" -> Direction.HIGHER_IS_BETTER;
            case "example_count" -> Direction.NONE;
            default -> Direction.LOWER_IS_BETTER;
        });
    }
}
