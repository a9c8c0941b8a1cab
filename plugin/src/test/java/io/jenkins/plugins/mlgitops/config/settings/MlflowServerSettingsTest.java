package io.jenkins.plugins.mlgitops.config.settings;

import io.mlgitops.api.errors.InvalidSettingsException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of the configured MLflow servers. */
class MlflowServerSettingsTest {
    private static final List<MlflowServerSettings> SERVERS = List.of(
            new MlflowServerSettings("production", "https://mlflow.example.com", "mlflow-prod"),
            new MlflowServerSettings("staging", "https://mlflow-staging.example.com", null));

    @Test
    void shouldAcceptSimpleNamesAndHttpsUrls() {
        assertThat(MlflowServerSettings.checkName("prod-eu_1.a")).isEqualTo(Validation.ok());
        assertThat(MlflowServerSettings.checkName(" ").kind()).isEqualTo(Validation.Kind.ERROR);
        assertThat(MlflowServerSettings.checkName("prod eu").message()).startsWith("Use letters, digits");
        assertThat(MlflowServerSettings.checkUrl("https://mlflow.example.com:5000/")).isEqualTo(Validation.ok());
        assertThat(MlflowServerSettings.checkUrl("http://mlflow:5000").kind()).isEqualTo(Validation.Kind.WARNING);
        assertThat(MlflowServerSettings.checkUrl("").message())
                .isEqualTo("Give the tracking server's URL, e.g. https://mlflow.example.com");
        assertThat(MlflowServerSettings.checkUrl("mlflow.example.com").message()).startsWith("Not an http(s) URL");
        assertThat(MlflowServerSettings.checkUrl("https://ana:secret@mlflow.example.com").message())
                .isEqualTo("Do not put credentials into the URL; they would be shown and logged. Choose them as "
                        + "credentialsId.");
        assertThat(MlflowServerSettings.checkUrl("https://exa mple.com").kind()).isEqualTo(Validation.Kind.ERROR);
    }

    @Test
    void shouldResolveTheServerOfAStep() throws Exception {
        assertThat(MlflowServerSettings.resolve(() -> SERVERS, "staging", null))
                .isEqualTo("https://mlflow-staging.example.com");
        assertThat(MlflowServerSettings.resolve(() -> SERVERS, null, " https://other.example.com "))
                .isEqualTo("https://other.example.com");
        assertThat(MlflowServerSettings.resolve(() -> SERVERS, "", "")).isNull();
        assertThatThrownBy(() -> MlflowServerSettings.resolve(() -> SERVERS, "prod", null))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("mlflowServer: no MLflow server named 'prod' in Manage Jenkins > System > ML GitOps; "
                        + "configured: production, staging. Add it there or fix the name.");
        assertThatThrownBy(() -> MlflowServerSettings.resolve(List::of, "prod", null))
                .hasMessageContaining("configured: none.");
        assertThatThrownBy(() -> MlflowServerSettings.resolve(() -> SERVERS, "production", "https://x.example.com"))
                .hasMessage("Give mlflowServer or mlflowUrl, not both.");
    }
}
