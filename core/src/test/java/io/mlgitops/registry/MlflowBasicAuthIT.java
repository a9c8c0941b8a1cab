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
    private static final String READER = "reader";
    private static final String READER_PASSWORD = "reader-password-1";
    private static final String EDITOR = "editor";
    private static final String EDITOR_PASSWORD = "editor-password-1";

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
            mlflow.addUser(READER, READER_PASSWORD, MODEL, "READ");
            mlflow.addUser(EDITOR, EDITOR_PASSWORD, MODEL, "EDIT");
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
    void shouldSayThatAReadOnlyUserNeedsEditPermissionToMoveAnAlias() throws Exception {
        ModelRegistry reader = registry(Map.of("MLFLOW_TRACKING_USERNAME", READER,
                "MLFLOW_TRACKING_PASSWORD", READER_PASSWORD));

        assertThat(reader.getVersionByAlias(MODEL, "champion").version()).as("READ is enough to read").isEqualTo("1");
        assertThatThrownBy(() -> reader.setAlias(MODEL, "staging", "1"))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("MLflow server %s/api/2.0/mlflow/registered-models/alias refused access (HTTP 403) with "
                        + "HTTP Basic credentials from MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD: that user "
                        + "lacks EDIT permission on registered model '%s'. Ask an administrator to grant it, or set "
                        + "MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD (HTTP Basic) or MLFLOW_TRACKING_TOKEN "
                        + "(bearer token) for a user that has it.", mlflow.uri(), MODEL)
                .hasMessageNotContaining(READER_PASSWORD);
        assertThatThrownBy(() -> reader.setVersionTag(MODEL, "1", "mlgitops.promoted.staging", "abc"))
                .hasMessageContaining("lacks EDIT permission on registered model '" + MODEL + "'");
    }

    /** In MLflow 3.17 deleting an alias or a version tag takes MANAGE (the permission's can_delete), not EDIT. */
    @Test
    void shouldLetAnEditorSetButNotDelete() throws Exception {
        ModelRegistry editor = registry(Map.of("MLFLOW_TRACKING_USERNAME", EDITOR,
                "MLFLOW_TRACKING_PASSWORD", EDITOR_PASSWORD));

        editor.setAlias(MODEL, "staging", "1");
        editor.setVersionTag(MODEL, "1", "mlgitops.promoted.staging", "abc");

        assertThat(editor.getVersionByAlias(MODEL, "staging").tags()).containsEntry("mlgitops.promoted.staging",
                "abc");
        assertThatThrownBy(() -> editor.deleteAlias(MODEL, "staging"))
                .hasMessageContaining("lacks MANAGE permission on registered model '" + MODEL + "'");
        assertThatThrownBy(() -> editor.deleteVersionTag(MODEL, "1", "mlgitops.promoted.staging"))
                .hasMessageContaining("lacks MANAGE permission on registered model '" + MODEL + "'");
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
