package io.jenkins.plugins.mlgitops.steps;

import hudson.AbortException;
import io.jenkins.plugins.mlgitops.config.settings.MlflowTarget;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A step's own MLflow URL, or the build's MLFLOW_TRACKING_URI, needs no configured server (the configuration is not
 * read: these tests run without Jenkins); both parameters at once stop the step with its name.
 */
class MlflowServersTest {
    private static final Map<String, String> TRACKING_URI = Map.of("MLFLOW_TRACKING_URI", "https://env.example.com");

    @Test
    void shouldUseTheStepsOwnUrlOrNoneWithoutReadingTheConfiguration() throws Exception {
        assertThat(MlflowServers.target("mlBenchmark", null, "https://mlflow.example.com", TRACKING_URI))
                .isEqualTo(new MlflowTarget("https://mlflow.example.com", null));
        assertThat(MlflowServers.target("mlBenchmark", "", null, TRACKING_URI))
                .isSameAs(MlflowTarget.BUILD_ENVIRONMENT);
    }

    @Test
    void shouldStopTheStepWhenBothAreGiven() {
        assertThatThrownBy(() -> MlflowServers.target("mlPromote", "production", "https://x.example.com", Map.of()))
                .isInstanceOf(AbortException.class)
                .hasMessage("mlPromote: Give mlflowServer or mlflowUrl, not both.");
    }
}
