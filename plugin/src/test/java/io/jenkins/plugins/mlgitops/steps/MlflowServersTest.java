package io.jenkins.plugins.mlgitops.steps;

import hudson.AbortException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A step's own MLflow URL needs no configured server; both at once stop the step with its name. */
class MlflowServersTest {
    @Test
    void shouldUseTheStepsOwnUrlOrNoneWithoutReadingTheConfiguration() throws Exception {
        assertThat(MlflowServers.url("mlBenchmark", null, "https://mlflow.example.com"))
                .isEqualTo("https://mlflow.example.com");
        assertThat(MlflowServers.url("mlBenchmark", " ", null)).isNull();
    }

    @Test
    void shouldStopTheStepWhenBothAreGiven() {
        assertThatThrownBy(() -> MlflowServers.url("mlComplianceCheck", "production", "https://x.example.com"))
                .isInstanceOf(AbortException.class)
                .hasMessage("mlComplianceCheck: Give mlflowServer or mlflowUrl, not both.");
    }
}
