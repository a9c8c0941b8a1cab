package io.jenkins.plugins.mlgitops.config.settings;

import io.mlgitops.api.errors.InvalidSettingsException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Step parameter, then the build's MLFLOW_TRACKING_URI, then the configured default; credentials go with servers. */
class MlflowTargetTest {
    private static final List<MlflowServerSettings> SERVERS = List.of(
            new MlflowServerSettings("production", "https://mlflow.example.com", " mlflow-prod "),
            new MlflowServerSettings("staging", "https://mlflow-staging.example.com", " "));
    private static final MlflowTarget.Configured WITH_DEFAULT = new MlflowTarget.Configured(SERVERS, "production");
    private static final Supplier<MlflowTarget.Configured> UNREAD = () -> {
        throw new AssertionError("the configuration must not be read");
    };

    @Test
    void shouldPreferTheStepsOwnServer() throws InvalidSettingsException {
        assertThat(MlflowTarget.choose(() -> WITH_DEFAULT, "staging", null, "https://env.example.com"))
                .isEqualTo(new MlflowTarget("https://mlflow-staging.example.com", null));
        assertThat(MlflowTarget.choose(() -> WITH_DEFAULT, " production ", "", null))
                .isEqualTo(new MlflowTarget("https://mlflow.example.com", "mlflow-prod"));
        assertThat(MlflowTarget.choose(UNREAD, null, " https://own.example.com ", "https://env.example.com"))
                .isEqualTo(new MlflowTarget("https://own.example.com", null));
    }

    @Test
    void shouldLeaveTheBuildsTrackingUriBeforeTheDefault() throws InvalidSettingsException {
        assertThat(MlflowTarget.choose(UNREAD, " ", null, "https://env.example.com"))
                .isSameAs(MlflowTarget.BUILD_ENVIRONMENT);
    }

    @Test
    void shouldFallBackToTheConfiguredDefaultWithItsCredential() throws InvalidSettingsException {
        assertThat(MlflowTarget.choose(() -> WITH_DEFAULT, null, null, ""))
                .isEqualTo(new MlflowTarget("https://mlflow.example.com", "mlflow-prod"));
        assertThat(MlflowTarget.choose(() -> new MlflowTarget.Configured(SERVERS, null), null, null, null))
                .isSameAs(MlflowTarget.BUILD_ENVIRONMENT);
    }

    @Test
    void shouldNameTheSettingThatNamesAMissingServer() {
        assertThatThrownBy(() -> MlflowTarget.choose(() -> new MlflowTarget.Configured(SERVERS, "prod"), null, null,
                null)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("defaultMlflowServer: no MLflow server named 'prod'");
        assertThatThrownBy(() -> MlflowTarget.choose(() -> WITH_DEFAULT, "dev", null, null))
                .hasMessageStartingWith("mlflowServer: no MLflow server named 'dev'")
                .hasMessageEndingWith("configured: production, staging. Add it there or fix the name.");
        assertThatThrownBy(() -> MlflowTarget.choose(() -> WITH_DEFAULT, "staging", "https://x.example.com", null))
                .hasMessage("Give mlflowServer or mlflowUrl, not both.");
    }

    @Test
    void shouldWarnWhenTheDefaultIsNotASavedServer() {
        assertThat(WITH_DEFAULT.checkDefault("staging")).isEqualTo(Validation.ok());
        assertThat(WITH_DEFAULT.checkDefault(" ")).isEqualTo(Validation.ok());
        Validation missing = WITH_DEFAULT.checkDefault("dev");
        assertThat(missing.kind()).isEqualTo(Validation.Kind.WARNING);
        assertThat(missing.message()).startsWith("defaultMlflowServer: no MLflow server named 'dev'")
                .endsWith("(Save first if you have just added it.)");
    }
}
