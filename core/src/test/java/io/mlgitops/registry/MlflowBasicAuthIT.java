package io.mlgitops.registry;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.testing.MlflowServer;
import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry client against a real {@code mlflow server --app-name basic-auth}. The app needs the Flask-WTF
 * package ({@code mlflow[auth]}) in the test virtual environment.
 */
class MlflowBasicAuthIT {
    private static final String MODEL = "auth-it-churn";

    private static Boolean available;
    private static MlflowServer mlflow;

    /** Checked before each test rather than once, so that a missing package shows as skipped tests in the report. */
    @BeforeEach
    void startServer() {
        if (available == null) {
            available = MlflowServer.basicAuthAvailable();
        }
        TestEnvironment.requireService(available,
                "The MLflow basic-auth app (Python package Flask-WTF, part of mlflow[auth])");
        if (mlflow == null) {
            mlflow = MlflowServer.start(MlflowServer.Mode.BASIC_AUTH);
            mlflow.register(MODEL + "=" + TestEnvironment.example("churn/champion.onnx") + "@champion");
        }
    }

    @AfterAll
    static void stopServer() {
        if (mlflow != null) {
            mlflow.close();
        }
    }

    private static ModelRegistry registry(final Map<String, String> secrets) throws InputException {
        return ModelRegistries.mlflow(mlflow.uri(), name -> Optional.ofNullable(secrets.get(name)),
                HttpSettings.DEFAULTS);
    }

    @Test
    void shouldResolveTheAliasWithTheRightCredentials() throws Exception {
        ModelRegistry registry = registry(Map.of("MLFLOW_TRACKING_USERNAME", MlflowServer.ADMIN,
                "MLFLOW_TRACKING_PASSWORD", mlflow.adminPassword()));

        assertThat(registry.getVersionByAlias(MODEL, "champion").version()).isEqualTo("1");
    }

    @Test
    void shouldSayWhichCredentialsWereRejected() throws InputException {
        ModelRegistry registry = registry(Map.of("MLFLOW_TRACKING_USERNAME", MlflowServer.ADMIN,
                "MLFLOW_TRACKING_PASSWORD", "not-the-password"));

        assertThatThrownBy(() -> registry.getVersionByAlias(MODEL, "champion"))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("MLflow server %s/api/2.0/mlflow/registered-models/alias rejected HTTP Basic credentials "
                        + "from MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD (HTTP 401). Check them: set "
                        + "MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD (HTTP Basic) or MLFLOW_TRACKING_TOKEN "
                        + "(bearer token).", mlflow.uri())
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void shouldSayHowToSetMissingCredentials() throws InputException {
        ModelRegistry registry = registry(Map.of());

        assertThatThrownBy(() -> registry.getVersion(MODEL, "1"))
                .isExactlyInstanceOf(InputException.class)
                .hasMessageContaining("requires authentication (HTTP 401) and no credentials were given: set "
                        + "MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD");
    }
}
